package dev.mcpauth.it.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpauth.it.Deployments;
import dev.mcpauth.it.McpHttp;
import dev.mcpauth.it.auth.TestAuthorizationServer;
import dev.mcpauth.it.fixture.ReportTaskTools;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tool calls as tasks (the 2026-07-28 tasks extension) on Liberty, with verified tokens: a task belongs to the
 * issuer, subject and client that created it, and every other caller is told it does not exist; cancel; a token
 * that lost the tool's scope does not read the result; a task past its time to live is gone; a caller may run only
 * so many at once; a 2025-era client gets the result in the request.
 */
@ExtendWith(ArquillianExtension.class)
class TasksIT {

    private static final TestAuthorizationServer AS = TestAuthorizationServer.get();
    private static final McpHttp MCP = McpHttp.forContextRoot("tasks-it");
    private static final String RESOURCE = MCP.endpoint().toString();
    private static final String EXTENSION = "{\"extensions\":{\"io.modelcontextprotocol/tasks\":{}}}";
    private static final int TTL_SECONDS = 8;
    private static final HttpClient STREAMS =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war(
                "tasks-it",
                "mcp.auth.resource=" + RESOURCE + "\nmp.jwt.verify.issuer=" + AS.issuer() + "\n"
                        + "mp.jwt.verify.audiences=" + RESOURCE + "\nmcp.tasks.ttl-seconds=" + TTL_SECONDS + "\n"
                        + "mcp.tasks.max-running-per-caller=2\nmcp.tasks.poll-interval-ms=250\n",
                ReportTaskTools.class);
    }

    private static String token(String subject, String client, String scope) {
        return AS.rs256(
                AS.claims(RESOURCE, scope).subject(subject).claim("azp", client).build());
    }

    private static final String ALICE = token("alice", "desk-app", "reports:read");
    private static final String BOB = token("bob", "desk-app", "reports:read");
    private static final String ALICE_ELSEWHERE = token("alice", "other-app", "reports:read");

    /** A 2026-07-28 request with the given capabilities. */
    private static HttpResponse<String> send(String token, String method, String name, String params, String caps) {
        String meta = "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
                + "\"io.modelcontextprotocol/clientCapabilities\":" + caps + "}";
        String body = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"" + method + "\",\"params\":{" + meta
                + (params.isEmpty() ? "" : "," + params) + "}}";
        return MCP.post(
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

    private static JsonObject result(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        JsonObject body = McpHttp.json(response.body());
        assertTrue(body.containsKey("result"), response.body());
        return body.getJsonObject("result");
    }

    private static JsonObject error(HttpResponse<String> response) {
        JsonObject body = McpHttp.json(response.body());
        assertTrue(body.containsKey("error"), response.body());
        return body.getJsonObject("error");
    }

    private static String start(String token, int seconds) {
        JsonObject created = result(send(
                token,
                "tools/call",
                "build_report",
                "\"name\":\"build_report\",\"arguments\":{\"seconds\":" + seconds + "}",
                EXTENSION));
        assertEquals("task", created.getString("resultType"), created.toString());
        assertEquals("working", created.getString("status"));
        assertEquals(TTL_SECONDS * 1000, created.getInt("ttlMs"));
        assertEquals(250, created.getInt("pollIntervalMs"));
        return created.getString("taskId");
    }

    private static HttpResponse<String> tasks(String token, String method, String taskId, String extra) {
        return send(token, method, taskId, "\"taskId\":\"" + taskId + "\"" + extra, EXTENSION);
    }

    private static JsonObject await(String token, String taskId, String status) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        JsonObject task = null;
        while (Instant.now().isBefore(deadline)) {
            task = result(tasks(token, "tasks/get", taskId, ""));
            if (task.getString("status").equals(status)) {
                return task;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("task " + taskId + " never " + status + ": " + task);
    }

    /** A {@code subscriptions/listen} stream: every JSON-RPC message on it, as it arrives. */
    private record Listening(BlockingQueue<JsonObject> heard, CompletableFuture<HttpResponse<Stream<String>>> response)
            implements AutoCloseable {

        JsonObject next(String what) throws InterruptedException {
            JsonObject message = heard.poll(20, TimeUnit.SECONDS);
            assertNotNull(message, "nothing heard: " + what);
            return message;
        }

        @Override
        public void close() {
            // the client leaves: the stream ends (an open stream would hold up the undeployment)
            response.thenAccept(r -> r.body().close());
            response.cancel(true);
        }
    }

    private static Listening listen(String token, String notifications, String capabilities) {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":\"sub-1\",\"method\":\"subscriptions/listen\",\"params\":{"
                + "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
                + "\"io.modelcontextprotocol/clientCapabilities\":" + capabilities + "},"
                + "\"notifications\":" + notifications + "}}";
        HttpRequest request = HttpRequest.newBuilder(MCP.endpoint())
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .header("MCP-Protocol-Version", "2026-07-28")
                .header("Mcp-Method", "subscriptions/listen")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        BlockingQueue<JsonObject> heard = new LinkedBlockingQueue<>();
        CompletableFuture<HttpResponse<Stream<String>>> response =
                STREAMS.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        response.thenAcceptAsync(r -> {
            if (r.statusCode() != 200) {
                heard.add(
                        Json.createObjectBuilder().add("status", r.statusCode()).build());
            }
            r.body()
                    .filter(line -> line.startsWith("data:"))
                    .forEach(line -> heard.add(McpHttp.json(line.substring(5).trim())));
        });
        return new Listening(heard, response);
    }

    @Test
    void aSubscriptionHearsItsOwnTasksStatusUntilTheResult() throws Exception {
        String mine = start(ALICE, 1);
        String bobs = start(BOB, 1);
        try (Listening listening =
                listen(ALICE, "{\"taskIds\":[\"" + mine + "\",\"" + bobs + "\",\"no-such-task\"]}", EXTENSION)) {
            JsonObject ack = listening.next("the acknowledgement");
            assertEquals("notifications/subscriptions/acknowledged", ack.getString("method"), ack.toString());
            // only her own task: bob's and an unknown one are left out alike
            assertEquals(
                    List.of(mine),
                    ack
                            .getJsonObject("params")
                            .getJsonObject("notifications")
                            .getJsonArray("taskIds")
                            .getValuesAs(JsonString.class)
                            .stream()
                            .map(JsonString::getString)
                            .toList());
            JsonObject status;
            do {
                status = listening.next("notifications/tasks until completed");
                assertEquals("notifications/tasks", status.getString("method"), status.toString());
                JsonObject params = status.getJsonObject("params");
                assertEquals(mine, params.getString("taskId"));
                assertEquals(
                        "sub-1", params.getJsonObject("_meta").getString("io.modelcontextprotocol/subscriptionId"));
            } while (!status.getJsonObject("params").getString("status").equals("completed"));
            assertTrue(
                    status.getJsonObject("params")
                            .getJsonObject("result")
                            .toString()
                            .contains("report of alice"),
                    status.toString());
        }
        try (Listening withoutExtension = listen(ALICE, "{\"taskIds\":[\"" + mine + "\"]}", "{}")) {
            JsonObject refused = withoutExtension.next("the refusal");
            assertTrue(refused.toString().contains("-32021") || refused.getInt("status", 0) == 400, refused.toString());
        }
    }

    @Test
    void aliceTaskIsInvisibleAndUncancellableToEveryoneElse() throws InterruptedException {
        String id = start(ALICE, 2);
        String unknown = error(tasks(ALICE, "tasks/get", "no-such-task", "")).toString();
        for (String other : new String[] {BOB, ALICE_ELSEWHERE}) {
            for (String method : new String[] {"tasks/get", "tasks/cancel"}) {
                HttpResponse<String> refused = tasks(other, method, id, "");
                assertEquals(200, refused.statusCode(), refused.body());
                // exactly the answer for an id that does not exist
                assertEquals(unknown, error(refused).toString(), method + " by another caller");
            }
            HttpResponse<String> update = tasks(other, "tasks/update", id, ",\"inputResponses\":{}");
            assertEquals(unknown, error(update).toString());
        }
        JsonObject done = await(ALICE, id, "completed");
        String text = done.getJsonObject("result")
                .getJsonArray("content")
                .getJsonObject(0)
                .getString("text");
        // the task ran as alice: her request-scoped bean saw her, and her token
        assertEquals("report of alice (token of alice, still in hand: true)", text);
        // the result is what the request itself would have answered: a complete 2026-07-28 result
        assertEquals("complete", done.getJsonObject("result").getString("resultType"));
        assertEquals("complete", done.getString("resultType"));
    }

    @Test
    void cancelEndsTheTaskForEveryReaderAndIsIdempotent() throws InterruptedException {
        String id = start(ALICE, 30);
        await(ALICE, id, "working");
        JsonObject ack = result(tasks(ALICE, "tasks/cancel", id, ""));
        assertEquals("complete", ack.getString("resultType"));
        assertFalse(ack.containsKey("taskId"), ack.toString());
        assertEquals("cancelled", result(tasks(ALICE, "tasks/get", id, "")).getString("status"));
        assertEquals("complete", result(tasks(ALICE, "tasks/cancel", id, "")).getString("resultType"));
    }

    @Test
    void aTokenThatLostTheToolsScopeDoesNotReadTheResult() throws InterruptedException {
        String id = start(ALICE, 0);
        await(ALICE, id, "completed");
        HttpResponse<String> narrowed = tasks(token("alice", "desk-app", "profile"), "tasks/get", id, "");
        assertEquals(403, narrowed.statusCode(), narrowed.body());
        String challenge = narrowed.headers().firstValue("WWW-Authenticate").orElse("");
        assertTrue(challenge.contains("error=\"insufficient_scope\""), challenge);
        assertTrue(challenge.contains("reports:read"), challenge);
        // cancelling one's own task needs no scope
        assertEquals(
                200,
                tasks(token("alice", "desk-app", "profile"), "tasks/cancel", id, "")
                        .statusCode());
    }

    @Test
    void aTaskPastItsTimeToLiveIsGone() throws InterruptedException {
        String id = start(ALICE, 0);
        await(ALICE, id, "completed");
        Thread.sleep(Duration.ofSeconds(TTL_SECONDS + 1).toMillis());
        JsonObject gone = error(tasks(ALICE, "tasks/get", id, ""));
        assertEquals(-32602, gone.getInt("code"));
        assertEquals("Failed to retrieve task: Task not found", gone.getString("message"));
    }

    @Test
    void aCallerMayRunOnlySoManyTasksAtOnce() {
        String first = start(BOB, 20);
        String second = start(BOB, 20);
        HttpResponse<String> third = send(
                BOB,
                "tools/call",
                "build_report",
                "\"name\":\"build_report\",\"arguments\":{\"seconds\":1}",
                EXTENSION);
        assertEquals(429, third.statusCode(), third.body());
        assertTrue(error(third).getString("message").contains("as many tasks running as allowed"), third.body());
        // alice is not held up by bob's tasks; a cancelled task makes room again
        start(ALICE, 0);
        result(tasks(BOB, "tasks/cancel", first, ""));
        start(BOB, 0);
        result(tasks(BOB, "tasks/cancel", second, ""));
    }

    @Test
    void withoutTheExtensionTheCallRunsInTheRequestAndTheTaskMethodsAreRefused() {
        JsonObject inline = result(send(
                ALICE, "tools/call", "build_report", "\"name\":\"build_report\",\"arguments\":{\"seconds\":0}", "{}"));
        assertEquals("complete", inline.getString("resultType"));
        assertFalse(inline.containsKey("taskId"), inline.toString());
        HttpResponse<String> get = send(ALICE, "tasks/get", "any", "\"taskId\":\"any\"", "{}");
        assertEquals(400, get.statusCode(), get.body());
        JsonObject refused = error(get);
        assertEquals(-32021, refused.getInt("code"));
        assertTrue(refused.getJsonObject("data")
                .getJsonObject("requiredCapabilities")
                .getJsonObject("extensions")
                .containsKey("io.modelcontextprotocol/tasks"));
        // a 2025-era client has no tasks extension: the call runs in the request
        HttpResponse<String> legacy =
                MCP.post(McpHttp.toolsCall("build_report", "{\"seconds\":0}"), McpHttp.bearer(ALICE));
        assertEquals(200, legacy.statusCode(), legacy.body());
        assertTrue(legacy.body().contains("report of alice"), legacy.body());
    }
}
