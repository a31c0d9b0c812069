package dev.mcpauth.it.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpauth.it.support.OtlpReceiver;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Calls on behalf of the user, as the sample makes them with {@code SAMPLE_TICKETS=ticket-api}: the MCP tools reach the
 * ticket API with a token Keycloak issued for it by token exchange (RFC 8693), never with the MCP token; one trace runs
 * from the client through the MCP server to the ticket API. Run by {@link SampleEndToEndIT} while Keycloak and the
 * sample are up.
 */
final class OnBehalfOfChecks {

    static final String MCP = "http://localhost:9080/mcp";
    static final String TICKET_API = "http://localhost:9080/ticket-api";
    static final String TOKEN_ENDPOINT = "http://localhost:8180/realms/mcp/protocol/openid-connect/token";
    static final String ALICE = "a11ce000-0000-4000-8000-000000000001";
    static final String BOB = "b0b00000-0000-4000-8000-000000000002";

    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private OnBehalfOfChecks() {}

    /**
     * One {@code tools/call} on the 2026-07-28 wire.
     *
     * @param token the caller's MCP token
     * @param tool the tool
     * @param arguments its arguments
     * @param traceparent the W3C trace context to put in {@code _meta}, or null
     * @return the JSON-RPC answer
     */
    static JsonObject call(String token, String tool, JsonObject arguments, String traceparent) throws Exception {
        var meta = Json.createObjectBuilder()
                .add("io.modelcontextprotocol/protocolVersion", "2026-07-28")
                .add(
                        "io.modelcontextprotocol/clientInfo",
                        Json.createObjectBuilder()
                                .add("name", "on-behalf-of-check")
                                .add("version", "1"))
                .add("io.modelcontextprotocol/clientCapabilities", Json.createObjectBuilder());
        if (traceparent != null) {
            meta.add("traceparent", traceparent);
        }
        JsonObject request = Json.createObjectBuilder()
                .add("jsonrpc", "2.0")
                .add("id", 1)
                .add("method", "tools/call")
                .add(
                        "params",
                        Json.createObjectBuilder()
                                .add("name", tool)
                                .add("arguments", arguments)
                                .add("_meta", meta))
                .build();
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(MCP))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json, text/event-stream")
                        .header("MCP-Protocol-Version", "2026-07-28")
                        .header("Mcp-Method", "tools/call")
                        .header("Mcp-Name", tool)
                        .POST(HttpRequest.BodyPublishers.ofString(request.toString()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return json(response.body());
    }

    /** A ticket id as the tools' only argument. */
    static JsonObject ticket(String id) {
        return Json.createObjectBuilder().add("id", id).build();
    }

    /** The text of a tool result's first content item. */
    static String text(JsonObject answer) {
        return answer.getJsonObject("result")
                .getJsonArray("content")
                .getJsonObject(0)
                .getString("text");
    }

    static boolean isError(JsonObject answer) {
        return answer.getJsonObject("result").getBoolean("isError", false);
    }

    /** How many token exchanges the audit log recorded for a subject (the sample's messages.log). */
    static long exchanges(Path messagesLog, String subject) throws IOException {
        Pattern line = Pattern.compile(
                "\"decision\":\"token_exchange\",\"outcome\":\"issued\",\"api\":\"ticket-api\",\"subject\":\"" + subject
                        + "\"");
        try (var lines = Files.lines(messagesLog)) {
            return lines.filter(l -> line.matcher(l).find()).count();
        }
    }

    /**
     * A token for the ticket API, exchanged by the test itself as the MCP server's client: to show what the API decides
     * for a user, apart from what the MCP server decides first.
     */
    static String exchangeAsTheMcpServer(String subjectToken) throws Exception {
        String form = "grant_type=" + enc("urn:ietf:params:oauth:grant-type:token-exchange")
                + "&subject_token=" + enc(subjectToken)
                + "&subject_token_type=" + enc("urn:ietf:params:oauth:token-type:access_token")
                + "&audience=ticket-api&scope=" + enc("tickets:read tickets:write");
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(TOKEN_ENDPOINT))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header(
                                "Authorization",
                                "Basic "
                                        + Base64.getEncoder()
                                                .encodeToString("mcp-resource-server:mcp-resource-secret"
                                                        .getBytes(StandardCharsets.UTF_8)))
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return json(response.body()).getString("access_token");
    }

    /** A request to the ticket API with a token. */
    static HttpResponse<String> ticketApi(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(TICKET_API + path))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * alice reads her ticket three times: one exchange; the ticket API sees a token for itself and her subject. Her MCP
     * token sent to the ticket API directly is refused: its audience is the MCP server. Her draft goes to the API.
     */
    static void aliceReadsThroughTheTicketApiWithOneExchange(String alice, Path messagesLog) throws Exception {
        long before = exchanges(messagesLog, ALICE);
        for (int i = 0; i < 3; i++) {
            JsonObject answer = call(alice, "get_ticket", ticket("T-1001"), null);
            assertFalse(isError(answer), answer.toString());
            JsonObject ticket = answer.getJsonObject("result").getJsonObject("structuredContent");
            assertEquals("T-1001", ticket.getString("id"));
            assertEquals("Cannot log in after password reset", ticket.getString("title"));
        }
        assertEquals(1, exchanges(messagesLog, ALICE) - before, "three calls, one exchange while the token is valid");

        HttpResponse<String> direct = ticketApi("GET", "/tickets/T-1001", alice, null);
        assertEquals(401, direct.statusCode(), "the MCP token is not a ticket-api token: " + direct.body());
        assertTrue(
                direct.headers().firstValue("WWW-Authenticate").orElse("").contains("error=\"invalid_token\""),
                direct.headers().map().toString());

        JsonObject drafted = call(
                alice,
                "draft_reply",
                Json.createObjectBuilder()
                        .add("ticketId", "T-1002")
                        .add("text", "The corrected invoice is on its way.")
                        .build(),
                null);
        assertFalse(isError(drafted), drafted.toString());
        HttpResponse<String> drafts = ticketApi("GET", "/tickets/T-1002/drafts", exchangeAsTheMcpServer(alice), null);
        assertEquals(200, drafts.statusCode(), drafts.body());
        assertTrue(drafts.body().contains("The corrected invoice is on its way."), drafts.body());
    }

