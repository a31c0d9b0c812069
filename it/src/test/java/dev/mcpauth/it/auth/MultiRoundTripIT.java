package dev.mcpauth.it.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpauth.it.Deployments;
import dev.mcpauth.it.McpHttp;
import dev.mcpauth.it.fixture.ConfirmTools;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Multi round-trip calls on Liberty: a confirmation asked in one round and answered in the next, continued by a
 * second deployment that shares the sealing key (any instance behind a load balancer), and every misuse of the
 * sealed state refused before the tool runs: another caller's, other arguments', a changed one.
 */
@ExtendWith(ArquillianExtension.class)
class MultiRoundTripIT {

    private static final TestAuthorizationServer AS = TestAuthorizationServer.get();
    /** One canonical resource for both instances, as behind a load balancer. */
    private static final McpHttp FIRST = McpHttp.forContextRoot("mrtr-first");

    private static final McpHttp SECOND = McpHttp.forContextRoot("mrtr-second");
    private static final String RESOURCE = FIRST.endpoint().toString();
    private static final String KEY = "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=";

    private static WebArchive instance(String name) {
        return Deployments.war(
                name,
                "mcp.auth.resource=" + RESOURCE + "\nmp.jwt.verify.issuer=" + AS.issuer() + "\n"
                        + "mp.jwt.verify.audiences=" + RESOURCE + "\nmcp.request-state.keys=" + KEY + "\n",
                ConfirmTools.class);
    }

    @Deployment(name = "first", testable = false)
    static WebArchive first() {
        return instance("mrtr-first");
    }

    /** Deployed by the test that needs it: Arquillian's Liberty container deploys one managed archive per class. */
    @Deployment(name = "second", managed = false, testable = false)
    static WebArchive second() {
        return instance("mrtr-second");
    }

    private static String token(String subject) {
        return AS.rs256(AS.claims(RESOURCE, "tickets:read").subject(subject).build());
    }

    private static HttpResponse<String> call(
            McpHttp instance, String token, String text, String capabilities, String extra) {
        return call(instance, "record_note", token, text, capabilities, extra);
    }

    private static HttpResponse<String> call(
            McpHttp instance, String tool, String token, String text, String capabilities, String extra) {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"_meta\":{"
                + "\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\",\"io.modelcontextprotocol/clientCapabilities\":"
                + capabilities
                + "},\"name\":\"" + tool + "\",\"arguments\":{\"text\":\"" + text + "\"}" + extra + "}}";
        return instance.post(
                body,
                Map.of(
                        "Authorization",
                        "Bearer " + token,
                        "MCP-Protocol-Version",
                        "2026-07-28",
                        "Mcp-Method",
                        "tools/call",
                        "Mcp-Name",
                        tool));
    }

    private static JsonObject result(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        JsonObject body = McpHttp.json(response.body());
        assertTrue(body.containsKey("result"), response.body());
        return body.getJsonObject("result");
    }

    private static String retry(String state, boolean ok) {
        return ",\"inputResponses\":{\"confirm\":{\"action\":\"accept\",\"content\":{\"ok\":" + ok
                + "}}},\"requestState\":\"" + state + "\"";
    }

    /** Round 1 on the first instance: the question and the sealed state. */
    private static String askFirst(String token, String text) {
        JsonObject asked = result(call(FIRST, token, text, "{\"elicitation\":{}}", ""));
        assertEquals("input_required", asked.getString("resultType"));
        assertEquals(
                "elicitation/create",
                asked.getJsonObject("inputRequests").getJsonObject("confirm").getString("method"));
        return asked.getString("requestState");
    }

    @ArquillianResource
    private Deployer deployer;

    @Test
    void aSecondInstanceWithTheSameKeyFinishesTheCall() {
        deployer.deploy("second");
        try {
            finishOnTheSecondInstance();
        } finally {
            deployer.undeploy("second");
        }
    }

    private static void finishOnTheSecondInstance() {
        String alice = token("alice");
        String state = askFirst(alice, "call the customer");
        JsonObject done = result(call(SECOND, alice, "call the customer", "{\"elicitation\":{}}", retry(state, true)));
        assertEquals("complete", done.getString("resultType"));
        assertEquals("recorded: call the customer", McpHttp.text(done));
        // the final round replayed: a state is good for one round
        JsonObject replayed =
                McpHttp.json(call(SECOND, alice, "call the customer", "{\"elicitation\":{}}", retry(state, true))
                        .body());
        assertEquals(
                "Invalid requestState: it was used already; each state is good for one round",
                replayed.getJsonObject("error").getString("message"));
        String again = askFirst(alice, "call the customer");
        assertEquals(
                "nothing recorded",
                McpHttp.text(
                        result(call(SECOND, alice, "call the customer", "{\"elicitation\":{}}", retry(again, false)))));
    }

