package dev.mcpauth.runtime.downstream;

import dev.mcpauth.McpCaller;
import dev.mcpauth.runtime.auth.AuditLog;
import dev.mcpauth.runtime.auth.DecisionMetrics;
import dev.mcpauth.runtime.auth.HttpsRule;
import java.time.Clock;
import java.time.Duration;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the runtime adds to a call on the caller's behalf once the exchanged token is cached (the common case: one
 * exchange, then every call of that caller until 30 s before the token expires): the cache lookup, a SHA-256 of the
 * caller's token and a map read. The downstream call itself (an HTTP round trip) is the load benchmark's
 * {@code on-behalf-of} variant.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class OnBehalfOfBenchmark {

    /** A Keycloak-sized access token (about 1.2 kB). */
    private static final String CALLER_TOKEN = "eyJhbGciOiJSUzI1NiJ9." + "a".repeat(1100) + ".signature";

    private TokenEndpointStub endpoint;
    private DownstreamTokens tokens;
    private McpCaller alice;

    @Setup
    public void setUp() {
        endpoint = new TokenEndpointStub();
        endpoint.issues("exchanged", 3600);
        DownstreamApi api = new DownstreamApi("ticket-api", "ticket-api", List.of("tickets:read"), Optional.empty());
        tokens = new DownstreamTokens(
                new DownstreamSettings(
                        Map.of("ticket-api", api),
                        new ClientCredentials("mcp-server", ClientCredentials.Method.CLIENT_SECRET_BASIC, "s", null),
                        10_000,
                        Duration.ofSeconds(5)),
                new HttpsRule(false),
                new AuditLog(DecisionMetrics.NONE),
                Clock.systemUTC());
        alice = new McpCaller("alice", "client", Set.of("tickets:read"), Map.of(), endpoint.issuer());
        tokens.tokenFor("ticket-api", alice, CALLER_TOKEN);
    }

    @TearDown
    public void tearDown() {
        endpoint.close();
    }

    @Benchmark
    public String cachedExchange() {
        return tokens.tokenFor("ticket-api", alice, CALLER_TOKEN);
    }
}