    /**
     * bob: the API decides from the exchanged token's subject (alice's ticket is not found for him) and scopes (his
     * exchanged token has tickets:read only, so the API refuses his write with 403 insufficient_scope). The MCP server
     * refuses his draft_reply before any exchange, with the step-up challenge.
     */
    static void bobsExchangedTokenReadsHisTicketsAndCannotWrite(String bob) throws Exception {
        JsonObject foreign = call(bob, "get_ticket", ticket("T-1001"), null);
        assertTrue(isError(foreign), foreign.toString());
        assertEquals("No ticket T-1001 for you", text(foreign));
        JsonObject own = call(bob, "get_ticket", ticket("T-2001"), null);
        assertFalse(isError(own), own.toString());

        String exchanged = exchangeAsTheMcpServer(bob);
        HttpResponse<String> write =
                ticketApi("POST", "/tickets/T-2001/drafts", exchanged, "{\"text\":\"bob tries to write\"}");
        assertEquals(403, write.statusCode(), write.body());
        assertTrue(
                write.headers().firstValue("WWW-Authenticate").orElse("").contains("insufficient_scope"),
                write.headers().map().toString());
        assertEquals(200, ticketApi("GET", "/tickets/T-2001", exchanged, null).statusCode());

        HttpResponse<String> refused = HTTP.send(
                HttpRequest.newBuilder(URI.create(MCP))
                        .header("Authorization", "Bearer " + bob)
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json, text/event-stream")
                        .header("MCP-Protocol-Version", "2025-11-25")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":"
                                        + "\"draft_reply\",\"arguments\":{\"ticketId\":\"T-2001\",\"text\":\"x\"}}}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, refused.statusCode(), refused.body());
        assertTrue(
                refused.headers().firstValue("WWW-Authenticate").orElse("").contains("insufficient_scope"),
                refused.headers().map().toString());
    }

    /**
     * One trace: the client's span (named by the traceparent in _meta) is the parent of the MCP server's span
     * {@code tools/call get_ticket}, whose child is the Rest Client's call, whose child is the ticket API's server span;
     * all received by an OTLP receiver from the server's real exporter.
     */
    static void oneTraceFromTheClientToTheTicketApi(String alice, OtlpReceiver receiver) throws Exception {
        SecureRandom random = new SecureRandom();
        byte[] trace = new byte[16];
        byte[] span = new byte[8];
        random.nextBytes(trace);
        random.nextBytes(span);
        String traceId = HexFormat.of().formatHex(trace);
        String clientSpan = HexFormat.of().formatHex(span);
        JsonObject answer = call(alice, "get_ticket", ticket("T-1003"), "00-" + traceId + "-" + clientSpan + "-01");
        assertFalse(isError(answer), answer.toString());

        Duration wait = Duration.ofSeconds(20);
        OtlpReceiver.ExportedSpan mcp =
                receiver.await(s -> s.traceId().equals(traceId) && s.name().equals("tools/call get_ticket"), wait);
        assertEquals(clientSpan, mcp.parentSpanId(), "the MCP span continues the client's span from _meta");
        assertEquals("dev.mcpauth.runtime", mcp.scope());
        assertEquals("get_ticket", mcp.attributes().get("gen_ai.tool.name"));
        assertEquals("allow", mcp.attributes().get("mcp.auth.decision"));
        assertEquals("2026-07-28", mcp.attributes().get("mcp.protocol.version"));
        assertFalse(mcp.attributes().containsValue(ALICE), "no subject on the span: " + mcp.attributes());

        OtlpReceiver.ExportedSpan outgoing = receiver.await(
                s -> s.traceId().equals(traceId) && s.parentSpanId().equals(mcp.spanId()), wait);
        OtlpReceiver.ExportedSpan ticketApi = receiver.await(
                s -> s.traceId().equals(traceId) && s.parentSpanId().equals(outgoing.spanId()), wait);
        assertTrue(
                ticketApi.name().contains("/tickets"),
                "the ticket API's server span: " + ticketApi + "; the trace: " + receiver.spans());
    }

    /**
     * With Keycloak down, a call that needs a new exchange fails with a message saying to try later. {@code fresh} is a
     * token of alice not used before, so nothing is cached for it.
     */
    static void whileTheAuthorizationServerIsDown(String fresh) throws Exception {
        JsonObject down = call(fresh, "get_ticket", ticket("T-1001"), null);
        assertTrue(isError(down), down.toString());
        assertEquals(
                "Cannot reach ticket-api on your behalf right now: the authorization server did not issue a token."
                        + " Try again later.",
                text(down));
    }

    /** Once Keycloak is back, the call succeeds (with a token of the new Keycloak). */
    static void onceItIsBack(String token) throws Exception {
        JsonObject back = call(token, "get_ticket", ticket("T-1001"), null);
        assertFalse(isError(back), back.toString());
    }

    private static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
