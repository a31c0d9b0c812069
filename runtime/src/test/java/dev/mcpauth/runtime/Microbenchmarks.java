package dev.mcpauth.runtime;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * Runs the JMH microbenchmarks of the runtime, the {@code *Benchmark} classes beside the code they measure (in its
 * packages, so they may build package-private parts), for {@code mvn -B -pl runtime -am -Pjmh verify}. The {@code jmh}
 * profile adds JMH's annotation processor, which generates the benchmarks' harness, and has surefire run this class
 * alone. Its name matches none of surefire's patterns, so an ordinary build compiles the benchmarks and runs none.
 *
 * <p>System properties, set by the profile: {@code jmh.args}, JMH's own options separated by spaces (for example
 * {@code -f 1 -wi 1 -i 1 -r 1s}); {@code jmh.include}, a regular expression naming the benchmarks to run;
 * {@code jmh.result}, the JSON results file. {@link #main} takes JMH's usual command line, for a run from an IDE.
 */
class Microbenchmarks {

    @Test
    void run() throws Exception {
        List<String> args = new ArrayList<>(
                List.of("-rf", "json", "-rff", System.getProperty("jmh.result", "target/jmh-results.json")));
        Arrays.stream(System.getProperty("jmh.args", "").trim().split("\\s+"))
                .filter(arg -> !arg.isEmpty())
                .forEach(args::add);
        args.add(System.getProperty("jmh.include", "dev.mcpauth.runtime"));
        Collection<RunResult> results = new Runner(new CommandLineOptions(args.toArray(String[]::new))).run();
        assertFalse(results.isEmpty(), "no benchmark ran: is the annotation processor on the test classpath (-Pjmh)?");
    }

    /**
     * JMH's command line.
     *
     * @param args JMH's options and the benchmarks to run
     * @throws Exception when JMH fails
     */
    public static void main(String[] args) throws Exception {
        org.openjdk.jmh.Main.main(args);
    }
}
