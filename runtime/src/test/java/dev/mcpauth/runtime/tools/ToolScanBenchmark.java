package dev.mcpauth.runtime.tools;

import dev.mcpauth.RequiresScope;
import dev.mcpauth.Tool;
import dev.mcpauth.ToolArg;
import dev.mcpauth.runtime.auth.AccessRequirement;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the extension does at deployment for 100 tools: read each method, build its input and output JSON
 * Schema, its scope requirement and its {@code tools/list} descriptor (10 method shapes, scanned 10 times).
 * Measured as single shots from a cold start too, since a deployment runs it once.
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(3)
public class ToolScanBenchmark {

    /**
     * A result record.
     *
     * @param id an id
     * @param title a title
     * @param tags tags
     */
    public record Item(String id, String title, List<String> tags) {}

    /**
     * An argument record.
     *
     * @param text a text
     * @param limit a limit
     * @param kind a kind
     */
    public record Query(String text, int limit, Optional<Kind> kind) {}

    /** An enum argument. */
    public enum Kind {
        A,
        B,
        C
    }

    /** Ten typical tool shapes. */
    @RequiresScope("bench:read")
    public static class Shapes {
        @Tool(description = "one")
        public String one(@ToolArg(description = "x") String x) {
            return x;
        }

        @Tool(description = "two")
        public int two(int a, int b) {
            return a + b;
        }

        @Tool(description = "three")
        public Item three(String id) {
            return null;
        }

        @Tool(description = "four")
        public List<Item> four(Query query) {
            return List.of();
        }

        @Tool(description = "five")
        @RequiresScope("bench:write")
        public Item five(String id, String text) {
            return null;
        }

        @Tool(description = "six")
        public boolean six(Optional<String> note) {
            return true;
        }

        @Tool(description = "seven")
        public List<String> seven(List<Kind> kinds) {
            return List.of();
        }

        @Tool(description = "eight")
        public Item eight(Item item, Kind kind) {
            return item;
        }

        @Tool(description = "nine")
        public String nine(double[] values, long since) {
            return "";
        }

        @Tool(description = "ten")
        public Query ten(Query query, Optional<Integer> page) {
            return query;
        }
    }

    private List<Method> methods;

    @Setup
    public void setUp() {
        methods = new ArrayList<>(Arrays.stream(Shapes.class.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(Tool.class))
                .toList());
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    public List<ToolDefinition> scan100ToolsWarm() {
        return scan100();
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    public List<ToolDefinition> scan100ToolsCold() {
        return scan100();
    }

    private List<ToolDefinition> scan100() {
        List<ToolDefinition> found = new ArrayList<>(100);
        for (int round = 0; round < 10; round++) {
            for (Method method : methods) {
                found.add(ToolScanner.scan(method, null, AccessRequirement.of(method, method.getDeclaringClass()))
                        .definition());
            }
        }
        return found;
    }
}
