package dev.mcpauth.it.auth;

import static dev.mcpauth.it.McpHttp.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpauth.it.Deployments;
import dev.mcpauth.it.McpHttp;
import dev.mcpauth.it.fixture.DeskResources;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Resources, templates, prompts and completions on a real Liberty, each protected like a tool: lists filtered per
 * caller, a 403 naming every scope the operation needs, roles, the scope hierarchy, the metadata's scopes, and
 * someone else's resource answered exactly like a missing one.
 */
@ExtendWith(ArquillianExtension.class)
class ResourcesAndPromptsIT {

    private static final TestAuthorizationServer AS = TestAuthorizationServer.get();
    private static final McpHttp MCP = McpHttp.forContextRoot("resources-it");
    private static final String RESOURCE = MCP.endpoint().toString();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war(
                "resources-it",
                "mcp.auth.resource=" + RESOURCE + "\nmp.jwt.verify.issuer=" + AS.issuer() + "\n"
                        + "mcp.auth.roles-claim=realm_access.roles\n"
                        + "mcp.auth.scope-implications=tickets:admin=tickets:read tickets:write\n",
                DeskResources.class,
                DeskResources.DeskTicket.class);
    }

    private static String token(String scope) {
        return AS.rs256(AS.claims(RESOURCE, scope).build());
    }

    private static HttpResponse<String> call(String token, String method, String params) {
        return MCP.post(
                "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"" + method + "\",\"params\":" + params + "}",
                bearer(token));
    }

    private static JsonObject result(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        JsonObject body = McpHttp.json(response.body());
        assertTrue(body.containsKey("result"), response.body());
        return body.getJsonObject("result");
    }

    private static List<String> names(JsonObject result, String list, String field) {
        return result.getJsonArray(list).getValuesAs(JsonObject.class).stream()
                .map(item -> item.getString(field))
                .toList();
    }

    private static void assertStepUp(HttpResponse<String> response, String scopes) {
        assertEquals(403, response.statusCode(), response.body());
        String challenge = response.headers().firstValue("WWW-Authenticate").orElse("");
        assertTrue(challenge.startsWith("Bearer error=\"insufficient_scope\""), challenge);
        assertTrue(challenge.contains("scope=\"" + scopes + "\""), challenge);
    }

    @Test
    void listsShowOnlyWhatTheCallerMayUse() {
        String reader = token("tickets:read");
        assertEquals(List.of(), names(result(call(reader, "resources/list", "{}")), "resources", "uri"));
        assertEquals(
                List.of("desk://stats"),
                names(result(call(token("tickets:read reports:read"), "resources/list", "{}")), "resources", "uri"));
        assertEquals(
                List.of("desk://tickets/{id}"),
                names(result(call(reader, "resources/templates/list", "{}")), "resourceTemplates", "uriTemplate"));
        assertEquals(
                List.of(),
                names(result(call(token(""), "resources/templates/list", "{}")), "resourceTemplates", "uriTemplate"));
        assertEquals(List.of("summarize"), names(result(call(reader, "prompts/list", "{}")), "prompts", "name"));
        assertEquals(
                List.of("escalate", "summarize"),
                names(result(call(token("tickets:read tickets:write"), "prompts/list", "{}")), "prompts", "name"));
    }

    @Test
    void theCallersOwnResourceIsReadAndSomeoneElsesAnswersLikeAMissingOne() {
        String reader = token("tickets:read");
        JsonObject contents = result(call(reader, "resources/read", "{\"uri\":\"desk://tickets/T-1\"}"))
                .getJsonArray("contents")
                .getJsonObject(0);
        assertEquals("desk://tickets/T-1", contents.getString("uri"));
        assertEquals("application/json", contents.getString("mimeType"));
        assertEquals("{\"id\":\"T-1\",\"owner\":\"user-42\"}", contents.getString("text"));

        JsonObject foreign = McpHttp.json(call(reader, "resources/read", "{\"uri\":\"desk://tickets/T-9\"}")
                        .body())
                .getJsonObject("error");
        JsonObject missing = McpHttp.json(call(reader, "resources/read", "{\"uri\":\"desk://tickets/T-404\"}")
                        .body())
                .getJsonObject("error");
        assertEquals(-32002, foreign.getInt("code"));
        assertEquals("desk://tickets/T-9", foreign.getJsonObject("data").getString("uri"));
        assertEquals(missing.getInt("code"), foreign.getInt("code"));
        assertEquals(missing.getString("message"), foreign.getString("message"));
    }

    @Test
    void anEncodedPathInATemplateVariableIsRefusedNamingTheVariable() {
        String reader = token("tickets:read");
        for (String uri : List.of(
                "desk://tickets/%2E%2E",
                "desk://tickets/..%2F..%2Fetc%2Fpasswd", "desk://tickets/a%5Cb", "desk://tickets/T-1%00")) {
            HttpResponse<String> response = call(reader, "resources/read", "{\"uri\":\"" + uri + "\"}");
            JsonObject error = McpHttp.json(response.body()).getJsonObject("error");
            assertEquals(-32602, error.getInt("code"), response.body());
            assertTrue(
                    error.getString("message").contains("the variable 'id' of desk://tickets/{id} is not allowed"),
                    response.body());
        }
        HttpResponse<String> longUri =
                call(reader, "resources/read", "{\"uri\":\"desk://tickets/" + "x".repeat(5000) + "\"}");
        assertEquals(-32602, McpHttp.json(longUri.body()).getJsonObject("error").getInt("code"), longUri.body());
    }

    @Test
    void readingGettingAndCompletingWithoutTheScopesIsAStepUpNamingEveryScope() {
        assertStepUp(call(token(""), "resources/read", "{\"uri\":\"desk://tickets/T-1\"}"), "tickets:read");
        assertStepUp(
                call(token("tickets:read"), "resources/read", "{\"uri\":\"desk://stats\"}"),
                "tickets:read reports:read");
        assertStepUp(
                call(
                        token("tickets:read"),
                        "prompts/get",
                        "{\"name\":\"escalate\",\"arguments\":{\"ticketId\":\"T-1\"}}"),
                "tickets:read tickets:write");
        // completing a prompt's argument needs what the prompt needs: suggestions are as private as the prompt
        assertStepUp(
                call(
                        token("tickets:read"),
                        "completion/complete",
                        "{\"ref\":{\"type\":\"ref/prompt\",\"name\":\"escalate\"},\"argument\":{\"name\":\"ticketId\",\"value\":\"T\"}}"),
                "tickets:read tickets:write");
    }

    @Test
    void withTheScopesThePromptRendersAndTheCompletionSuggestsTheCallersOwn() {
        String writer = token("tickets:read tickets:write");
        JsonObject prompt =
                result(call(writer, "prompts/get", "{\"name\":\"escalate\",\"arguments\":{\"ticketId\":\"T-1\"}}"));
        JsonObject message = prompt.getJsonArray("messages").getJsonObject(0);
        assertEquals("user", message.getString("role"));
        assertEquals(
                "Escalate T-1 to the second level.",
                message.getJsonObject("content").getString("text"));
        JsonObject completion = result(
                        call(
                                writer,
                                "completion/complete",
                                "{\"ref\":{\"type\":\"ref/prompt\",\"name\":\"escalate\"},\"argument\":{\"name\":\"ticketId\",\"value\":\"T\"}}"))
                .getJsonObject("completion");
        assertEquals(
                List.of("T-1", "T-2"),
                completion.getJsonArray("values").getValuesAs(JsonString.class).stream()
                        .map(JsonString::getString)
                        .toList());
        assertFalse(completion.getBoolean("hasMore"));
        JsonObject error = McpHttp.json(call(writer, "prompts/get", "{\"name\":\"escalate\",\"arguments\":{}}")
                        .body())
                .getJsonObject("error");
        assertEquals(-32602, error.getInt("code"));
    }

    @Test
    void aRoleRefusalIsAPlainForbiddenAndTheHierarchyOpensWhatItImplies() {
        HttpResponse<String> refused = call(token("tickets:read"), "prompts/get", "{\"name\":\"audit_desk\"}");
        assertEquals(403, refused.statusCode());
        assertTrue(refused.headers().firstValue("WWW-Authenticate").isEmpty());
        assertEquals("access_denied", McpHttp.json(refused.body()).getString("error"));
        String supervisor = AS.rs256(AS.claims(RESOURCE, "tickets:read")
                .claim("realm_access", Map.of("roles", List.of("supervisor")))
                .build());
        assertEquals(
                "Audit the desk.",
                result(call(supervisor, "prompts/get", "{\"name\":\"audit_desk\"}"))
                        .getJsonArray("messages")
                        .getJsonObject(0)
                        .getJsonObject("content")
                        .getString("text"));
        assertEquals(
                List.of("escalate", "summarize"),
                names(result(call(token("tickets:admin"), "prompts/list", "{}")), "prompts", "name"));
    }

    @Test
    void theMetadataAndTheModernEraTakeEveryKindIntoAccount() {
        HttpResponse<String> metadata = MCP.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + MCP.endpoint().getPort()
                                + "/resources-it/.well-known/oauth-protected-resource/resources-it/mcp"))
                .GET()
                .build());
        assertEquals(
                "[\"reports:read\",\"tickets:read\",\"tickets:write\"]",
                McpHttp.json(metadata.body()).getJsonArray("scopes_supported").toString());

        String meta =
                "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\",\"io.modelcontextprotocol/clientCapabilities\":{}}";
        HttpResponse<String> missing = MCP.post(
                "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"resources/read\",\"params\":{" + meta
                        + ",\"uri\":\"desk://tickets/T-9\"}}",
                Map.of(
                        "Authorization",
                        "Bearer " + token("tickets:read"),
                        "MCP-Protocol-Version",
                        "2026-07-28",
                        "Mcp-Method",
                        "resources/read",
                        "Mcp-Name",
                        "desk://tickets/T-9"));
        JsonObject error = McpHttp.json(missing.body()).getJsonObject("error");
        assertEquals(-32602, error.getInt("code"), missing.body());
        assertEquals("desk://tickets/T-9", error.getJsonObject("data").getString("uri"));
        HttpResponse<String> read = MCP.post(
                "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"resources/read\",\"params\":{" + meta
                        + ",\"uri\":\"desk://tickets/T-2\"}}",
                Map.of(
                        "Authorization",
                        "Bearer " + token("tickets:read"),
                        "MCP-Protocol-Version",
                        "2026-07-28",
                        "Mcp-Method",
                        "resources/read",
                        "Mcp-Name",
                        "desk://tickets/T-2"));
        JsonObject modern = result(read);
        assertEquals("private", modern.getString("cacheScope"));
        assertEquals("complete", modern.getString("resultType"));
    }

    @Test
    void theAuditLineNamesThePrompt() throws Exception {
        call(token("tickets:read"), "prompts/get", "{\"name\":\"escalate\",\"arguments\":{\"ticketId\":\"T-2\"}}");
        Path log = Path.of(System.getProperty("it.server.dir"), "logs", "messages.log");
        boolean found = false;
        for (int attempt = 0; attempt < 50 && !found; attempt++) {
            found = Files.readAllLines(log).stream()
                    .anyMatch(line -> line.contains("MCPAUTH-AUDIT")
                            && line.contains("\"method\":\"prompts/get\"")
                            && line.contains("\"prompt\":\"escalate\""));
            if (!found) {
                Thread.sleep(100);
            }
        }
        assertTrue(found, "an audit line names the prompt");
    }
}
