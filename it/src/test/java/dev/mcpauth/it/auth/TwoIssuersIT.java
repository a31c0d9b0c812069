package dev.mcpauth.it.auth;

import static dev.mcpauth.it.McpHttp.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import dev.mcpauth.it.Deployments;
import dev.mcpauth.it.McpHttp;
import dev.mcpauth.it.fixture.IdentityTools;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two trusted authorization servers side by side ({@code mcp.auth.issuers}): each one's tokens work, each is
 * checked with its own keys only, the metadata lists both, and a third issuer is refused.
 */
@ExtendWith(ArquillianExtension.class)
class TwoIssuersIT {

    private static final TestAuthorizationServer WORKFORCE = TestAuthorizationServer.start();
    private static final TestAuthorizationServer PARTNERS = TestAuthorizationServer.start();
    private static final TestAuthorizationServer STRANGER = TestAuthorizationServer.start();
    private static final McpHttp MCP = McpHttp.forContextRoot("two-issuers-it");
    private static final String RESOURCE = MCP.endpoint().toString();
    private static final String PING = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war(
                "two-issuers-it",
                "mcp.auth.resource=" + RESOURCE + "\n"
                        + "mcp.auth.issuers=" + WORKFORCE.issuer() + "," + PARTNERS.issuer() + "\n"
                        + "mcp.auth.issuer-scopes=" + PARTNERS.issuer() + "=tickets:read\n",
                IdentityTools.class);
    }

    @Test
    void tokensOfBothIssuersAreAccepted() {
        assertEquals(
                200,
                ping(WORKFORCE.rs256(WORKFORCE.claims(RESOURCE, "").build())).statusCode());
        assertEquals(
                200, ping(PARTNERS.es256(PARTNERS.claims(RESOURCE, "").build())).statusCode());
    }

    @Test
    void aTokenIsCheckedOnlyWithTheKeysOfTheIssuerItNames() {
        // signed by the partners' key but claiming to come from the workforce issuer (both keys are "rsa-1")
        String forged = TestAuthorizationServer.sign(
                WORKFORCE.claims(RESOURCE, "").build(),
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-1").build(),
                TestAuthorizationServer.rsaSigner(PARTNERS.rsaKey()));
        assertRefused(forged, "The token's signature is invalid");
        assertRefused(STRANGER.rs256(STRANGER.claims(RESOURCE, "").build()), "The token was issued by another issuer");
    }

    @Test
    void theSameSubjectFromTwoIssuersIsTwoCallers() {
        String staff = text(MCP.callTool(
                WORKFORCE.rs256(WORKFORCE.claims(RESOURCE, "tickets:read").build()), "whoami", "{}"));
        String partner = text(MCP.callTool(
                PARTNERS.rs256(PARTNERS.claims(RESOURCE, "tickets:read").build()), "whoami", "{}"));
        assertEquals("user-42|test-client|tickets:read", staff);
        assertEquals("user-42@" + PARTNERS.issuer() + "|test-client|tickets:read", partner);
    }

    @Test
    void anIssuerGrantsOnlyTheScopesItIsTrustedFor() {
        String partner = PARTNERS.rs256(
                PARTNERS.claims(RESOURCE, "tickets:read tickets:write admin").build());
        assertTrue(text(MCP.callTool(partner, "whoami", "{}")).endsWith("|tickets:read"));
        String staff = WORKFORCE.rs256(
                WORKFORCE.claims(RESOURCE, "tickets:read tickets:write admin").build());
        assertTrue(text(MCP.callTool(staff, "whoami", "{}")).endsWith("|admin tickets:read tickets:write"));
    }

    @Test
    void theMetadataListsBothAuthorizationServers() {
        HttpResponse<String> metadata = MCP.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + MCP.endpoint().getPort()
                                + "/two-issuers-it/.well-known/oauth-protected-resource/two-issuers-it/mcp"))
                .GET()
                .build());
        assertEquals(
                "[\"" + WORKFORCE.issuer() + "\",\"" + PARTNERS.issuer() + "\"]",
                McpHttp.json(metadata.body())
                        .getJsonArray("authorization_servers")
                        .toString());
    }

    private static void assertRefused(String token, String description) {
        HttpResponse<String> response = ping(token);
        assertEquals(401, response.statusCode());
        assertTrue(
                response.headers()
                        .firstValue("WWW-Authenticate")
                        .orElse("")
                        .contains("error_description=\"" + description + "\""),
                response.headers().firstValue("WWW-Authenticate").orElse(""));
    }

    private static HttpResponse<String> ping(String token) {
        return MCP.post(PING, Map.of("Authorization", "Bearer " + token));
    }
}
