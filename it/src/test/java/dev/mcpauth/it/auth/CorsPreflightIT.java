package dev.mcpauth.it.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpauth.it.Deployments;
import dev.mcpauth.it.McpHttp;
import dev.mcpauth.it.fixture.TicketDeskTools;
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
 * The CORS preflight a browser sends before a client in a web page (not behind the Inspector's own backend) may POST
 * to the MCP endpoint, on a real Liberty: an allowed origin gets 204 with the headers MCP uses, any other origin a
 * 403 without a single CORS header. Without the origin filter answering it, Liberty's default {@code OPTIONS}
 * answer (200, {@code Allow}, no filter run) reached the browser and the real request was never sent.
 */
@ExtendWith(ArquillianExtension.class)
class CorsPreflightIT {

    private static final TestAuthorizationServer AS = TestAuthorizationServer.get();
    private static final McpHttp MCP = McpHttp.forContextRoot("cors-it");
    private static final String PING = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war(
                "cors-it",
                "mcp.auth.resource=" + MCP.endpoint() + "\n"
                        + "mp.jwt.verify.issuer=" + AS.issuer() + "\n"
                        + "mcp.allowed-origins=https://app.example.com\n",
                TicketDeskTools.class);
    }

    private static HttpResponse<String> preflight(String origin, String requestHeaders) {
        return MCP.send(HttpRequest.newBuilder(MCP.endpoint())
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", requestHeaders)
                .build());
    }

    private static String header(HttpResponse<?> response, String name) {
        return String.join(", ", response.headers().allValues(name));
    }

    @Test
    void anAllowedOriginsPreflightGets204WithTheHeadersMcpUses() {
        for (String origin : List.of("http://localhost:6274", "http://127.0.0.1:6274", "https://app.example.com")) {
            HttpResponse<String> response = preflight(
                    origin,
                    "authorization, content-type, mcp-protocol-version, mcp-method, mcp-name, mcp-param-region");
            assertEquals(204, response.statusCode(), origin);
            assertEquals(origin, header(response, "Access-Control-Allow-Origin"));
            assertTrue(
                    header(response, "Access-Control-Allow-Methods").contains("POST"),
                    header(response, "Access-Control-Allow-Methods"));
            List<String> allowed = List.of(header(response, "Access-Control-Allow-Headers")
                    .toLowerCase()
                    .split(",\\s*"));
            for (String name : List.of(
                    "authorization",
                    "content-type",
                    "mcp-protocol-version",
                    "mcp-method",
                    "mcp-name",
                    "mcp-param-region")) {
                assertTrue(allowed.contains(name), name + " not in " + allowed);
            }
            assertTrue(header(response, "Access-Control-Expose-Headers").contains("WWW-Authenticate"));
            assertTrue(header(response, "Vary").contains("Origin"));
            assertEquals("", header(response, "Access-Control-Allow-Credentials"), "bearer tokens, no cookies");
            assertEquals("", response.body());
        }
    }

    @Test
    void anyOtherOriginsPreflightGets403WithoutCorsHeaders() {
        for (String origin : List.of(
                "http://evil.example.com",
                "http://localhost.evil.example.com",
                "https://app.example.com:8443",
                "null")) {
            HttpResponse<String> response = preflight(origin, "authorization, content-type");
            assertEquals(403, response.statusCode(), origin);
            assertFalse(
                    response.headers().map().keySet().stream()
                            .anyMatch(name -> name.toLowerCase().startsWith("access-control-")),
                    origin + ": " + response.headers().map());
        }
    }

    @Test
    void afterThePreflightTheRealRequestIsChallengedAndTheBrowserMayReadTheChallenge() {
        HttpResponse<String> response = MCP.post(PING, Map.of("Origin", "http://localhost:6274"));
        assertEquals(401, response.statusCode());
        assertEquals("http://localhost:6274", header(response, "Access-Control-Allow-Origin"));
        assertTrue(header(response, "Access-Control-Expose-Headers").contains("WWW-Authenticate"));
        assertEquals(
                "",
                header(response, "Access-Control-Allow-Headers"),
                "methods and headers are the preflight's business");
    }
}
