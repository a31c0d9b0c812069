package dev.mcpauth.it.payara;

import dev.mcpauth.it.support.SampleResourceServerContract;
import dev.mcpauth.it.support.ServerProcesses;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The unchanged sample WAR on Payara Micro, started as a user would:
 * {@code java -jar payara-micro.jar --deploy liberty-sample.war --contextroot / --port P --nocluster}, configured by
 * environment variables only. The build copies the jar to {@code it.payara.jar}; logs go to {@code it/target/payara}.
 */
final class PayaraMicro {

    private static final Path WORK = ServerProcesses.root().resolve("it/target/payara");

    final int port;
    final Path log;
    private final Process process;

    private PayaraMicro(int port, Path log, Process process) {
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /** Starts an instance named {@code name} with the sample pointed at itself and the test authorization server, plus {@code extra}. */
    static PayaraMicro start(String name, Map<String, String> extra) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty(
                "it.payara.jar", WORK.resolve("payara-micro.jar").toString()));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: the it build copies it (maven-dependency-plugin)");
        }
        int port = ServerProcesses.freePort();
        Files.createDirectories(WORK);
        Path log = WORK.resolve(name + ".log");
        Files.deleteIfExists(log);
        // a root directory left by an earlier run still lists the WAR as deployed: Payara Micro then "redeploys" it,
        // undeploying the running application right after it answered (seen as 503s on the second run of a machine)
        Path root = WORK.resolve(name + "-root");
        if (Files.exists(root)) {
            try (var paths = Files.walk(root)) {
                for (Path path :
                        paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        Map<String, String> environment =
                new HashMap<>(SampleResourceServerContract.sampleEnvironment("http://localhost:" + port));
        environment.putAll(extra);
        Instant start = Instant.now();
        Process process = ServerProcesses.start(
                List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx512m",
                        "-jar",
                        jar.toString(),
                        "--deploy",
                        ServerProcesses.sampleWar().toString(),
                        "--contextroot",
                        "/",
                        "--port",
                        Integer.toString(port),
                        "--nocluster",
                        "--rootdir",
                        root.toString()),
                environment,
                log);
        PayaraMicro payara = new PayaraMicro(port, log, process);
        try {
            // Payara Micro opens its port before it deploys: ready is when the metadata answers, not when the port does
            ServerProcesses.awaitOk(
                    "http://localhost:" + port + "/.well-known/oauth-protected-resource/mcp",
                    Duration.ofMinutes(3),
                    process,
                    log);
        } catch (RuntimeException e) {
            payara.stop();
            throw e;
        }
        System.out.printf(
                "Payara Micro (%s) served the sample after %d s%n",
                name, Duration.between(start, Instant.now()).toSeconds());
        return payara;
    }

    String base() {
        return "http://localhost:" + port;
    }

    void stop() throws InterruptedException {
        ServerProcesses.stop(process);
    }
}
