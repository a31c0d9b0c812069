package dev.mcpauth.runtime.protocol;

import dev.mcpauth.McpCaller;
import dev.mcpauth.runtime.auth.AccessRequirement;
import dev.mcpauth.runtime.auth.AuditLog;
import dev.mcpauth.runtime.auth.Authorizer;
import dev.mcpauth.runtime.auth.DecisionMetrics;
import dev.mcpauth.runtime.features.FeatureMethod;
import dev.mcpauth.runtime.jsonrpc.Jsonp;
import dev.mcpauth.runtime.tools.ToolDefinition;
import dev.mcpauth.runtime.tools.ToolRegistry;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The per-request scope work: the decision for one {@code tools/call}, and {@code tools/list} filtered for a
 * caller and built as one JSON page, with 10, 100 and 1,000 tools (a third need no scope, a third
 * {@code tickets:read}, a third {@code tickets:write} too; the caller has {@code tickets:read}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ToolsListBenchmark {

    @Param({"10", "100", "1000"})
    public int tools;

    private final Authorizer authorizer = new Authorizer(true);
    private McpDispatcher dispatcher;
    private ToolDefinition readTool;
    private McpCaller caller;

    @Setup
    public void setUp() {
        List<ToolDefinition> all = new ArrayList<>();
        for (int i = 0; i < tools; i++) {
            List<String> scopes = switch (i % 3) {
                case 0 -> List.of();
                case 1 -> List.of("tickets:read");
                default -> List.of("tickets:read", "tickets:write");
            };
            String name = String.format("tool_%04d", i);
            JsonObject schema = Jsonp.object()
                    .add("type", "object")
                    .add(
                            "properties",
                            Jsonp.object()
                                    .add(
                                            "query",
                                            Jsonp.object().add("type", "string").add("description", "free text")))
                    .add("required", Jsonp.array().add("query"))
                    .add("additionalProperties", false)
                    .build();
            JsonObject descriptor = Jsonp.object()
                    .add("name", name)
                    .add("description", "Tool number " + i + " of the benchmark")
                    .add("inputSchema", schema)
                    .build();
            all.add(new ToolDefinition(
                    name,
                    descriptor,
                    new FeatureMethod(null, null, null, new AccessRequirement(scopes, i % 3 == 2, Set.of(), false)),
                    List.of(),
                    schema,
                    null,
                    List.of()));
        }
        dispatcher = new McpDispatcher(
                new ServerSettings("bench", "1", Optional.empty(), Optional.empty(), Integer.MAX_VALUE, 0),
                Features.toolsOnly(new ToolRegistry(all), null),
                authorizer,
                new AuditLog(DecisionMetrics.NONE));
        readTool = all.get(1);
        caller = new McpCaller("alice", "client", Set.of("openid", "tickets:read"), Map.of());
    }

    @Benchmark
    public ToolDefinition scopeDecisionForOneCall() {
        authorizer.check(readTool.method().access(), caller, Set.of());
        return readTool;
    }

    @Benchmark
    public JsonObject toolsListFilteredForCaller() {
        return dispatcher.dispatch(McpRequest.of("tools/list", JsonValue.EMPTY_JSON_OBJECT, RequestMetadata.NONE)
                .by(caller, Set.of()));
    }
}
