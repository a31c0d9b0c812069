package dev.mcpauth.it.session;

import static dev.mcpauth.it.McpHttp.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpauth.it.Deployments;
import dev.mcpauth.it.McpHttp;
import dev.mcpauth.it.auth.TestAuthorizationServer;
import dev.mcpauth.it.fixture.TicketDeskTools;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * 2025-era sessions on the real Liberty with authentication on: {@code initialize} opens one bound to the issuer,
 * subject and client of its token; another caller's use of the id and an unknown id answer alike (404); the log
 * level lives in the session; {@code DELETE} ends it.
 */
@ExtendWith(ArquillianExtension.class)
class SessionsIT {

    private static final TestAuthorizationServer AS = TestAuthorizationServer.get();
    private static final McpHttp MCP = McpHttp.forContextRoot("sessions-it");
    private static final String RESOURCE = MCP.endpoint().toString();
    private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
            + "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{\"elicitation\":{}},"
            + "\"clientInfo\":{\"name\":\"it\",\"version\":\"1\"}}}";
    private static final String SET_LEVEL =
            "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"logging/setLevel\",\"params\":{\"level\":\"info\"}}";
    private static final String TOOLS_LIST = "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/list\"}";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war(
                "sessions-it",
                "mcp.auth.resource=" + RESOURCE + "\nmp.jwt.verify.issuer=" + AS.issuer() + "\n"
                        + "mcp.sessions.enabled=true\nmcp.sessions.max-per-caller=3\n",
                TicketDeskTools.class);
    }

    private static String token(String subject, String client) {
        return AS.rs256(AS.claims(RESOURCE, "tickets:read")
                .subject(subject)
                .claim("azp", client)
                .claim("client_id", client)
                .build());
    }

    private static HttpResponse<String> post(String body, String token, String session) {
        Map<String, String> headers = session == null
                ? Map.of("Authorization", "Bearer " + token, "MCP-Protocol-Version", "2025-11-25")
                : Map.of(
                        "Authorization",
                        "Bearer " + token,
                        "MCP-Protocol-Version",
                        "2025-11-25",
                        "Mcp-Session-Id",
                        session);
        return MCP.post(body, headers);
    }

    private static String open(String token) {
        HttpResponse<String> initialized = MCP.post(INITIALIZE, Map.of("Authorization", "Bearer " + token));
        assertEquals(200, initialized.statusCode(), initialized.body());
        assertTrue(json(initialized.body())
                .getJsonObject("result")
                .getJsonObject("capabilities")
                .containsKey("logging"));
        return initialized.headers().firstValue("Mcp-Session-Id").orElseThrow();
    }

    @Test
    void aSessionServesOnlyItsOwnerAndAnotherCallersUseLooksUnknown() {
        String alice = token("alice", "desk-app");
        String session = open(alice);
        assertTrue(session.matches("[A-Za-z0-9_-]{43}"), session);

        assertEquals(200, post(TOOLS_LIST, alice, session).statusCode());
        // a new token of the same user and client (after a refresh) keeps the session
        assertEquals(200, post(TOOLS_LIST, token("alice", "desk-app"), session).statusCode());

        HttpResponse<String> bob = post(TOOLS_LIST, token("bob", "desk-app"), session);
        HttpResponse<String> otherClient = post(TOOLS_LIST, token("alice", "other-app"), session);
        HttpResponse<String> unknown = post(TOOLS_LIST, alice, "A".repeat(43));
        for (HttpResponse<String> refused : new HttpResponse[] {bob, otherClient, unknown}) {
            assertEquals(404, refused.statusCode(), refused.body());
            assertEquals(unknown.body(), refused.body(), "another caller's session answers like an unknown one");
        }
    }

    @Test
    void theLogLevelNeedsASessionAndLivesInIt() {
        String alice = token("alice", "level-app");
        HttpResponse<String> without = post(SET_LEVEL, alice, null);
        assertEquals(400, without.statusCode(), without.body());
        assertTrue(without.body().contains("needs a session"), without.body());

        HttpResponse<String> set = post(SET_LEVEL, alice, open(alice));
        assertEquals(200, set.statusCode(), set.body());
        assertEquals("{}", json(set.body()).getJsonObject("result").toString());
    }

    @Test
    void deleteEndsTheSessionForItsOwnerOnly() {
        String alice = token("alice", "delete-app");
        String session = open(alice);
        assertEquals(404, delete(token("bob", "delete-app"), session).statusCode());
        assertEquals(200, post(TOOLS_LIST, alice, session).statusCode(), "bob's DELETE ended nothing");
        assertEquals(204, delete(alice, session).statusCode());
        assertEquals(404, post(TOOLS_LIST, alice, session).statusCode());
        assertEquals(404, delete(alice, session).statusCode());
    }

    @Test
    void aCallerAtItsLimitLosesItsOldestSession() {
        String carol = token("carol", "limit-app");
        String oldest = open(carol);
        String second = open(carol);
        open(carol);
        String fourth = open(carol); // the limit is 3
        assertEquals(404, post(TOOLS_LIST, carol, oldest).statusCode(), "the oldest made room");
        assertEquals(200, post(TOOLS_LIST, carol, second).statusCode());
        assertEquals(200, post(TOOLS_LIST, carol, fourth).statusCode());
    }

    @Test
    void requestsWithoutASessionStayStateless() {
        String alice = token("alice", "stateless-app");
        assertEquals(200, post(TOOLS_LIST, alice, null).statusCode());
        HttpResponse<String> get = MCP.send(HttpRequest.newBuilder(MCP.endpoint())
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + alice)
                .header("Accept", "text/event-stream")
                .GET()
                .build());
        assertEquals(405, get.statusCode());
        assertTrue(get.headers().firstValue("Allow").orElse("").contains("DELETE"), "sessions are ended with DELETE");
    }

    private static HttpResponse<String> delete(String token, String session) {
        return MCP.send(HttpRequest.newBuilder(MCP.endpoint())
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token)
                .header("Mcp-Session-Id", session)
                .DELETE()
                .build());
    }
}
