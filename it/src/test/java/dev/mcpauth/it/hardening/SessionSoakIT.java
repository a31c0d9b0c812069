package dev.mcpauth.it.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpauth.it.Deployments;
import dev.mcpauth.it.McpHttp;
import dev.mcpauth.it.auth.TestAuthorizationServer;
import dev.mcpauth.it.fixture.ConfirmTools;
import jakarta.json.JsonObject;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
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
 * Nothing grows after sessions end: a deployment whose limits leave room for only one life cycle at a time (3
 * sessions in all, 2 notification streams, 1 question waiting per caller) serves 200 of them in a row, each with a
 * session, its GET stream, a tool call that asks the user and gets the answer, and the DELETE that ends it. Anything
 * left behind by one cycle (a session, a stream's registration, a waiting question) would fill a limit within a few
 * cycles and the next one would be refused.
 */
@ExtendWith(ArquillianExtension.class)
class SessionSoakIT {

    private static final TestAuthorizationServer AS = TestAuthorizationServer.get();
    private static final McpHttp MCP = McpHttp.forContextRoot("session-soak-it");
    private static final String RESOURCE = MCP.endpoint().toString();
    private static final HttpClient STREAMS =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final int CYCLES = 200;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war(
                "session-soak-it",
                "mcp.auth.resource=" + RESOURCE + "\nmp.jwt.verify.issuer=" + AS.issuer() + "\n"
                        + "mcp.sessions.enabled=true\nmcp.sessions.max=3\nmcp.streams.max=2\n"
                        + "mcp.client-requests.max-per-caller=1\n",
                ConfirmTools.class);
    }

    @Test
    void twoHundredSessionLifeCyclesLeaveNothingBehind() throws Exception {
        String token = AS.rs256(AS.claims(RESOURCE, "tickets:read").build());
        Instant start = Instant.now();
        for (int cycle = 0; cycle < CYCLES; cycle++) {
            lifeCycle(token, cycle);
        }
        System.out.printf(
                "session soak: %d life cycles (session, GET stream, question answered, DELETE) in %d ms%n",
                CYCLES, Duration.between(start, Instant.now()).toMillis());
    }

    private static void lifeCycle(String token, int cycle) throws Exception {
        HttpResponse<String> opened = MCP.post(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\","
                        + "\"capabilities\":{\"elicitation\":{}},\"clientInfo\":{\"name\":\"soak\",\"version\":\"1\"}}}",
                McpHttp.bearer(token));
        assertEquals(200, opened.statusCode(), "cycle " + cycle + ": " + opened.body());
        String session = opened.headers().firstValue("Mcp-Session-Id").orElseThrow();

        HttpResponse<Stream<String>> listening = STREAMS.send(
                request(token, session)
                        .header("Accept", "text/event-stream")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, listening.statusCode(), "cycle " + cycle + ": the GET stream");
        CompletableFuture<Long> streamEnds =
                CompletableFuture.supplyAsync(() -> listening.body().count());

        BlockingQueue<JsonObject> call = new LinkedBlockingQueue<>();
        HttpRequest toolsCall = request(token, session)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(
                        McpHttp.toolsCall("record_note", "{\"text\":\"n" + cycle + "\"}")))
                .build();
        STREAMS.sendAsync(toolsCall, HttpResponse.BodyHandlers.ofLines())
                .thenAcceptAsync(response -> response.body()
                        .filter(line -> line.startsWith("data: "))
                        .forEach(line -> call.add(McpHttp.json(line.substring(6)))));
        JsonObject question = call.poll(20, TimeUnit.SECONDS);
        assertTrue(
                question != null && "elicitation/create".equals(question.getString("method", "")),
                "cycle " + cycle + ": the question: " + question);
        HttpResponse<String> answered = MCP.post(
                "{\"jsonrpc\":\"2.0\",\"id\":" + question.get("id")
                        + ",\"result\":{\"action\":\"accept\",\"content\":{\"ok\":true}}}",
                Map.of("Authorization", "Bearer " + token, "Mcp-Session-Id", session));
        assertEquals(202, answered.statusCode(), "cycle " + cycle + ": " + answered.body());
        JsonObject result = call.poll(20, TimeUnit.SECONDS);
        assertEquals("recorded: n" + cycle, McpHttp.text(result.getJsonObject("result")), "cycle " + cycle);

        HttpResponse<String> deleted = MCP.send(request(token, session).DELETE().build());
        assertEquals(204, deleted.statusCode(), "cycle " + cycle);
        streamEnds.get(20, TimeUnit.SECONDS); // the session's end ends its stream
    }

    private static HttpRequest.Builder request(String token, String session) {
        return HttpRequest.newBuilder(MCP.endpoint())
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Mcp-Session-Id", session)
                .header("MCP-Protocol-Version", "2025-11-25");
    }
}
