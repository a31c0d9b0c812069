package dev.mcpauth.it.support;

import static dev.mcpauth.it.McpHttp.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.mcpauth.it.McpHttp;
import dev.mcpauth.it.auth.TestAuthorizationServer;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The sample WAR's resource-server behaviour as a client sees it over HTTP, whatever serves it: Payara Micro,
 * Open Liberty, or several instances behind nginx. Subclasses start the servers with the sample's
 * {@code mcp.auth.resource} and {@code mp.jwt.verify.issuer} set by environment variables to {@link #resource()}
 * and the shared {@link TestAuthorizationServer}, which mints the tokens.
 */
public abstract class SampleResourceServerContract {

    protected static final TestAuthorizationServer AS = TestAuthorizationServer.get();
    protected static final String MODERN = "2026-07-28";
    /** alice's token subject: her fixed user id in the sample realm ({@code liberty-sample/keycloak/realm-mcp.json}). */
    public static final String ALICE = "a11ce000-0000-4000-8000-000000000001";
    /** bob's token subject, likewise. */
    public static final String BOB = "b0b00000-0000-4000-8000-000000000002";

    /** The public base URL clients use, such as {@code http://localhost:9180}. */
    protected abstract String publicBase();

    /** The canonical MCP URL: {@code publicBase() + "/mcp"}. */
    protected String resource() {
        return publicBase() + "/mcp";
    }

    protected McpHttp mcp() {
        return new McpHttp(URI.create(resource()));
    }

    /** A token of alice's, as the sample realm issues it: her subject and her login name. */
    protected String token(String scope) {
        return token(scope, ALICE, "alice");
    }

    /** A token for {@code subject} whose {@code preferred_username} says {@code username}. */
    protected String token(String scope, String subject, String username) {
        return AS.rs256(AS.claims(resource(), scope)
                .subject(subject)
                .claim("preferred_username", username)
                .build());
    }

    /** The environment that points the unchanged sample at {@code publicBase} and the test authorization server. */
    public static Map<String, String> sampleEnvironment(String publicBase) {
        return Map.of("MCP_AUTH_RESOURCE", publicBase + "/mcp", "MP_JWT_VERIFY_ISSUER", AS.issuer());
    }

    @Test
    void aTokenlessRequestGetsTheChallengeThatLeadsToTheMetadata() {
        HttpResponse<String> response = mcp().post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}");
        assertEquals(401, response.statusCode(), response.body());
        String challenge = response.headers().firstValue("WWW-Authenticate").orElseThrow();
        String metadataUrl = publicBase() + "/.well-known/oauth-protected-resource/mcp";
        assertTrue(challenge.startsWith("Bearer "), challenge);
        assertTrue(challenge.contains("resource_metadata=\"" + metadataUrl + "\""), challenge);
        assertTrue(challenge.contains("scope=\"tickets:read tickets:write\""), challenge);
        assertFalse(challenge.contains("error="), "no error when no token was sent: " + challenge);

        for (String url : List.of(metadataUrl, publicBase() + "/.well-known/oauth-protected-resource")) {
            HttpResponse<String> prm =
                    mcp().send(HttpRequest.newBuilder(URI.create(url)).GET().build());
            assertEquals(200, prm.statusCode(), url + ": " + prm.body());
            assertTrue(prm.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), url);
            JsonObject document = McpHttp.json(prm.body());
            assertEquals(resource(), document.getString("resource"));
            assertEquals(List.of(AS.issuer()), strings(document, "authorization_servers"));
            assertEquals(
                    List.of("tickets:read", "tickets:write"),
                    strings(document, "scopes_supported").stream().sorted().toList());
            assertEquals(List.of("header"), strings(document, "bearer_methods_supported"));
        }
    }

    @Test
    void rejectedTokensGetInvalidToken() {
        Instant now = Instant.now();
        Map<String, String> tokens = new HashMap<>();
        tokens.put("garbage", "not-a-jwt");
        tokens.put(
                "wrong audience",
                AS.rs256(AS.claims("http://elsewhere.example/mcp", "tickets:read")
                        .build()));
        tokens.put(
                "wrong issuer",
                AS.rs256(new JWTClaimsSet.Builder(
                                AS.claims(resource(), "tickets:read").build())
                        .issuer("http://evil.example/realms/test")
                        .build()));
        tokens.put(
                "expired",
                AS.rs256(new JWTClaimsSet.Builder(
                                AS.claims(resource(), "tickets:read").build())
                        .issueTime(Date.from(now.minusSeconds(3600)))
                        .expirationTime(Date.from(now.minusSeconds(600)))
                        .build()));
        tokens.forEach((kind, token) -> {
            HttpResponse<String> response =
                    mcp().post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}", bearer(token));
            assertEquals(401, response.statusCode(), kind + ": " + response.body());
            String challenge = response.headers().firstValue("WWW-Authenticate").orElseThrow();
            assertTrue(challenge.contains("error=\"invalid_token\""), kind + ": " + challenge);
            assertTrue(
                    challenge.contains(
                            "resource_metadata=\"" + publicBase() + "/.well-known/oauth-protected-resource/mcp\""),
                    kind + ": " + challenge);
            assertFalse(response.body().contains(token), kind + ": the body echoes the token");
        });
    }

    @Test
    void toolsListShowsEachCallerOnlyWhatTheyMayCall() {
        assertEquals(
                List.of("whoami"), mcp().toolNames(token("")).stream().sorted().toList());
        assertEquals(
                List.of("export_tickets", "get_ticket", "search_tickets", "whoami"),
                mcp().toolNames(token("tickets:read")).stream().sorted().toList());
        assertEquals(
                List.of("draft_reply", "export_tickets", "get_ticket", "search_tickets", "whoami"),
                mcp().toolNames(token("tickets:read tickets:write")).stream()
                        .sorted()
                        .toList());
    }

    @Test
    void aCallWithoutTheScopeIsRefusedWithAStepUpChallengeAndSucceedsAfterIt() {
        String call = McpHttp.toolsCall("draft_reply", "{\"ticketId\":\"T-1001\",\"text\":\"We are on it\"}");
        HttpResponse<String> refused = mcp().post(call, bearer(token("tickets:read")));
        assertEquals(403, refused.statusCode(), refused.body());
        String challenge = refused.headers().firstValue("WWW-Authenticate").orElseThrow();
        assertTrue(challenge.contains("error=\"insufficient_scope\""), challenge);
        assertTrue(challenge.contains("tickets:write"), challenge);
        assertTrue(
                challenge.contains(
                        "resource_metadata=\"" + publicBase() + "/.well-known/oauth-protected-resource/mcp\""),
                challenge);

        JsonObject drafted = mcp().callTool(
                        token("tickets:read tickets:write"),
                        "draft_reply",
                        "{\"ticketId\":\"T-1001\",\"text\":\"We are on it\"}");
        assertFalse(drafted.getBoolean("isError", false), drafted.toString());
    }

    @Test
    void toolsSeeTheCaller() {
        JsonObject ticket = mcp().callTool(token("tickets:read"), "get_ticket", "{\"id\":\"T-1001\"}");
        assertTrue(McpHttp.text(ticket).contains("T-1001"), ticket.toString());
        JsonObject me = mcp().callTool(token("tickets:read"), "whoami", "{}");
        assertTrue(McpHttp.text(me).contains("alice"), me.toString());
    }

    /**
     * Tickets belong to the token's subject. {@code preferred_username} is a claim a client can get written for it
     * (a self-registered client with a claim mapper, from a name the user chose), so it only ever names the caller:
     * bob's subject claiming to be "alice" sees bob's tickets, and alice's subject stays alice whatever the name says.
     */
    @Test
    void ticketsBelongToTheTokenSubjectNotToTheUsernameClaim() {
        String bobCallingHimselfAlice = token("tickets:read", BOB, "alice");
        JsonObject foreign = mcp().callTool(bobCallingHimselfAlice, "get_ticket", "{\"id\":\"T-1001\"}");
        assertTrue(foreign.getBoolean("isError", false), "bob's subject must not read alice's T-1001: " + foreign);
        assertEquals("No ticket T-1001 for you", McpHttp.text(foreign));
        JsonObject found = mcp().callTool(bobCallingHimselfAlice, "search_tickets", "{\"query\":\"\"}");
        assertEquals(
                List.of("T-2001", "T-2002"),
                found.getJsonObject("structuredContent").getJsonArray("result").getValuesAs(JsonObject.class).stream()
                        .map(ticket -> ticket.getString("id"))
                        .toList(),
                found.toString());

        JsonObject own = mcp().callTool(token("tickets:read", ALICE, "bob"), "get_ticket", "{\"id\":\"T-1001\"}");
        assertFalse(
                own.getBoolean("isError", false),
                "alice's subject reads her T-1001 whatever preferred_username says: " + own);
        assertEquals("T-1001", own.getJsonObject("structuredContent").getString("id"), own.toString());
    }

    @Test
    void aModernEraClientIsServedStatelessly() {
        String meta = "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"" + MODERN + "\","
                + "\"io.modelcontextprotocol/clientInfo\":{\"name\":\"it-client\",\"version\":\"1.0\"},"
                + "\"io.modelcontextprotocol/clientCapabilities\":{}}";
        Map<String, String> headers = new HashMap<>(bearer(token("tickets:read")));
        headers.put("MCP-Protocol-Version", MODERN);
        headers.put("Mcp-Method", "server/discover");
        HttpResponse<String> discover = mcp().post(
                        "{\"jsonrpc\":\"2.0\",\"id\":\"d\",\"method\":\"server/discover\",\"params\":{" + meta + "}}",
                        headers);
        assertEquals(200, discover.statusCode(), discover.body());
        assertTrue(McpHttp.json(discover.body()).containsKey("result"), discover.body());

        headers.put("Mcp-Method", "tools/list");
        HttpResponse<String> list = mcp().post(
                        "{\"jsonrpc\":\"2.0\",\"id\":\"l\",\"method\":\"tools/list\",\"params\":{" + meta + "}}",
                        headers);
        assertEquals(200, list.statusCode(), list.body());
        JsonObject result = McpHttp.json(list.body()).getJsonObject("result");
        assertTrue(result.containsKey("resultType"), "a 2026-07-28 envelope: " + result);
        assertEquals(
                List.of("export_tickets", "get_ticket", "search_tickets", "whoami"),
                result.getJsonArray("tools").getValuesAs(JsonObject.class).stream()
                        .map(tool -> tool.getString("name"))
                        .sorted()
                        .toList());
    }

    private static List<String> strings(JsonObject object, String key) {
        return object.getJsonArray(key).getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .toList();
    }

    static Duration startupTimeout() {
        return Duration.ofMinutes(3);
    }
}
