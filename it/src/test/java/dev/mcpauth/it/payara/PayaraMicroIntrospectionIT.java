package dev.mcpauth.it.payara;

import static dev.mcpauth.it.McpHttp.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpauth.it.McpHttp;
import dev.mcpauth.it.auth.TestAuthorizationServer;
import dev.mcpauth.it.support.SampleResourceServerContract;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The unchanged sample on Payara Micro verifying opaque tokens by RFC 7662 introspection at the test authorization
 * server, switched on by environment variables alone, as the end-to-end suite does with Keycloak on Liberty.
 */
class PayaraMicroIntrospectionIT {

    private static final TestAuthorizationServer AS = TestAuthorizationServer.get();
    private static PayaraMicro payara;

    @BeforeAll
    static void startPayaraMicro() throws Exception {
        payara = PayaraMicro.start(
                "payara-micro-introspection",
                Map.of(
                        "MCP_AUTH_VERIFIER",
                        "introspection",
                        "MCP_AUTH_INTROSPECTION_CLIENT_ID",
                        TestAuthorizationServer.INTROSPECTION_CLIENT,
                        "MCP_AUTH_INTROSPECTION_CLIENT_SECRET",
                        TestAuthorizationServer.INTROSPECTION_SECRET,
                        "MCP_AUTH_INTROSPECTION_CACHE_TTL",
                        "0"));
    }

    @AfterAll
    static void stopPayaraMicro() throws Exception {
        if (payara != null) {
            payara.stop();
        }
    }

    private static McpHttp mcp() {
        return new McpHttp(URI.create(payara.base() + "/mcp"));
    }

    @Test
    void anActiveOpaqueTokenIsIntrospectedAndItsScopesFilterTheList() {
        int before = AS.introspectionRequests();
        String token = AS.opaque(AS.claims(payara.base() + "/mcp", "tickets:read")
                .subject(SampleResourceServerContract.ALICE)
                .build());
        assertEquals(
                List.of("export_tickets", "get_ticket", "search_tickets", "whoami"),
                mcp().toolNames(token).stream().sorted().toList());
        assertTrue(McpHttp.text(mcp().callTool(token, "get_ticket", "{\"id\":\"T-1001\"}"))
                .contains("T-1001"));
        assertTrue(AS.introspectionRequests() > before, "the token was introspected");
    }

    @Test
    void revokedAndForeignTokensGetInvalidToken() {
        String revoked =
                AS.opaque(AS.claims(payara.base() + "/mcp", "tickets:read").build());
        AS.revoke(revoked);
        String foreign = AS.opaque(
                AS.claims("https://elsewhere.example/mcp", "tickets:read").build());
        for (String token : List.of(revoked, foreign)) {
            HttpResponse<String> response =
                    mcp().post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}", bearer(token));
            assertEquals(401, response.statusCode(), response.body());
            assertTrue(response.headers()
                    .firstValue("WWW-Authenticate")
                    .orElseThrow()
                    .contains("error=\"invalid_token\""));
        }
    }
}
