package dev.mcpauth.it.auth;

import static dev.mcpauth.it.McpHttp.bearer;
import static dev.mcpauth.it.McpHttp.text;
import static dev.mcpauth.it.McpHttp.toolsCall;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpauth.it.Deployments;
import dev.mcpauth.it.McpHttp;
import dev.mcpauth.it.fixture.IdentityTools;
import dev.mcpauth.it.fixture.TicketDeskTools;
import java.net.http.HttpResponse;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Opaque tokens checked by RFC 7662 introspection at a test authorization server (its endpoint found through
 * its metadata, the resource server authenticated with Basic credentials), the combined mode that verifies
 * JWTs locally and introspects the rest, and a scope hierarchy.
 */
@ExtendWith(ArquillianExtension.class)
class IntrospectionIT {

    private static final TestAuthorizationServer OPAQUE_AS = TestAuthorizationServer.start();
    private static final TestAuthorizationServer HYBRID_AS = TestAuthorizationServer.start();
    private static final McpHttp OPAQUE = McpHttp.forContextRoot("introspection-it");
    private static final McpHttp HYBRID = McpHttp.forContextRoot("hybrid-it");
    private static final String PING = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";

    @Deployment(name = "introspection", testable = false)
    static WebArchive introspection() {
        return war("introspection-it", OPAQUE, OPAQUE_AS, "introspection");
    }

    @Deployment(name = "hybrid", testable = false)
    static WebArchive hybrid() {
        return war("hybrid-it", HYBRID, HYBRID_AS, "jwt-or-introspection");
    }

    private static WebArchive war(String name, McpHttp mcp, TestAuthorizationServer as, String verifier) {
        return Deployments.war(
                name,
                "mcp.auth.resource=" + mcp.endpoint() + "\n"
                        + "mp.jwt.verify.issuer=" + as.issuer() + "\n"
                        + "mcp.auth.verifier=" + verifier + "\n"
                        + "mcp.auth.introspection.client-id=" + TestAuthorizationServer.INTROSPECTION_CLIENT + "\n"
                        + "mcp.auth.introspection.client-secret=" + TestAuthorizationServer.INTROSPECTION_SECRET + "\n"
                        + "mcp.auth.scope-implications=tickets:admin=tickets:write,tickets:write=tickets:read\n",
                TicketDeskTools.class,
                IdentityTools.class);
    }

    @Test
    void anActiveOpaqueTokenIsAcceptedWithItsScopesAndTheAnswerIsReused() {
        String token = OPAQUE_AS.opaque(
                OPAQUE_AS.claims(OPAQUE.endpoint().toString(), "tickets:read").build());
        int before = OPAQUE_AS.introspectionRequests();
        assertEquals(List.of("list_tickets", "token_name", "whoami"), OPAQUE.toolNames(token));
        assertEquals("user-42|test-client|tickets:read", text(OPAQUE.callTool(token, "whoami", "{}")));
        assertEquals(
                403,
                OPAQUE.post(toolsCall("draft_reply", "{\"ticketId\":\"T-1\",\"text\":\"x\"}"), bearer(token))
                        .statusCode());
        assertEquals(before + 1, OPAQUE_AS.introspectionRequests(), "one introspection, then the cached answer");
    }

    @Test
    void inactiveUnknownAndForeignTokensAreRefused() {
        assertInvalid(OPAQUE, "never-issued-token", "The token is not active");
        String revoked = OPAQUE_AS.opaque(
                OPAQUE_AS.claims(OPAQUE.endpoint().toString(), "").build());
        OPAQUE_AS.revoke(revoked);
        assertInvalid(OPAQUE, revoked, "The token is not active");
        assertInvalid(
                OPAQUE,
                OPAQUE_AS.opaque(
                        OPAQUE_AS.claims("https://elsewhere.example/mcp", "").build()),
                "The token is meant for another resource (aud)");
        assertInvalid(
                OPAQUE,
                OPAQUE_AS.opaque(OPAQUE_AS
                        .claims(OPAQUE.endpoint().toString(), "")
                        .issuer("http://localhost:1/other")
                        .build()),
                "The token was issued by another issuer");
    }

    @Test
    void jwtsAreVerifiedLocallyAndOpaqueTokensIntrospected() {
        String audience = HYBRID.endpoint().toString();
        int before = HYBRID_AS.introspectionRequests();
        assertEquals(
                200,
                HYBRID.post(
                                PING,
                                bearer(HYBRID_AS.rs256(
                                        HYBRID_AS.claims(audience, "").build())))
                        .statusCode());
        assertEquals(before, HYBRID_AS.introspectionRequests(), "a JWT needs no introspection");
        assertEquals(
                200,
                HYBRID.post(
                                PING,
                                bearer(HYBRID_AS.opaque(
                                        HYBRID_AS.claims(audience, "").build())))
                        .statusCode());
        assertEquals(before + 1, HYBRID_AS.introspectionRequests());
        assertInvalid(HYBRID, "a.b.c", "The token is not a well-formed JWT");
        assertEquals(before + 1, HYBRID_AS.introspectionRequests(), "a bad JWT is refused, not introspected");
    }

    @Test
    void aScopeImpliesTheScopesTheHierarchyNames() {
        String admin = HYBRID_AS.rs256(
                HYBRID_AS.claims(HYBRID.endpoint().toString(), "tickets:admin").build());
        assertEquals(List.of("draft_reply", "list_tickets", "token_name", "whoami"), HYBRID.toolNames(admin));
        assertEquals(
                "draft for T-7: done",
                text(HYBRID.callTool(admin, "draft_reply", "{\"ticketId\":\"T-7\",\"text\":\"done\"}")));
    }

    private static void assertInvalid(McpHttp mcp, String token, String description) {
        HttpResponse<String> response = mcp.post(PING, bearer(token));
        assertEquals(401, response.statusCode(), description);
        assertTrue(
                response.headers()
                        .firstValue("WWW-Authenticate")
                        .orElse("")
                        .contains("error_description=\"" + description + "\""),
                response.headers().firstValue("WWW-Authenticate").orElse(""));
    }
}
