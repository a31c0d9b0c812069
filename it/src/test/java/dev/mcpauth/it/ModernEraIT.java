package dev.mcpauth.it;

import static dev.mcpauth.it.McpHttp.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpauth.it.auth.TestAuthorizationServer;
import dev.mcpauth.it.fixture.RegionTools;
import dev.mcpauth.it.fixture.TicketDeskTools;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The 2026-07-28 revision on a real Liberty, beside the 2025 ones on the same endpoint: what a modern client sees
 * (statuses, codes, envelope, cache hints, header rules), with the resource server's rules unchanged in both eras.
 */
@ExtendWith(ArquillianExtension.class)
class ModernEraIT {

    private static final TestAuthorizationServer AS = TestAuthorizationServer.get();
    private static final McpHttp MCP = McpHttp.forContextRoot("modern-it");
    private static final String RESOURCE = MCP.endpoint().toString();
    private static final String MODERN = "2026-07-28";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war(
                "modern-it",
                "mcp.auth.resource=" + RESOURCE + "\nmp.jwt.verify.issuer=" + AS.issuer() + "\n"
                        + "mcp.server.name=modern-fixture\nmcp.cache.ttl-ms=120000\n",
                TicketDeskTools.class,
                RegionTools.class);
    }

    private static String token(String scope) {
        return AS.rs256(AS.claims(RESOURCE, scope).build());
    }

    private static String meta(String version) {
        return "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"" + version + "\","
                + "\"io.modelcontextprotocol/clientInfo\":{\"name\":\"it-client\",\"version\":\"7.0\"},"
                + "\"io.modelcontextprotocol/clientCapabilities\":{}}";
    }

    private static String request(String method, String params) {
        return "{\"jsonrpc\":\"2.0\",\"id\":\"r-1\",\"method\":\"" + method + "\",\"params\":{" + params + "}}";
    }

    /** The headers a 2026-07-28 client sends, plus {@code extra}. */
    private static Map<String, String> headers(String token, String method, String... extra) {
        Map<String, String> headers = new HashMap<>(Map.of("MCP-Protocol-Version", MODERN, "Mcp-Method", method));
        if (token != null) {
            headers.putAll(bearer(token));
        }
        for (int i = 0; i < extra.length; i += 2) {
            headers.put(extra[i], extra[i + 1]);
        }
        return headers;
    }

    private static JsonObject error(HttpResponse<String> response, int status, int code) {
        assertEquals(status, response.statusCode(), response.body());
        JsonObject body = McpHttp.json(response.body());
        assertEquals("r-1", body.getString("id"), "errors echo the request id");
        assertEquals(code, body.getJsonObject("error").getInt("code"), response.body());
        return body.getJsonObject("error");
    }

    @Test
    void discoverNeedsATokenLikeEveryOtherRequest() {
        HttpResponse<String> anonymous =
                MCP.post(request("server/discover", meta(MODERN)), headers(null, "server/discover"));
        assertEquals(401, anonymous.statusCode());
        String challenge = anonymous.headers().firstValue("WWW-Authenticate").orElse("");
        assertTrue(challenge.startsWith("Bearer ") && challenge.contains("resource_metadata=\"http"), challenge);

        HttpResponse<String> response =
                MCP.post(request("server/discover", meta(MODERN)), headers(token(""), "server/discover"));
        assertEquals(200, response.statusCode(), response.body());
        JsonObject result = McpHttp.json(response.body()).getJsonObject("result");
        assertEquals(
                "[\"2026-07-28\",\"2025-11-25\",\"2025-06-18\",\"2025-03-26\"]",
                result.getJsonArray("supportedVersions").toString());
        assertEquals("complete", result.getString("resultType"));
        assertEquals(120000, result.getInt("ttlMs"));
        assertEquals("private", result.getString("cacheScope"));
        assertEquals(
                "modern-fixture",
                result.getJsonObject("_meta")
                        .getJsonObject("io.modelcontextprotocol/serverInfo")
                        .getString("name"));
    }

    @Test
    void theListIsFilteredPerCallerAndSaysSo() {
        HttpResponse<String> response =
                MCP.post(request("tools/list", meta(MODERN)), headers(token("tickets:read"), "tools/list"));
        JsonObject result = McpHttp.json(response.body()).getJsonObject("result");
        assertEquals(
                List.of("count_tickets", "list_tickets"),
                result.getJsonArray("tools").getValuesAs(JsonObject.class).stream()
                        .map(tool -> tool.getString("name"))
                        .toList());
        assertEquals("private", result.getString("cacheScope"));
        assertEquals(
                "Tenant",
                result.getJsonArray("tools")
                        .getJsonObject(0)
                        .getJsonObject("inputSchema")
                        .getJsonObject("properties")
                        .getJsonObject("tenant")
                        .getString("x-mcp-header"));
    }

    @Test
    void stepUpWorksTheSameInTheModernEra() {
        HttpResponse<String> refused = MCP.post(
                request(
                        "tools/call",
                        meta(MODERN) + ",\"name\":\"draft_reply\",\"arguments\":"
                                + "{\"ticketId\":\"T-1\",\"text\":\"hi\"}"),
                headers(token("tickets:read"), "tools/call", "Mcp-Name", "draft_reply"));
        assertEquals(403, refused.statusCode());
        assertTrue(
                refused.headers()
                        .firstValue("WWW-Authenticate")
                        .orElse("")
                        .startsWith("Bearer error=\"insufficient_scope\""),
                refused.headers().toString());
    }

    @Test
    void aCallWithMatchingHeadersWorksAndCarriesTheEnvelope() {
        HttpResponse<String> response = MCP.post(
                request("tools/call", meta(MODERN) + ",\"name\":\"count_tickets\",\"arguments\":{\"tenant\":\"acme\"}"),
                headers(token("tickets:read"), "tools/call", "Mcp-Name", "count_tickets", "Mcp-Param-Tenant", "acme"));
        assertEquals(200, response.statusCode(), response.body());
        JsonObject result = McpHttp.json(response.body()).getJsonObject("result");
        assertEquals("complete", result.getString("resultType"));
        assertEquals("acme: 3 open (asked by it-client over 2026-07-28)", McpHttp.text(result));
    }

    @Test
    void headerRulesAnswer400WithHeaderMismatch() {
        String call =
                request("tools/call", meta(MODERN) + ",\"name\":\"count_tickets\",\"arguments\":{\"tenant\":\"acme\"}");
        String reader = token("tickets:read");
        error(
                MCP.post(call, headers(reader, "tools/call", "Mcp-Name", "list_tickets", "Mcp-Param-Tenant", "acme")),
                400,
                -32020);
        error(
                MCP.post(call, headers(reader, "tools/call", "Mcp-Name", "count_tickets", "Mcp-Param-Tenant", "other")),
                400,
                -32020);
        error(MCP.post(call, headers(reader, "tools/call", "Mcp-Name", "count_tickets")), 400, -32020);
        error(
                MCP.post(call, headers(reader, "tools/list", "Mcp-Name", "count_tickets", "Mcp-Param-Tenant", "acme")),
                400,
                -32020);
        Map<String, String> noVersion =
                headers(reader, "tools/call", "Mcp-Name", "count_tickets", "Mcp-Param-Tenant", "acme");
        noVersion.remove("MCP-Protocol-Version");
        error(MCP.post(call, noVersion), 400, -32020);
        // Base64-wrapped values are decoded before they are compared
        HttpResponse<String> wrapped = MCP.post(
                call,
                headers(
                        reader,
                        "tools/call",
                        "Mcp-Name",
                        "=?base64?Y291bnRfdGlja2V0cw==?=",
                        "Mcp-Param-Tenant",
                        "=?base64?YWNtZQ==?="));
        assertEquals(200, wrapped.statusCode(), wrapped.body());
    }

    @Test
    void mirrorHeadersOfA2025RequestMustAgreeWithTheBodyToo() {
        // no 2026-07-28 version anywhere: a gateway that routes on the headers must still see the call that runs
        String call = request("tools/call", "\"name\":\"count_tickets\",\"arguments\":{\"tenant\":\"acme\"}");
        String reader = token("tickets:read");
        Map<String, String> lying = new HashMap<>(bearer(reader));
        lying.putAll(Map.of("Mcp-Method", "tools/call", "Mcp-Name", "list_tickets"));
        assertTrue(
                error(MCP.post(call, lying), 400, -32020).getString("message").contains("Mcp-Name"));
        Map<String, String> otherTenant = new HashMap<>(bearer(reader));
        otherTenant.put("Mcp-Param-Tenant", "globex");
        error(MCP.post(call, otherTenant), 400, -32020);
        Map<String, String> agreeing = new HashMap<>(bearer(reader));
        agreeing.putAll(Map.of("Mcp-Method", "tools/call", "Mcp-Name", "count_tickets", "Mcp-Param-Tenant", "acme"));
        assertEquals(200, MCP.post(call, agreeing).statusCode());
        assertEquals(
                200,
                MCP.post(call, bearer(reader)).statusCode(),
                "a 2025 client that sends no mirror headers is served");
    }

    @Test
    void aMirrorHeaderOnTwoLinesIsRefusedAndOneLineWithACommaIsOneValue() {
        String reader = token("tickets:read");
        String call = request(
                "tools/call", meta(MODERN) + ",\"name\":\"count_tickets\",\"arguments\":{\"tenant\":\"acme,globex\"}");
        HttpRequest.Builder twoLines = HttpRequest.newBuilder(MCP.endpoint())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .header("Authorization", "Bearer " + reader)
                .header("MCP-Protocol-Version", MODERN)
                .header("Mcp-Method", "tools/call")
                .header("Mcp-Name", "count_tickets")
                .header("Mcp-Param-Tenant", "acme")
                .header("Mcp-Param-Tenant", "globex")
                .POST(HttpRequest.BodyPublishers.ofString(call));
        assertTrue(error(MCP.send(twoLines.build()), 400, -32020)
                .getString("message")
                .contains("sent more than once"));
        HttpResponse<String> oneLine = MCP.post(
                call, headers(reader, "tools/call", "Mcp-Name", "count_tickets", "Mcp-Param-Tenant", "acme,globex"));
        assertEquals(200, oneLine.statusCode(), oneLine.body());
    }

    @Test
    void versionAndMetaRulesAnswer400AndRemovedMethods404() {
        String reader = token("tickets:read");
        JsonObject unsupported = error(
                MCP.post(
                        request("tools/list", meta("v999.0.0")),
                        headers(reader, "tools/list", "MCP-Protocol-Version", "v999.0.0")),
                400,
                -32022);
        assertEquals("v999.0.0", unsupported.getJsonObject("data").getString("requested"));
        assertTrue(unsupported
                .getJsonObject("data")
                .getJsonArray("supported")
                .toString()
                .contains(MODERN));
        error(MCP.post(request("tools/list", "\"_meta\":{}"), headers(reader, "tools/list")), 400, -32602);
        for (String removed : List.of("initialize", "ping", "logging/setLevel")) {
            error(MCP.post(request(removed, meta(MODERN)), headers(reader, removed)), 404, -32601);
        }
        HttpResponse<String> notification = MCP.post(
                "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{" + meta(MODERN) + "}}",
                headers(reader, "notifications/cancelled"));
        assertEquals(202, notification.statusCode());
        assertEquals("", notification.body());
    }

    @Test
    void bothErasAreServedConcurrentlyByOneDeployment() throws Exception {
        String reader = token("tickets:read");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                boolean modern = i % 2 == 0;
                answers.add(pool.submit(() -> {
                    HttpResponse<String> response = modern
                            ? MCP.post(request("tools/list", meta(MODERN)), headers(reader, "tools/list"))
                            : MCP.post(
                                    request("tools/list", ""),
                                    Map.of("Authorization", "Bearer " + reader, "MCP-Protocol-Version", "2025-11-25"));
                    JsonObject result = McpHttp.json(response.body()).getJsonObject("result");
                    return response.statusCode() + " " + (modern == result.containsKey("resultType")) + " "
                            + result.getJsonArray("tools").size();
                }));
            }
            for (Future<String> answer : answers) {
                assertEquals("200 true 2", answer.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theAuditLineNamesTheRevisionAndTheClient() throws Exception {
        String reader = token("tickets:read");
        MCP.post(
                request(
                        "tools/call",
                        meta(MODERN) + ",\"name\":\"draft_reply\",\"arguments\":{\"ticketId\":\"T-1\",\"text\":\"x\"}"),
                headers(reader, "tools/call", "Mcp-Name", "draft_reply"));
        Path log = Path.of(System.getProperty("it.server.dir"), "logs", "messages.log");
        String denial = null;
        for (int attempt = 0; attempt < 50 && denial == null; attempt++) {
            denial = Files.readAllLines(log).stream()
                    .filter(line -> line.contains("MCPAUTH-AUDIT") && line.contains("\"client_name\":\"it-client\""))
                    .reduce((first, second) -> second)
                    .orElse(null);
            if (denial == null) {
                Thread.sleep(100);
            }
        }
        assertTrue(denial != null, "no audit line names the client");
        for (String field : List.of(
                "\"protocol_version\":\"2026-07-28\"",
                "\"client_version\":\"7.0\"",
                "\"reason\":\"insufficient_scope\"")) {
            assertTrue(denial.contains(field), denial);
        }
        assertFalse(denial.contains(reader), "never the token");
    }
}
