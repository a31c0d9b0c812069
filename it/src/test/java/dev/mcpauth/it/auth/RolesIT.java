package dev.mcpauth.it.auth;

import static dev.mcpauth.it.McpHttp.bearer;
import static dev.mcpauth.it.McpHttp.text;
import static dev.mcpauth.it.McpHttp.toolsCall;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpauth.it.Deployments;
import dev.mcpauth.it.McpHttp;
import dev.mcpauth.it.fixture.AdminTools;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Jakarta {@code @RolesAllowed} and {@code @PermitAll} on tool beans: the roles are the token's scopes plus the
 * claim {@code mcp.auth.roles-claim} names (here Keycloak's {@code realm_access.roles}).
 */
@ExtendWith(ArquillianExtension.class)
class RolesIT {

    private static final TestAuthorizationServer AS = TestAuthorizationServer.get();
    private static final McpHttp MCP = McpHttp.forContextRoot("roles-it");
    private static final String RESOURCE = MCP.endpoint().toString();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war(
                "roles-it",
                "mcp.auth.resource=" + RESOURCE + "\nmp.jwt.verify.issuer=" + AS.issuer() + "\n"
                        + "mcp.auth.roles-claim=realm_access.roles\n",
                AdminTools.class);
    }

    @Test
    void aRoleFromTheRolesClaimOpensTheTool() {
        String admin = AS.rs256(AS.claims(RESOURCE, "")
                .claim("realm_access", Map.of("roles", List.of("ticket-admin")))
                .build());
        assertEquals(List.of("admin_help", "purge_drafts"), MCP.toolNames(admin));
        assertEquals("purged", text(MCP.callTool(admin, "purge_drafts", "{}")));
    }

    @Test
    void aScopeIsNotARole() {
        // a client can ask for any scope; a role is the authorization server's statement about the user
        String scoped = AS.rs256(AS.claims(RESOURCE, "ticket-admin").build());
        assertEquals(List.of("admin_help"), MCP.toolNames(scoped));
        assertPlainForbidden(
                MCP.post(toolsCall("purge_drafts", "{}"), bearer(scoped)),
                "The call needs one of the roles: ticket-admin");
    }

    @Test
    void withoutTheRoleTheToolIsHiddenAndRefusedButPermitAllStaysOpen() {
        String user = AS.rs256(AS.claims(RESOURCE, "tickets:read")
                .claim("realm_access", Map.of("roles", List.of("ticket-reader")))
                .build());
        assertEquals(List.of("admin_help"), MCP.toolNames(user));
        assertEquals("purge_drafts deletes every draft", text(MCP.callTool(user, "admin_help", "{}")));
        HttpResponse<String> refused = MCP.post(toolsCall("purge_drafts", "{}"), bearer(user));
        assertPlainForbidden(refused, "The call needs one of the roles: ticket-admin");
    }

    @Test
    void denyAllHidesTheToolFromEveryoneAndRefusesItEvenWithTheRole() {
        String admin = AS.rs256(AS.claims(RESOURCE, "")
                .claim("realm_access", Map.of("roles", List.of("ticket-admin")))
                .build());
        assertFalse(MCP.toolNames(admin).contains("drop_everything"));
        assertPlainForbidden(
                MCP.post(toolsCall("drop_everything", "{}"), bearer(admin)),
                "The operation is not available to any caller");
    }

    /**
     * A role refusal is a plain 403: no {@code insufficient_scope} challenge, because no scope the client could ask
     * for would help, and the audit names it as a role refusal.
     */
    private static void assertPlainForbidden(HttpResponse<String> refused, String description) {
        assertEquals(403, refused.statusCode(), refused.body());
        assertTrue(
                refused.headers().firstValue("WWW-Authenticate").isEmpty(),
                refused.headers().toString());
        JsonObject body = McpHttp.json(refused.body());
        assertEquals("access_denied", body.getString("error"));
        assertEquals(description, body.getString("error_description"));
    }
}
