package dev.mcpauth.it.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpauth.it.McpHttp;
import dev.mcpauth.it.support.DpopClient;
import dev.mcpauth.it.support.SampleResourceServerContract;
import dev.mcpauth.it.support.ServerProcesses;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Scale-out: two Open Liberty servers run the unchanged sample WAR (the sample's own server.xml, plus an access
 * log dropped into configDropins), nginx from Debian's packages balances them round-robin with
 * {@code it/scale/nginx.conf}, and both instances have {@code mcp.auth.resource} set to the proxy's URL. The whole
 * resource-server contract runs through the proxy; then a client's consecutive requests must land on both
 * instances (read from each server's access log), and with one instance stopped mid-run the other serves on.
 * Logs are kept under {@code it/target/scale}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleOutIT extends SampleResourceServerContract {

    static final int PROXY_PORT = 9380;
    static final String PUBLIC_BASE = "http://localhost:" + PROXY_PORT;
    private static final Path ROOT = ServerProcesses.root();
    private static final Path WORK = ROOT.resolve("it/target/scale");
    private static final Path USER_DIR = WORK.resolve("usr");
    private static final Path NGINX_PREFIX = WORK.resolve("nginx");
    private static final Path LIBERTY = Path.of(System.getProperty(
                    "it.liberty.home", ROOT.resolve("it/target/liberty/wlp").toString()))
            .resolve("bin/server");
    private static final Map<String, Integer> INSTANCES = Map.of("mcpA", 9381, "mcpB", 9382);
    private static Process nginx;
    private static int jwksBefore;

    @Override
    protected String publicBase() {
        return PUBLIC_BASE;
    }

    @BeforeAll
    static void startTwoInstancesAndNginx() throws Exception {
        String nginxBin = nginxExecutable();
        ServerProcesses.assertPortFree(PROXY_PORT);
        INSTANCES.values().forEach(ServerProcesses::assertPortFree);
        INSTANCES.keySet().forEach(name -> ServerProcesses.assertPortFree(hazelcastPort(name)));
        Files.createDirectories(WORK);
        jwksBefore = AS.jwksRequests();
        Instant start = Instant.now();
        List<CompletableFuture<Void>> starting = new ArrayList<>();
        for (Map.Entry<String, Integer> instance : INSTANCES.entrySet()) {
            prepareServer(instance.getKey(), instance.getValue());
            starting.add(CompletableFuture.runAsync(() -> startServer(instance.getKey(), instance.getValue())));
        }
        CompletableFuture.allOf(starting.toArray(CompletableFuture[]::new)).join();
        Instant instancesReady = Instant.now();

        Files.createDirectories(NGINX_PREFIX.resolve("logs"));
        Files.createDirectories(NGINX_PREFIX.resolve("temp"));
        Path config = ROOT.resolve("it/scale/nginx.conf");
        List<String> base =
                List.of(nginxBin, "-p", NGINX_PREFIX + "/", "-e", "logs/error.log", "-c", config.toString());
        List<String> test = new ArrayList<>(base);
        test.add("-t");
        assertEquals(
                0,
                ServerProcesses.run(test, Map.of(), NGINX_PREFIX.resolve("logs/nginx-t.log"), Duration.ofSeconds(30)),
                "nginx -t rejected " + config + "; see " + NGINX_PREFIX.resolve("logs/nginx-t.log"));
        List<String> run = new ArrayList<>(base);
        run.addAll(List.of("-g", "daemon off;"));
        nginx = ServerProcesses.start(run, Map.of(), NGINX_PREFIX.resolve("logs/nginx-console.log"));
        ServerProcesses.awaitOk(
                PUBLIC_BASE + "/.well-known/oauth-protected-resource/mcp",
                Duration.ofSeconds(30),
                nginx,
                NGINX_PREFIX.resolve("logs/error.log"));
        System.out.printf(
                "scale-out: two Liberty instances ready in %d s, nginx in %d s more%n",
                Duration.between(start, instancesReady).toSeconds(),
                Duration.between(instancesReady, Instant.now()).toSeconds());
    }

    @AfterAll
    static void stopEverything() throws Exception {
        try {
            ServerProcesses.stop(nginx);
        } finally {
            for (String name : INSTANCES.keySet()) {
                stopServer(name);
                Path messages = USER_DIR.resolve("servers/" + name + "/logs/messages.log");
                if (Files.exists(messages)) {
                    Files.copy(messages, WORK.resolve(name + "-messages.log"), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /**
     * A client's consecutive requests (one connection to the proxy, one flow: metadata, list, read, step-up, write)
     * land on both instances, each about half, as each instance's own access log shows.
     */
    @Test
    @Order(1)
    void consecutiveRequestsOfOneClientLandOnBothInstances() throws Exception {
        Map<String, Integer> before = servedPerInstance();
        String reader = token("tickets:read");
        String writer = token("tickets:read tickets:write");
        int requests = 0;
        for (int round = 0; round < 10; round++) {
            assertEquals(
                    List.of("export_tickets", "get_ticket", "search_tickets", "whoami"),
                    mcp().toolNames(reader).stream().sorted().toList());
            assertTrue(McpHttp.text(mcp().callTool(reader, "get_ticket", "{\"id\":\"T-1001\"}"))
                    .contains("T-1001"));
            HttpResponse<String> refused = mcp().post(
                            McpHttp.toolsCall("draft_reply", "{\"ticketId\":\"T-1001\",\"text\":\"x\"}"),
                            McpHttp.bearer(reader));
            assertEquals(403, refused.statusCode(), refused.body());
            mcp().callTool(writer, "draft_reply", "{\"ticketId\":\"T-1001\",\"text\":\"x\"}");
            requests += 4;
        }
        Map<String, Integer> served = awaitServed(before, requests);
        System.out.println("scale-out: " + requests + " requests served per instance: " + served);
        for (Map.Entry<String, Integer> instance : served.entrySet()) {
            assertTrue(
                    instance.getValue() >= requests / 4,
                    instance.getKey() + " served too few of " + requests + ": " + served);
        }
        int fetched = AS.jwksRequests() - jwksBefore;
        System.out.println("scale-out: JWKS fetches at the authorization server for " + INSTANCES.size()
                + " instances: " + fetched);
        assertTrue(
                fetched >= INSTANCES.size() && fetched <= 2 * INSTANCES.size(),
                "each instance fetches the key set once and caches it; fetched " + fetched);
    }

    /**
     * The official TypeScript SDK clients (1.x in the 2025-11-25 era, 2.x pinned to 2026-07-28) run their flow
     * through the proxy ({@code it/scale/sdk-client-flow.mjs}), and both instances serve their requests.
     */
    @Test
    @Order(2)
    void theOfficialSdkClientsFlowThroughTheProxyIsServedByBothInstances() throws Exception {
        Path e2e = ROOT.resolve("it/e2e");
        assertEquals(
                0,
                ServerProcesses.run(
                        List.of("npm", "install", "--no-audit", "--no-fund", "--prefix", e2e.toString()),
                        Map.of(),
                        WORK.resolve("npm-install.log"),
                        Duration.ofMinutes(5)),
                "npm install failed; see " + WORK.resolve("npm-install.log"));
        Map<String, Integer> before = servedPerInstance();
        Path report = WORK.resolve("sdk-client-flow.log");
        Files.deleteIfExists(report);
        int exit = ServerProcesses.run(
                List.of("node", ROOT.resolve("it/scale/sdk-client-flow.mjs").toString()),
                Map.of(
                        "MCP_URL",
                        resource(),
                        "READER_TOKEN",
                        token("tickets:read"),
                        "WRITER_TOKEN",
                        token("tickets:read tickets:write"),
                        "ROUNDS",
                        "5"),
                report,
                Duration.ofMinutes(3));
        String output = Files.readString(report);
        System.out.println("scale-out: SDK clients: " + output.strip());
        assertEquals(0, exit, output);
        Map<String, Integer> served = awaitServed(before, 40);
        System.out.println("scale-out: SDK client requests served per instance: " + served);
        served.forEach((name, count) ->
                assertTrue(count >= 10, name + " served too few of the SDK clients' requests: " + served));
    }

    /** A client of the instance named, bypassing the proxy: the test decides which instance serves what. */
    private static McpHttp direct(String instance) {
        return new McpHttp(URI.create("http://localhost:" + INSTANCES.get(instance) + "/mcp"));
    }

    private static final HttpClient STREAMS =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
            + "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{\"elicitation\":{}},"
            + "\"clientInfo\":{\"name\":\"scale-it\",\"version\":\"1\"}}}";

    /** Opens a 2025 session on the instance named; returns its id. */
    private static String openSession(String instance, String token) {
        HttpResponse<String> opened = direct(instance).post(INITIALIZE, McpHttp.bearer(token));
        assertEquals(200, opened.statusCode(), opened.body());
        return opened.headers().firstValue("Mcp-Session-Id").orElseThrow(() -> new AssertionError("no session id"));
    }

    private static Map<String, String> inSession(String token, String session) {
        return Map.of(
                "Authorization", "Bearer " + token, "Mcp-Session-Id", session, "MCP-Protocol-Version", "2025-11-25");
    }

    /** The JSON messages of an SSE response, as they arrive. */
    private static BlockingQueue<JsonObject> events(HttpRequest request) {
        BlockingQueue<JsonObject> events = new LinkedBlockingQueue<>();
        STREAMS.sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .thenAcceptAsync(response -> response.body()
                        .filter(line -> line.startsWith("data: "))
                        .forEach(line -> events.add(McpHttp.json(line.substring(6)))));
        return events;
    }

    private static JsonObject next(BlockingQueue<JsonObject> events, String what) throws InterruptedException {
        JsonObject event = events.poll(20, TimeUnit.SECONDS);
        if (event == null) {
            throw new AssertionError("no " + what + " within 20 s");
        }
        return event;
    }

    /** A session opened on one instance is served by the other, and only to the caller who opened it. */
    @Test
    @Order(3)
    void aSessionOpenedOnOneInstanceIsServedByTheOtherOnlyToItsOwner() {
        String alice = token("tickets:read");
        String session = openSession("mcpA", alice);
        String list = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}";
        HttpResponse<String> onB = direct("mcpB").post(list, inSession(alice, session));
        assertEquals(200, onB.statusCode(), onB.body());
        HttpResponse<String> bobOnB = direct("mcpB").post(list, inSession(token("tickets:read", BOB, "bob"), session));
        assertEquals(404, bobOnB.statusCode(), "another caller's use of the session id: " + bobOnB.body());
    }

    /**
     * alice's draft_reply runs on mcpA and asks her to confirm on the call's stream; her answer goes to mcpB, which
     * hands it to mcpA over the engine; the recorded draft updates the ticket's resource, and the subscription her
     * session holds on mcpB's GET stream hears it.
     */
    @Test
    @Order(4)
    void anAnswerOnTheOtherInstanceCompletesTheCallAndTheChangeReachesAStreamThere() throws Exception {
        String alice = token("tickets:read tickets:write");
        String session = openSession("mcpA", alice);
        HttpResponse<String> subscribed = direct("mcpB")
                .post(
                        "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"resources/subscribe\",\"params\":{\"uri\":\"tickets://T-1001\"}}",
                        inSession(alice, session));
        assertEquals(200, subscribed.statusCode(), subscribed.body());
        HttpRequest.Builder get = HttpRequest.newBuilder(direct("mcpB").endpoint())
                .header("Accept", "text/event-stream")
                .GET();
        inSession(alice, session).forEach(get::header);
        BlockingQueue<JsonObject> heardOnB = events(get.build());

        HttpRequest.Builder call = HttpRequest.newBuilder(direct("mcpA").endpoint())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(McpHttp.toolsCall(
                        "draft_reply", "{\"ticketId\":\"T-1001\",\"text\":\"Scale-out says hello.\"}")));
        inSession(alice, session).forEach(call::header);
        BlockingQueue<JsonObject> callStream = events(call.build());
        JsonObject question = next(callStream, "elicitation/create on the call's stream");
        assertEquals("elicitation/create", question.getString("method"), question.toString());

        String answer = "{\"jsonrpc\":\"2.0\",\"id\":" + question.get("id") + ",\"result\":"
                + "{\"action\":\"accept\",\"content\":{\"save\":true}}}";
        HttpResponse<String> answered = direct("mcpB").post(answer, inSession(alice, session));
        assertEquals(202, answered.statusCode(), answered.body());
        assertEquals(
                400, direct("mcpA").post(answer, inSession(alice, session)).statusCode(), "an answer is taken once");

        JsonObject result = next(callStream, "the call's result");
        assertFalse(result.getJsonObject("result").getBoolean("isError", false), result.toString());
        assertTrue(result.toString().contains("Scale-out says hello."), result.toString());

        JsonObject update = next(heardOnB, "notifications/resources/updated on mcpB's GET stream");
        assertEquals("notifications/resources/updated", update.getString("method"), update.toString());
        assertEquals("tickets://T-1001", update.getJsonObject("params").getString("uri"));
    }

    /**
     * alice's export runs as a task on mcpA; mcpB answers her polls and hands her the result, tells bob the task does
     * not exist, and cancels a second export of hers that runs on mcpA.
     */
    @Test
    @Order(5)
    void aTaskCreatedOnOneInstanceIsPolledFetchedAndCancelledThroughTheOther() throws Exception {
        String alice = token("tickets:read");
        String id = startExport(direct("mcpA"), alice, 200);
        JsonObject done = awaitTask(direct("mcpB"), alice, id, "completed");
        String csv = done.getJsonObject("result")
                .getJsonArray("content")
                .getJsonObject(0)
                .getString("text");
        assertTrue(csv.startsWith("id,title,status,customer\n") && csv.contains("T-1001"), csv);
        JsonObject bobsView =
                McpHttp.json(taskRequest(direct("mcpB"), token("tickets:read", BOB, "bob"), "tasks/get", id)
                        .body());
        assertEquals(-32602, bobsView.getJsonObject("error").getInt("code"), bobsView.toString());

        String running = startExport(direct("mcpA"), alice, 10_000);
        HttpResponse<String> cancelled = taskRequest(direct("mcpB"), alice, "tasks/cancel", running);
        assertEquals(200, cancelled.statusCode(), cancelled.body());
        assertEquals("cancelled", taskStatus(direct("mcpA"), alice, running).getString("status"));
    }

    /**
     * A DPoP proof is good for one request on every instance: alice's bound token with a proof is served by mcpA,
     * and the same proof sent to mcpB is refused as used already (the proofs seen live on the engine).
     */
    @Test
    @Order(6)
    void aDpopProofUsedOnOneInstanceIsRefusedByTheOther() throws Exception {
        DpopClient client = DpopClient.withNewKey();
        String token = AS.rs256(AS.claims(resource(), "tickets:read")
                .subject(ALICE)
                .claim("cnf", client.cnf())
                .build());
        // the proof is for the resource URL the clients use (the proxy's), which the instances compare htu with
        Map<String, String> headers =
                Map.of("Authorization", "DPoP " + token, "DPoP", client.proof("POST", resource(), token));
        String list = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}";
        HttpResponse<String> first = direct("mcpA").post(list, headers);
        assertEquals(200, first.statusCode(), first.body());
        HttpResponse<String> replayed = direct("mcpB").post(list, headers);
        assertEquals(401, replayed.statusCode(), replayed.body());
        assertEquals(
                "The DPoP proof was used already", McpHttp.json(replayed.body()).getString("error_description"));
    }

    /** One instance stopped while a client keeps calling: at most the request in flight fails, the rest are served. */
    @Test
    @Order(Integer.MAX_VALUE)
    void withOneInstanceStoppedMidRunTheOtherKeepsServing() throws Exception {
        String reader = token("tickets:read");
        String sessionOnB = openSession("mcpB", reader);
        AtomicInteger sent = new AtomicInteger();
        List<String> failures = new ArrayList<>();
        CompletableFuture<Void> stopping = null;
        Map<String, Integer> beforeStop = null;
        int total = 300;
        // an export running on mcpB when it stops ends as failed, never working forever: three tickets a minute
        // apart outlast the 30 s the server grants running work when it stops (Liberty's quiesce)
        String exporting = startExport(direct("mcpB"), reader, 60_000);
        for (int i = 0; i < total; i++) {
            if (i == 60) {
                beforeStop = servedPerInstance();
                stopping = CompletableFuture.runAsync(() -> stopServer("mcpB"));
            }
            sent.incrementAndGet();
            try {
                HttpResponse<String> response =
                        mcp().post(McpHttp.toolsCall("search_tickets", "{\"query\":\"\"}"), McpHttp.bearer(reader));
                if (response.statusCode() != 200 || !response.body().contains("T-1001")) {
                    failures.add(i + ": HTTP " + response.statusCode() + " " + response.body());
                }
            } catch (RuntimeException e) {
                failures.add(i + ": " + e);
            }
            Thread.sleep(20);
        }
        stopping.join();
        Map<String, Integer> servedSince = awaitServed(beforeStop, total - 60 - failures.size());
        Map<String, Integer> after = servedPerInstance();
        System.out.println("scale-out: with mcpB stopped after request 60: " + failures.size() + " failed of " + total
                + "; served per instance before the stop " + beforeStop + ", at the end " + after + "; failures "
                + failures);
        assertTrue(failures.size() <= 1, "only the request in flight may fail: " + failures);
        assertTrue(
                servedSince.get("mcpA") >= (total - 60) / 2 + 30,
                "mcpA served the rest: " + beforeStop + " -> " + after);
        HttpResponse<String> still = mcp().post(McpHttp.toolsCall("whoami", "{}"), McpHttp.bearer(reader));
        assertEquals(200, still.statusCode(), still.body());
        JsonObject failed = awaitTask(direct("mcpA"), reader, exporting, "failed");
        assertTrue(failed.getString("statusMessage").contains("stopped"), failed.toString());
        assertEquals(-32603, failed.getJsonObject("error").getInt("code"), failed.toString());
        // the session mcpB opened lives on in the engine: mcpA serves it
        HttpResponse<String> session = mcp().post(McpHttp.toolsCall("whoami", "{}"), inSession(reader, sessionOnB));
        assertEquals(200, session.statusCode(), "mcpB's session after mcpB stopped: " + session.body());
    }

    /** A 2026-07-28 request of a client that declared the tasks extension. */
    private static HttpResponse<String> modern(
            McpHttp instance, String token, String method, String name, String params) {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"" + method + "\",\"params\":{\"_meta\":{"
                + "\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
                + "\"io.modelcontextprotocol/clientCapabilities\":{\"extensions\":{\"io.modelcontextprotocol/tasks\":{}}}},"
                + params + "}}";
        return instance.post(
                body,
                Map.of(
                        "Authorization",
                        "Bearer " + token,
                        "MCP-Protocol-Version",
                        "2026-07-28",
                        "Mcp-Method",
                        method,
                        "Mcp-Name",
                        name));
    }

    private static String startExport(McpHttp instance, String token, int pauseMs) {
        HttpResponse<String> created = modern(
                instance,
                token,
                "tools/call",
                "export_tickets",
                "\"name\":\"export_tickets\",\"arguments\":{\"pauseMs\":" + pauseMs + "}");
        assertEquals(200, created.statusCode(), created.body());
        JsonObject result = McpHttp.json(created.body()).getJsonObject("result");
        assertEquals("task", result.getString("resultType"), created.body());
        return result.getString("taskId");
    }

    private static HttpResponse<String> taskRequest(McpHttp instance, String token, String method, String taskId) {
        return modern(instance, token, method, taskId, "\"taskId\":\"" + taskId + "\"");
    }

    private static JsonObject taskStatus(McpHttp instance, String token, String taskId) {
        HttpResponse<String> response = taskRequest(instance, token, "tasks/get", taskId);
        assertEquals(200, response.statusCode(), response.body());
        JsonObject body = McpHttp.json(response.body());
        assertTrue(body.containsKey("result"), response.body());
        return body.getJsonObject("result");
    }

    private static JsonObject awaitTask(McpHttp instance, String token, String taskId, String status)
            throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        JsonObject task = null;
        while (Instant.now().isBefore(deadline)) {
            task = taskStatus(instance, token, taskId);
            if (task.getString("status").equals(status)) {
                return task;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("task " + taskId + " never " + status + ": " + task);
    }

    private static void prepareServer(String name, int port) throws IOException {
        Path server = USER_DIR.resolve("servers/" + name);
        Files.createDirectories(server.resolve("apps"));
        Files.createDirectories(server.resolve("configDropins/overrides"));
        Files.copy(
                ROOT.resolve("liberty-sample/src/main/liberty/config/server.xml"),
                server.resolve("server.xml"),
                StandardCopyOption.REPLACE_EXISTING);
        Files.copy(
                ServerProcesses.sampleWar(),
                server.resolve("apps/liberty-sample.war"),
                StandardCopyOption.REPLACE_EXISTING);
        // the sample's server.xml also deploys its ticket API (unused here: the tickets stay in memory)
        Files.copy(
                ROOT.resolve("liberty-sample/ticket-api/target/ticket-api.war"),
                server.resolve("apps/ticket-api.war"),
                StandardCopyOption.REPLACE_EXISTING);
        Files.copy(
                ROOT.resolve("it/scale/liberty-access-log.xml"),
                server.resolve("configDropins/overrides/access-log.xml"),
                StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(
                server.resolve("bootstrap.properties"), "http.port=" + port + "\nhttps.port=" + (port + 100) + "\n");
        // the instances share sessions, questions and subscriptions through embedded Hazelcast members on loopback,
        // in a cluster of this run's own name (docs/deployment.md#sessions)
        Files.writeString(
                server.resolve("server.env"),
                "MCP_STATE_ENGINE=hazelcast\n"
                        + "MCP_STATE_HAZELCAST_CLUSTER_NAME=scale-it-"
                        + ProcessHandle.current().pid() + "\n"
                        + "MCP_STATE_HAZELCAST_INTERFACE=127.0.0.1\n"
                        + "MCP_STATE_HAZELCAST_PORT=" + hazelcastPort(name) + "\n"
                        + "MCP_STATE_HAZELCAST_MEMBERS=127.0.0.1:" + hazelcastPort("mcpA") + ",127.0.0.1:"
                        + hazelcastPort("mcpB") + "\n");
        Files.writeString(
                server.resolve("jvm.options"),
                "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED\n"
                        + "--add-opens=java.management/sun.management=ALL-UNNAMED\n"
                        + "--add-opens=jdk.management/com.sun.management.internal=ALL-UNNAMED\n");
        Files.deleteIfExists(server.resolve("logs/http_access.log"));
    }

    /** Each instance's Hazelcast member port. */
    static int hazelcastPort(String instance) {
        return INSTANCES.get(instance) + 6500;
    }

    private static Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>(sampleEnvironment(PUBLIC_BASE));
        environment.put("WLP_USER_DIR", USER_DIR.toString());
        return environment;
    }

    private static void startServer(String name, int port) {
        try {
            Path log = WORK.resolve(name + "-start.log");
            assertEquals(
                    0,
                    ServerProcesses.run(
                            List.of(LIBERTY.toString(), "start", name, "--clean"),
                            environment(),
                            log,
                            Duration.ofMinutes(3)),
                    name + " did not start; see " + log);
            ServerProcesses.awaitOk(
                    "http://localhost:" + port + "/.well-known/oauth-protected-resource/mcp",
                    Duration.ofMinutes(3),
                    null,
                    log);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void stopServer(String name) {
        try {
            ServerProcesses.run(
                    List.of(LIBERTY.toString(), "stop", name),
                    environment(),
                    WORK.resolve(name + "-stop.log"),
                    Duration.ofMinutes(2));
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** POST /mcp lines in each instance's access log. */
    private static Map<String, Integer> servedPerInstance() throws IOException {
        Map<String, Integer> served = new HashMap<>();
        for (String name : INSTANCES.keySet()) {
            Path log = USER_DIR.resolve("servers/" + name + "/logs/http_access.log");
            served.put(
                    name,
                    Files.exists(log)
                            ? (int) Files.readAllLines(log).stream()
                                    .filter(line -> line.contains("\"POST /mcp "))
                                    .count()
                            : 0);
        }
        return served;
    }

    /** Waits (the access log is written in the background) until the instances logged {@code requests} more POSTs. */
    private static Map<String, Integer> awaitServed(Map<String, Integer> before, int requests) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        Map<String, Integer> delta = new HashMap<>();
        while (Instant.now().isBefore(deadline)) {
            Map<String, Integer> now = servedPerInstance();
            now.forEach((name, count) -> delta.put(name, count - before.get(name)));
            if (delta.values().stream().mapToInt(Integer::intValue).sum() >= requests) {
                break;
            }
            Thread.sleep(250);
        }
        return delta;
    }

    private static String nginxExecutable() {
        for (String candidate : List.of("/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/bin/nginx")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        throw new IllegalStateException("nginx is not installed: apt-get install nginx (.ci/run installs it)");
    }
}
