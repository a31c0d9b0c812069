package dev.mcpauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpauth.it.fixture.FailingTools;
import dev.mcpauth.it.fixture.ProgressTools;
import dev.mcpauth.it.fixture.ShopTools;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The MCP endpoint on a real Open Liberty, seen from a client: lifecycle, tools, JSON-RPC errors. */
@ExtendWith(ArquillianExtension.class)
class McpEndpointIT {

    private final McpHttp mcp = McpHttp.forContextRoot("endpoint-it");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war(
                "endpoint-it",
                """
                mcp.auth.enabled=false
                mcp.server.name=shop
                mcp.server.version=2.3.4
                mcp.server.instructions=Order pizza politely.
                mcp.tools.page-size=4
                """,
                ShopTools.class,
                ShopTools.Size.class,
                ShopTools.Pizza.class,
                ShopTools.Order.class,
                FailingTools.class,
                ProgressTools.class);
    }

    @Test
    void initializeAgreesOnTheClientsVersionAndDescribesTheServer() {
        JsonObject result = mcp.result("initialize", initializeParams("2025-11-25"));
        assertEquals("2025-11-25", result.getString("protocolVersion"));
        assertEquals("shop", result.getJsonObject("serverInfo").getString("name"));
        assertEquals("2.3.4", result.getJsonObject("serverInfo").getString("version"));
        assertEquals("Order pizza politely.", result.getString("instructions"));
        assertTrue(result.getJsonObject("capabilities").containsKey("tools"));
    }

    @Test
    void initializeSpeaksOlderRevisionsAndOffersTheNewestForUnknownOnes() {
        assertEquals(
                "2025-06-18",
                mcp.result("initialize", initializeParams("2025-06-18")).getString("protocolVersion"));
        assertEquals(
                "2025-03-26",
                mcp.result("initialize", initializeParams("2025-03-26")).getString("protocolVersion"));
        assertEquals(
                "2025-11-25",
                mcp.result("initialize", initializeParams("2024-01-01")).getString("protocolVersion"));
    }

    @Test
    void notificationsAreAcceptedWithoutBody() {
        HttpResponse<String> response = mcp.post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        assertEquals(202, response.statusCode());
        assertEquals("", response.body());
    }

    @Test
    void pingAnswersWithAnEmptyResult() {
        assertEquals(0, mcp.result("ping", "{}").size());
    }

    @Test
    void toolsListPagesThroughEveryToolWithSchemas() {
        List<String> names = new ArrayList<>();
        JsonObject page = mcp.result("tools/list", "{}");
        int pages = 1;
        while (true) {
            for (JsonObject tool : page.getJsonArray("tools").getValuesAs(JsonObject.class)) {
                names.add(tool.getString("name"));
                assertEquals("object", tool.getJsonObject("inputSchema").getString("type"));
            }
            if (!page.containsKey("nextCursor")) {
                break;
            }
            page = mcp.result("tools/list", "{\"cursor\":\"" + page.getString("nextCursor") + "\"}");
            pages++;
        }
        assertEquals(
                List.of(
                        "add",
                        "broken_invariant",
                        "broken_report",
                        "caller",
                        "cancelled_count",
                        "count_to",
                        "crash",
                        "echo",
                        "letters",
                        "order_pizza",
                        "shop.status",
                        "slow_count"),
                names);
        assertEquals(3, pages, "twelve tools in pages of four");
    }

    @Test
    void toolSchemasFollowTheJavaTypes() {
        JsonObject order = tool("order_pizza");
        JsonObject pizza =
                order.getJsonObject("inputSchema").getJsonObject("properties").getJsonObject("pizza");
        assertEquals(
                "[\"SMALL\",\"LARGE\"]",
                pizza.getJsonObject("properties")
                        .getJsonObject("size")
                        .getJsonArray("enum")
                        .toString());
        assertEquals(
                "[\"pizza\"]",
                order.getJsonObject("inputSchema").getJsonArray("required").toString());
        assertEquals("object", order.getJsonObject("outputSchema").getString("type"));
        JsonObject echo = tool("echo");
        assertEquals(
                "What to echo",
                echo.getJsonObject("inputSchema")
                        .getJsonObject("properties")
                        .getJsonObject("text")
                        .getString("description"));
        assertFalse(echo.containsKey("outputSchema"));
        // the caller parameter is not something a client supplies
        assertEquals(
                0,
                tool("caller")
                        .getJsonObject("inputSchema")
                        .getJsonObject("properties")
                        .size());
    }

    @Test
    void simpleValuesComeBackAsText() {
        JsonObject result = call("add", "{\"a\":2,\"b\":40}");
        assertEquals("42", text(result));
        assertFalse(result.containsKey("isError"));
        assertEquals("anonymous", text(call("caller", "{}")));
    }

    @Test
    void recordsComeBackAsStructuredContentAndJsonText() {
        JsonObject result = call(
                "order_pizza",
                "{\"pizza\":{\"size\":\"LARGE\",\"toppings\":[\"olives\",\"basil\"]},\"note\":\"ring twice\"}");
        JsonObject structured = result.getJsonObject("structuredContent");
        assertEquals(1500, structured.getInt("price"));
        assertEquals("ring twice", structured.getString("note"));
        assertEquals(structured, McpHttp.json(text(result)));
    }

    @Test
    void listsComeBackWrappedAsResult() {
        JsonObject result = call("letters", "{\"count\":3}");
        assertEquals(
                "[\"a\",\"b\",\"c\"]",
                result.getJsonObject("structuredContent").getJsonArray("result").toString());
        assertEquals("[\"a\",\"b\",\"c\"]", text(result));
        assertEquals(
                "[]",
                call("letters", "{}")
                        .getJsonObject("structuredContent")
                        .getJsonArray("result")
                        .toString());
    }

    @Test
    void aFailingToolGivesAnErrorResultWithItsMessageAndNoTrace() {
        HttpResponse<String> response = mcp.post(request("tools/call", "{\"name\":\"shop.status\",\"arguments\":{}}"));
        assertEquals(200, response.statusCode());
        JsonObject result = McpHttp.json(response.body()).getJsonObject("result");
        assertTrue(result.getBoolean("isError"));
        assertEquals("the warehouse is closed", text(result));
        assertNoInternals(response.body());
    }

    @Test
    void anUnexpectedExceptionGivesAnErrorResultWithAnIncidentIdAndNoInternals() {
        HttpResponse<String> response = mcp.post(request("tools/call", "{\"name\":\"crash\",\"arguments\":{}}"));
        assertEquals(200, response.statusCode());
        JsonObject result = McpHttp.json(response.body()).getJsonObject("result");
        assertTrue(result.getBoolean("isError"));
        assertTrue(text(result).matches("The tool failed unexpectedly \\(incident [0-9a-f-]{36}\\)\\."), text(result));
        assertFalse(response.body().contains("jdbc"), response.body());
        assertFalse(response.body().contains("IllegalStateException"), response.body());
    }

    @Test
    void anErrorIsNotAToolResultButAnInternalErrorWithAnIncidentId() {
        HttpResponse<String> response =
                mcp.post(request("tools/call", "{\"name\":\"broken_invariant\",\"arguments\":{}}"));
        assertEquals(500, response.statusCode());
        JsonObject error = McpHttp.json(response.body()).getJsonObject("error");
        assertEquals(-32603, error.getInt("code"));
        assertTrue(error.getString("message").startsWith("Internal error, incident "), error.toString());
        assertFalse(response.body().contains("invariant"), response.body());
    }

    @Test
    void unknownToolsAndBadArgumentsAreInvalidParams() {
        assertError(-32602, "Unknown tool: nope", mcp.request("tools/call", "{\"name\":\"nope\",\"arguments\":{}}"));
        JsonObject wrongType = mcp.request("tools/call", "{\"name\":\"add\",\"arguments\":{\"a\":\"two\",\"b\":1}}");
        assertError(-32602, "/a: expected integer, got string", wrongType);
        assertError(-32602, "/b: required", mcp.request("tools/call", "{\"name\":\"add\",\"arguments\":{\"a\":1}}"));
        assertError(
                -32602,
                "/c: unknown argument",
                mcp.request("tools/call", "{\"name\":\"add\",\"arguments\":{\"a\":1,\"b\":2,\"c\":3}}"));
        assertError(
                -32602,
                "/a: must be at most 2147483647",
                mcp.request("tools/call", "{\"name\":\"add\",\"arguments\":{\"a\":3000000000,\"b\":2}}"));
        assertError(
                -32602,
                "/pizza/size: must be one of",
                mcp.request(
                        "tools/call",
                        "{\"name\":\"order_pizza\",\"arguments\":{\"pizza\":{\"size\":\"HUGE\",\"toppings\":[]}}}"));
        assertError(-32602, "Invalid cursor", mcp.request("tools/list", "{\"cursor\":\"not-a-cursor\"}"));
    }

    @Test
    void jsonRpcErrorsHaveTheirCodes() {
        HttpResponse<String> parse = mcp.post("{\"jsonrpc\":\"2.0\",");
        assertEquals(400, parse.statusCode());
        assertError(-32700, "Parse error", McpHttp.json(parse.body()));

        HttpResponse<String> noVersion = mcp.post("{\"id\":1,\"method\":\"ping\"}");
        assertEquals(400, noVersion.statusCode());
        assertError(-32600, "jsonrpc", McpHttp.json(noVersion.body()));

        HttpResponse<String> batch = mcp.post("[" + request("ping", "{}") + "]");
        assertEquals(400, batch.statusCode());
        assertError(-32600, "batch", McpHttp.json(batch.body()));

        assertError(-32601, "Method not found: resources/list", mcp.request("resources/list", "{}"));
    }

    @Test
    void aToolThatReportsProgressAnswersWithAStreamOfProgressEndingWithTheResult() {
        String call =
                "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"tools/call\",\"params\":{\"name\":\"slow_count\",\"arguments\":{},"
                        + "\"_meta\":{\"progressToken\":\"count-1\"}}}";
        HttpResponse<String> streamed = mcp.post(call);
        assertEquals(200, streamed.statusCode());
        assertTrue(
                streamed.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"),
                streamed.headers().toString());
        assertEquals("no", streamed.headers().firstValue("X-Accel-Buffering").orElse(""));
        List<JsonObject> events = streamed.body()
                .lines()
                .filter(line -> line.startsWith("data: "))
                .map(line -> McpHttp.json(line.substring(6)))
                .toList();
        assertEquals(6, events.size(), streamed.body());
        for (int step = 1; step <= 5; step++) {
            JsonObject params = events.get(step - 1).getJsonObject("params");
            assertEquals("notifications/progress", events.get(step - 1).getString("method"));
            assertEquals("count-1", params.getString("progressToken"));
            assertEquals(step, params.getInt("progress"));
            assertEquals(5, params.getInt("total"));
        }
        assertEquals("counted to 5", text(events.get(5).getJsonObject("result")));
        assertEquals(9, events.get(5).getInt("id"));

        // no token, or a client that takes only JSON: plain JSON, reports dropped
        HttpResponse<String> plain = mcp.post(call.replace(",\"_meta\":{\"progressToken\":\"count-1\"}", ""));
        assertTrue(plain.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertEquals("counted to 5", text(McpHttp.json(plain.body()).getJsonObject("result")));
        HttpResponse<String> jsonOnly = mcp.post(call, Map.of("Accept", "application/json"));
        assertEquals("counted to 5", text(McpHttp.json(jsonOnly.body()).getJsonObject("result")));
    }

    @Test
    void refusalsTheRequestAloneDecidesArePlainAnswersNotEventsInAnOpenedStream() {
        // invalid arguments
        HttpResponse<String> badArguments = mcp.post(
                "{\"jsonrpc\":\"2.0\",\"id\":12,\"method\":\"tools/call\",\"params\":"
                        + "{\"name\":\"count_to\",\"arguments\":{\"steps\":\"many\"},\"_meta\":{\"progressToken\":\"c\"}}}");
        assertTrue(
                badArguments.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                badArguments.body());
        assertEquals(
                -32602, McpHttp.json(badArguments.body()).getJsonObject("error").getInt("code"));
        // a requestState that is not ours (2026-07-28)
        String meta =
                "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\",\"io.modelcontextprotocol/clientCapabilities\":{},"
                        + "\"progressToken\":\"c\"}";
        HttpResponse<String> badState = mcp.post(
                "{\"jsonrpc\":\"2.0\",\"id\":13,\"method\":\"tools/call\",\"params\":"
                        + "{\"name\":\"count_to\",\"arguments\":{\"steps\":2},\"requestState\":\"not-ours\"," + meta
                        + "}}",
                Map.of("MCP-Protocol-Version", "2026-07-28", "Mcp-Method", "tools/call", "Mcp-Name", "count_to"));
        assertTrue(
                badState.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                badState.body());
        JsonObject error = McpHttp.json(badState.body()).getJsonObject("error");
        assertEquals(
                "Invalid requestState: it was not issued by this server or was changed", error.getString("message"));
    }

    @Test
    void aStreamEndsWithOneResponseEvenWhenTheResultCannotBeWritten() {
        HttpResponse<String> streamed = mcp.post("{\"jsonrpc\":\"2.0\",\"id\":14,\"method\":\"tools/call\",\"params\":"
                + "{\"name\":\"broken_report\",\"arguments\":{},\"_meta\":{\"progressToken\":\"b\"}}}");
        assertEquals(200, streamed.statusCode());
        List<JsonObject> events = streamed.body()
                .lines()
                .filter(line -> line.startsWith("data: "))
                .map(line -> McpHttp.json(line.substring(6)))
                .toList();
        assertEquals(2, events.size(), streamed.body());
        assertEquals("notifications/progress", events.get(0).getString("method"));
        JsonObject last = events.get(1);
        assertEquals(14, last.getInt("id"));
        assertEquals(-32603, last.getJsonObject("error").getInt("code"), streamed.body());
        assertTrue(
                last.getJsonObject("error").getString("message").matches("Internal error, incident [0-9a-f-]{36}"),
                streamed.body());
        assertFalse(streamed.body().contains("this report has no value"), "no internals reach the client");
    }

    @Test
    void aModernRequestWithALogLevelGetsTheLogMessagesOfThatLevelAndAbove() {
        String meta =
                "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\",\"io.modelcontextprotocol/clientCapabilities\":{}";
        String call =
                "{\"jsonrpc\":\"2.0\",\"id\":11,\"method\":\"tools/call\",\"params\":{\"name\":\"slow_count\",\"arguments\":{},";
        Map<String, String> headers =
                Map.of("MCP-Protocol-Version", "2026-07-28", "Mcp-Method", "tools/call", "Mcp-Name", "slow_count");
        HttpResponse<String> logged =
                mcp.post(call + meta + ",\"io.modelcontextprotocol/logLevel\":\"info\"}}}", headers);
        List<JsonObject> events = logged.body()
                .lines()
                .filter(line -> line.startsWith("data: "))
                .map(line -> McpHttp.json(line.substring(6)))
                .toList();
        assertEquals(2, events.size(), logged.body());
        assertEquals("notifications/message", events.get(0).getString("method"));
        assertEquals(
                "{\"level\":\"info\",\"data\":\"counted 5\"}",
                events.get(0).getJsonObject("params").toString());
        assertEquals("complete", events.get(1).getJsonObject("result").getString("resultType"));
        // no level asked: no log messages, and nothing else to stream, so plain JSON
        HttpResponse<String> quiet = mcp.post(call + meta + "}}}", headers);
        assertTrue(
                quiet.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                quiet.headers().toString());
    }

    @Test
    void closingTheStreamCancelsTheCall() throws Exception {
        int before = Integer.parseInt(text(call("cancelled_count", "{}")));
        HttpRequest request = HttpRequest.newBuilder(mcp.endpoint())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"jsonrpc\":\"2.0\",\"id\":10,\"method\":\"tools/call\",\"params\":"
                                + "{\"name\":\"slow_count\",\"arguments\":{},\"_meta\":{\"progressToken\":\"gone\"}}}"))
                .build();
        HttpResponse<java.io.InputStream> stream =
                java.net.http.HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (java.io.BufferedReader events = new java.io.BufferedReader(new java.io.InputStreamReader(stream.body()))) {
            assertTrue(events.readLine().startsWith("event: message"), "the first progress event arrives");
        } // the client goes away after the first event
        int after = before;
        for (int attempt = 0; attempt < 50 && after == before; attempt++) {
            Thread.sleep(100);
            after = Integer.parseInt(text(call("cancelled_count", "{}")));
        }
        assertEquals(before + 1, after, "the tool saw the cancellation and stopped");
    }

    @Test
    void withAuthenticationOffTheModernListIsPublic() {
        String meta =
                "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\",\"io.modelcontextprotocol/clientCapabilities\":{}}";
        HttpResponse<String> response = mcp.post(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":{" + meta + "}}",
                Map.of("MCP-Protocol-Version", "2026-07-28", "Mcp-Method", "tools/list"));
        assertEquals(200, response.statusCode(), response.body());
        JsonObject result = McpHttp.json(response.body()).getJsonObject("result");
        assertEquals("public", result.getString("cacheScope"));
        assertEquals(300000, result.getInt("ttlMs"));
        assertEquals("complete", result.getString("resultType"));
    }

    @Test
    void transportHeadersAreChecked() {
        HttpResponse<String> badVersion = mcp.post(request("ping", "{}"), Map.of("MCP-Protocol-Version", "1999-01-01"));
        assertEquals(400, badVersion.statusCode());
        JsonObject unsupported = McpHttp.json(badVersion.body()).getJsonObject("error");
        assertEquals(-32022, unsupported.getInt("code"));
        assertEquals("1999-01-01", unsupported.getJsonObject("data").getString("requested"));
        assertEquals(
                200,
                mcp.post(request("ping", "{}"), Map.of("MCP-Protocol-Version", "2025-06-18"))
                        .statusCode());

        assertEquals(
                415,
                mcp.post(request("ping", "{}"), Map.of("Content-Type", "text/plain"))
                        .statusCode());
        assertEquals(
                406,
                mcp.post(request("ping", "{}"), Map.of("Accept", "text/html")).statusCode());

        HttpResponse<String> get = mcp.send(HttpRequest.newBuilder(mcp.endpoint())
                .header("Accept", "text/event-stream")
                .GET()
                .build());
        assertEquals(405, get.statusCode());
        assertEquals("POST", get.headers().firstValue("Allow").orElse(""));
    }

    @Test
    void foreignOriginsAreRefusedAndLocalOnesPass() {
        HttpResponse<String> evil = mcp.post(request("ping", "{}"), Map.of("Origin", "http://evil.example.com"));
        assertEquals(403, evil.statusCode());
        assertEquals(
                200,
                mcp.post(request("ping", "{}"), Map.of("Origin", "http://localhost:6274"))
                        .statusCode());
    }

    @Test
    void oversizedBodiesAreRefused() {
        String huge =
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"echo\",\"arguments\":{\"text\":\""
                        + "x".repeat(1_100_000) + "\"}}}";
        HttpResponse<String> response = mcp.post(huge);
        assertEquals(413, response.statusCode());
        assertNoInternals(response.body());
    }

    private JsonObject tool(String name) {
        JsonObject page = mcp.result("tools/list", "{}");
        while (true) {
            for (JsonObject tool : page.getJsonArray("tools").getValuesAs(JsonObject.class)) {
                if (tool.getString("name").equals(name)) {
                    return tool;
                }
            }
            assertTrue(page.containsKey("nextCursor"), "no tool " + name);
            page = mcp.result("tools/list", "{\"cursor\":\"" + page.getString("nextCursor") + "\"}");
        }
    }

    private JsonObject call(String tool, String arguments) {
        return mcp.result("tools/call", "{\"name\":\"" + tool + "\",\"arguments\":" + arguments + "}");
    }

    private static String text(JsonObject result) {
        JsonArray content = result.getJsonArray("content");
        assertEquals("text", content.getJsonObject(0).getString("type"));
        return content.getJsonObject(0).getString("text");
    }

    private static void assertError(int code, String messagePart, JsonObject response) {
        JsonObject error = response.getJsonObject("error");
        assertNotNull(error, "expected an error, got " + response);
        assertEquals(code, error.getInt("code"), response.toString());
        assertTrue(error.getString("message").contains(messagePart), error.getString("message"));
        assertNoInternals(response.toString());
    }

    private static void assertNoInternals(String body) {
        assertFalse(body.contains("\tat ") || body.contains("Exception") || body.contains("dev.mcpauth.runtime"), body);
    }

    private static String request(String method, String params) {
        return "{\"jsonrpc\":\"2.0\",\"id\":\"r-1\",\"method\":\"" + method + "\",\"params\":" + params + "}";
    }

    private static String initializeParams(String version) {
        return "{\"protocolVersion\":\"" + version
                + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"it\",\"version\":\"1\"}}";
    }
}