    @Test
    void anotherCallersOrAnotherCallsStateIsRefusedBeforeTheToolRuns() throws Exception {
        String state = askFirst(token("alice"), "refund");
        for (HttpResponse<String> refused : new HttpResponse[] {
            call(FIRST, token("mallory"), "refund", "{\"elicitation\":{}}", retry(state, true)),
            call(FIRST, token("alice"), "refund twice", "{\"elicitation\":{}}", retry(state, true))
        }) {
            JsonObject error = McpHttp.json(refused.body()).getJsonObject("error");
            assertEquals(-32602, error.getInt("code"), refused.body());
            assertEquals(
                    "Invalid requestState: it was issued for another caller, tool or arguments",
                    error.getString("message"));
        }
        JsonObject changed = McpHttp.json(
                        call(FIRST, token("alice"), "refund", "{\"elicitation\":{}}", retry(state + "x", true))
                                .body())
                .getJsonObject("error");
        assertEquals(
                "Invalid requestState: it was not issued by this server or was changed", changed.getString("message"));
        Path log = Path.of(System.getProperty("it.server.dir"), "logs", "messages.log");
        boolean audited = false;
        for (int attempt = 0; attempt < 50 && !audited; attempt++) {
            audited = Files.readAllLines(log).stream()
                    .anyMatch(line -> line.contains("MCPAUTH-AUDIT")
                            && line.contains("\"reason\":\"invalid_request_state\"")
                            && line.contains("\"subject\":\"mallory\""));
            if (!audited) {
                Thread.sleep(100);
            }
        }
        assertTrue(audited, "the refused state is audited with the caller who sent it");
    }

    @Test
    void answersWithoutAStateAreIgnored() {
        // a client cannot skip the confirmation by answering it in the first request
        JsonObject first = result(call(
                FIRST,
                token("alice"),
                "skip",
                "{\"elicitation\":{}}",
                ",\"inputResponses\":{\"confirm\":{\"action\":\"accept\",\"content\":{\"ok\":true}}}"));
        assertEquals("input_required", first.getString("resultType"), first.toString());
        assertTrue(first.getJsonObject("inputRequests").containsKey("confirm"), first.toString());
    }

    @Test
    void onlyAnswersToQuestionsAskedAreAccepted() {
        String alice = token("alice");
        String yes = "{\"action\":\"accept\",\"content\":{\"ok\":true}}";
        JsonObject asked = result(call(FIRST, "publish_note", alice, "hello", "{\"elicitation\":{}}", ""));
        assertEquals(
                java.util.Set.of("confirm"),
                asked.getJsonObject("inputRequests").keySet());
        // the second question answered before it was asked: ignored, and asked now
        JsonObject second = result(call(
                FIRST,
                "publish_note",
                alice,
                "hello",
                "{\"elicitation\":{}}",
                ",\"inputResponses\":{\"confirm\":" + yes + ",\"really\":" + yes + "},\"requestState\":\""
                        + asked.getString("requestState") + "\""));
        assertEquals("input_required", second.getString("resultType"), second.toString());
        assertEquals(
                java.util.Set.of("really"),
                second.getJsonObject("inputRequests").keySet());
        JsonObject done = result(call(
                FIRST,
                "publish_note",
                alice,
                "hello",
                "{\"elicitation\":{}}",
                ",\"inputResponses\":{\"really\":" + yes + "},\"requestState\":\"" + second.getString("requestState")
                        + "\""));
        assertEquals("published: hello", McpHttp.text(done));
    }

    @Test
    void aClientWithoutElicitationIsToldWhatTheToolNeeds() {
        HttpResponse<String> refused = call(FIRST, token("alice"), "x", "{}", "");
        assertEquals(400, refused.statusCode(), refused.body());
        JsonObject error = McpHttp.json(refused.body()).getJsonObject("error");
        assertEquals(-32021, error.getInt("code"));
        assertEquals(
                "{\"elicitation\":{}}",
                error.getJsonObject("data")
                        .getJsonObject("requiredCapabilities")
                        .toString());
    }
}
