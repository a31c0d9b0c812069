package dev.mcpauth.it.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpauth.it.Deployments;
import dev.mcpauth.it.McpHttp;
import dev.mcpauth.it.fixture.ReportApplication;
import dev.mcpauth.it.fixture.SingletonMcpApplication;
import dev.mcpauth.it.fixture.TicketDeskTools;
import dev.mcpauth.it.fixture.TicketReportResource;
import dev.mcpauth.it.fixture.UnfilteredMcpApplication;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A scope-protected tool bean called by the application's own REST resource, outside MCP: the authorization
 * interceptor refuses it, whatever token the request carries, because no MCP caller was verified for it.
 * Only the MCP endpoint verifies tokens for this resource; everywhere else the tool bean is closed.
 */
@ExtendWith(ArquillianExtension.class)
class DirectCallIT {

    private static final TestAuthorizationServer AS = TestAuthorizationServer.get();
    private static final McpHttp MCP = McpHttp.forContextRoot("direct-call-it");
    private static final String RESOURCE = MCP.endpoint().toString();
    private static final URI REPORT = MCP.endpoint().resolve("/direct-call-it/api/report");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war(
                "direct-call-it",
                "mcp.auth.resource=" + RESOURCE + "\nmp.jwt.verify.issuer=" + AS.issuer() + "\n",
                TicketDeskTools.class,
                TicketReportResource.class,
                ReportApplication.class,
                UnfilteredMcpApplication.class,
                SingletonMcpApplication.class);
    }

    private static HttpResponse<String> report(String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(REPORT).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return MCP.send(request.build());
    }

    @Test
    void theToolBeanCalledFromARestResourceWithoutAnMcpCallerIsRefused() {
        HttpResponse<String> refused = report(null);
        assertEquals(500, refused.statusCode(), refused.body());
        assertFalse(refused.body().contains("T-1"), refused.body());
    }

    @Test
    void aValidTokenOnTheRestPathDoesNotOpenTheToolBeanEither() {
        String token = AS.rs256(AS.claims(RESOURCE, "tickets:read").build());
        HttpResponse<String> refused = report("Bearer " + token);
        assertEquals(500, refused.statusCode(), refused.body());
        assertFalse(refused.body().contains("T-1"), refused.body());
    }

    @Test
    void theEndpointPublishedWithoutTheAuthenticationFilterRefusesEveryCall() {
        McpHttp unfiltered = new McpHttp(MCP.endpoint().resolve("/direct-call-it/unfiltered"));
        String token = AS.rs256(AS.claims(RESOURCE, "tickets:read").build());
        for (Map<String, String> headers : List.of(Map.<String, String>of(), McpHttp.bearer(token))) {
            HttpResponse<String> refused = unfiltered.post(McpHttp.toolsCall("list_tickets", "{}"), headers);
            assertEquals(401, refused.statusCode(), refused.body());
            assertTrue(
                    refused.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer "),
                    refused.headers().toString());
            assertFalse(refused.body().contains("T-1"), refused.body());
        }
    }

    /** An endpoint the application made with {@code new} has no runtime: it refuses, naming the mistake in the log. */
    @Test
    void theEndpointCreatedByTheApplicationItselfRefusesEveryCall() {
        McpHttp singleton = new McpHttp(MCP.endpoint().resolve("/direct-call-it/singleton"));
        String token = AS.rs256(AS.claims(RESOURCE, "tickets:read").build());
        for (Map<String, String> headers : List.of(Map.<String, String>of(), McpHttp.bearer(token))) {
            HttpResponse<String> refused = singleton.post(McpHttp.toolsCall("list_tickets", "{}"), headers);
            assertEquals(500, refused.statusCode(), refused.body());
            assertEquals(
                    -32603, McpHttp.json(refused.body()).getJsonObject("error").getInt("code"), refused.body());
            assertFalse(refused.body().contains("T-1"), refused.body());
        }
    }

    @Test
    void theSameToolThroughMcpWithTheScopeWorks() {
        String token = AS.rs256(AS.claims(RESOURCE, "tickets:read").build());
        assertTrue(MCP.callTool(token, "list_tickets", "{}").toString().contains("T-1"));
        assertEquals(List.of("list_tickets"), MCP.toolNames(token));
    }
}
