package dev.mcpauth.it.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpauth.it.Deployments;
import dev.mcpauth.it.McpHttp;
import dev.mcpauth.it.fixture.TicketDeskTools;
import dev.mcpauth.it.support.DpopClient;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * DPoP-bound tokens (RFC 9449) on Liberty with {@code mcp.auth.dpop=optional}: a token bound to a key
 * ({@code cnf.jkt}) is accepted with the DPoP scheme and a fresh proof of that key for this request, in both eras;
 * the proof is good once; the bound token as Bearer, an unbound token as DPoP, a missing or wrong proof are each
 * refused with the reason; the challenges name both schemes and the metadata the proof algorithms; a DPoP caller is
 * stepped up in the DPoP scheme; and where DPoP is required (with server nonces) a Bearer token is refused and a proof
 * must carry the nonce the server offers.
 */
@ExtendWith(ArquillianExtension.class)
class DpopIT {

    private static final TestAuthorizationServer AS = TestAuthorizationServer.get();
    private static final McpHttp MCP = McpHttp.forContextRoot("dpop-it");
    private static final String RESOURCE = MCP.endpoint().toString();
    private static final String LIST = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war(
                "dpop-it",
                "mcp.auth.resource=" + RESOURCE + "\nmp.jwt.verify.issuer=" + AS.issuer() + "\n"
                        + "mp.jwt.verify.audiences=" + RESOURCE + "\nmcp.auth.dpop=optional\n"
                        // opaque tokens by introspection too: their binding comes in the answer's cnf
                        + "mcp.auth.verifier=jwt-or-introspection\n"
                        + "mcp.auth.introspection.client-id=" + TestAuthorizationServer.INTROSPECTION_CLIENT + "\n"
                        + "mcp.auth.introspection.client-secret=" + TestAuthorizationServer.INTROSPECTION_SECRET + "\n",
                TicketDeskTools.class);
    }

    private final DpopClient client = DpopClient.withNewKey();

    private String boundToken() {
        return AS.rs256(
                AS.claims(RESOURCE, "tickets:read").claim("cnf", client.cnf()).build());
    }

    private static String unboundToken() {
        return AS.rs256(AS.claims(RESOURCE, "tickets:read").build());
    }

    private static HttpResponse<String> send(String scheme, String token, String proof) {
        Map<String, String> headers = new HashMap<>();
        headers.put("Authorization", scheme + " " + token);
        if (proof != null) {
            headers.put("DPoP", proof);
        }
        return MCP.post(LIST, headers);
    }

    private static JsonObject body(HttpResponse<String> response) {
        return McpHttp.json(response.body());
    }

    @Test
    void aBoundTokenWithAFreshProofIsAcceptedOnce() throws Exception {
        String token = boundToken();
        String proof = client.proof("POST", RESOURCE, token);
        HttpResponse<String> accepted = send("DPoP", token, proof);
        assertEquals(200, accepted.statusCode(), accepted.body());
        assertTrue(accepted.body().contains("list_tickets"), accepted.body());

        HttpResponse<String> replayed = send("DPoP", token, proof);
        assertEquals(401, replayed.statusCode(), replayed.body());
        assertEquals("invalid_dpop_proof", body(replayed).getString("error"));
        assertEquals("The DPoP proof was used already", body(replayed).getString("error_description"));
        List<String> challenges = replayed.headers().allValues("WWW-Authenticate");
        assertTrue(
                challenges.stream()
                        .anyMatch(c ->
                                c.startsWith("DPoP algs=\"ES256 ES384 PS256 RS256\", error=\"invalid_dpop_proof\"")),
                challenges.toString());
    }

    @Test
    void anIntrospectedBoundTokenAndA20260728RequestWorkTheSameWay() throws Exception {
        String opaque = AS.opaque(
                AS.claims(RESOURCE, "tickets:read").claim("cnf", client.cnf()).build());
        HttpResponse<String> accepted = send("DPoP", opaque, client.proof("POST", RESOURCE, opaque));
        assertEquals(200, accepted.statusCode(), accepted.body());
        HttpResponse<String> asBearer = send("Bearer", opaque, null);
        assertEquals(401, asBearer.statusCode(), asBearer.body());
        assertEquals(
                "The token is bound to a DPoP key: send it with the DPoP scheme and a proof",
                body(asBearer).getString("error_description"));

        String token = boundToken();
        String modern = "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/list\",\"params\":{\"_meta\":{"
                + "\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
                + "\"io.modelcontextprotocol/clientCapabilities\":{}}}}";
        HttpResponse<String> listed = MCP.post(
                modern,
                Map.of(
                        "Authorization",
                        "DPoP " + token,
                        "DPoP",
                        client.proof("POST", RESOURCE, token),
                        "MCP-Protocol-Version",
                        "2026-07-28",
                        "Mcp-Method",
                        "tools/list"));
        assertEquals(200, listed.statusCode(), listed.body());
        assertEquals("complete", body(listed).getJsonObject("result").getString("resultType"));
    }

    @Test
    void theBindingDecidesTheScheme() throws Exception {
        String bound = boundToken();
        HttpResponse<String> asBearer = send("Bearer", bound, null);
        assertEquals(401, asBearer.statusCode());
        assertEquals("invalid_token", body(asBearer).getString("error"));
        assertEquals(
                "The token is bound to a DPoP key: send it with the DPoP scheme and a proof",
                body(asBearer).getString("error_description"));

        String unbound = unboundToken();
        HttpResponse<String> unboundAsDpop = send("DPoP", unbound, client.proof("POST", RESOURCE, unbound));
        assertEquals(401, unboundAsDpop.statusCode());
        assertEquals(
                "The token is not bound to a DPoP key: send it with the Bearer scheme",
                body(unboundAsDpop).getString("error_description"));
        // an unbound token is still a bearer token
        assertEquals(200, send("Bearer", unbound, null).statusCode());
    }

    @Test
    void aMissingOrWrongProofIsRefusedWithItsReason() throws Exception {
        String token = boundToken();
        assertEquals(
                "Exactly one DPoP proof header is required",
                body(send("DPoP", token, null)).getString("error_description"));
        assertEquals(
                "The DPoP proof's htm does not match the request's method",
                body(send("DPoP", token, client.proof("GET", RESOURCE, token))).getString("error_description"));
        assertEquals(
                "The DPoP proof's htu does not match the request's URL",
                body(send("DPoP", token, client.proof("POST", RESOURCE + "/other", token)))
                        .getString("error_description"));
        assertEquals(
                "The DPoP proof is not signed with the key the access token is bound to",
                body(send("DPoP", token, DpopClient.withNewKey().proof("POST", RESOURCE, token)))
                        .getString("error_description"));
        assertEquals(
                "The DPoP proof's ath does not match the access token",
                body(send("DPoP", token, client.proof("POST", RESOURCE, "another.access.token")))
                        .getString("error_description"));
    }

    @Test
    void withoutATokenBothSchemesAreOfferedAndTheMetadataNamesTheAlgorithms() {
        HttpResponse<String> none = MCP.post(LIST, Map.of());
        assertEquals(401, none.statusCode());
        List<String> challenges = none.headers().allValues("WWW-Authenticate");
        assertTrue(challenges.stream().anyMatch(c -> c.startsWith("Bearer ")), challenges.toString());
        assertTrue(
                challenges.stream().anyMatch(c -> c.startsWith("DPoP algs=\"ES256 ES384 PS256 RS256\"")),
                challenges.toString());
        JsonObject metadata = McpHttp.json(MCP.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                                + MCP.endpoint().getPort()
                                + "/dpop-it/.well-known/oauth-protected-resource/dpop-it/mcp"))
                        .GET()
                        .build())
                .body());
        assertEquals(
                List.of("ES256", "ES384", "PS256", "RS256"),
                metadata
                        .getJsonArray("dpop_signing_alg_values_supported")
                        .getValuesAs(jakarta.json.JsonString.class)
                        .stream()
                        .map(jakarta.json.JsonString::getString)
                        .toList());
        assertTrue(!metadata.containsKey("dpop_bound_access_tokens_required"), metadata.toString());
    }

    @Test
    void aDpopCallerIsSteppedUpInTheDpopScheme() throws Exception {
        String token = boundToken();
        String call = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"draft_reply\","
                + "\"arguments\":{\"ticketId\":\"T-1\",\"text\":\"hi\"}}}";
        HttpResponse<String> refused =
                MCP.post(call, Map.of("Authorization", "DPoP " + token, "DPoP", client.proof("POST", RESOURCE, token)));
        assertEquals(403, refused.statusCode(), refused.body());
        String challenge = refused.headers().firstValue("WWW-Authenticate").orElse("");
        assertTrue(
                challenge.startsWith("DPoP algs=\"ES256 ES384 PS256 RS256\", error=\"insufficient_scope\""), challenge);
        assertTrue(challenge.contains("scope=\"tickets:read tickets:write\""), challenge);
    }

    @ArquillianResource
    private Deployer deployer;

    /** Deployed by the test that needs it: Arquillian's Liberty container deploys one managed archive per class. */
    @Deployment(name = "required", managed = false, testable = false)
    static WebArchive required() {
        return Deployments.war(
                "dpop-required-it",
                "mcp.auth.resource=" + REQUIRED.endpoint() + "\nmp.jwt.verify.issuer=" + AS.issuer() + "\n"
                        + "mp.jwt.verify.audiences=" + REQUIRED.endpoint() + "\nmcp.auth.dpop=required\n"
                        + "mcp.auth.dpop.nonce=true\n",
                TicketDeskTools.class);
    }

    private static final McpHttp REQUIRED = McpHttp.forContextRoot("dpop-required-it");

    @Test
    void whereDpopIsRequiredABearerTokenIsRefusedAndTheMetadataSaysSo() throws Exception {
        deployer.deploy("required");
        try {
            String unbound = AS.rs256(
                    AS.claims(REQUIRED.endpoint().toString(), "tickets:read").build());
            HttpResponse<String> bearer = REQUIRED.post(LIST, Map.of("Authorization", "Bearer " + unbound));
            assertEquals(401, bearer.statusCode(), bearer.body());
            assertEquals(
                    "This resource accepts only DPoP-bound tokens, with the DPoP scheme and a proof",
                    body(bearer).getString("error_description"));
            // only the DPoP scheme is offered
            List<String> challenges = bearer.headers().allValues("WWW-Authenticate");
            assertEquals(1, challenges.size(), challenges.toString());
            assertTrue(challenges.get(0).startsWith("DPoP algs="), challenges.toString());
            String token = AS.rs256(AS.claims(REQUIRED.endpoint().toString(), "tickets:read")
                    .claim("cnf", client.cnf())
                    .build());
            // nonces are on: the first proof is asked to carry one, and the retry with it is served
            HttpResponse<String> withoutNonce = REQUIRED.post(
                    LIST,
                    Map.of(
                            "Authorization",
                            "DPoP " + token,
                            "DPoP",
                            client.proof("POST", REQUIRED.endpoint().toString(), token, null)));
            assertEquals(401, withoutNonce.statusCode(), withoutNonce.body());
            assertEquals("use_dpop_nonce", body(withoutNonce).getString("error"));
            String nonce = withoutNonce.headers().firstValue("DPoP-Nonce").orElseThrow();
            assertTrue(
                    withoutNonce.headers().allValues("WWW-Authenticate").stream()
                            .anyMatch(c -> c.contains("error=\"use_dpop_nonce\"")),
                    withoutNonce.headers().toString());
            HttpResponse<String> dpop = REQUIRED.post(
                    LIST,
                    Map.of(
                            "Authorization",
                            "DPoP " + token,
                            "DPoP",
                            client.proof("POST", REQUIRED.endpoint().toString(), token, nonce)));
            assertEquals(200, dpop.statusCode(), dpop.body());
            JsonObject metadata = McpHttp.json(REQUIRED.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                                    + REQUIRED.endpoint().getPort()
                                    + "/dpop-required-it/.well-known/oauth-protected-resource/dpop-required-it/mcp"))
                            .GET()
                            .build())
                    .body());
            assertTrue(metadata.getBoolean("dpop_bound_access_tokens_required"), metadata.toString());
        } finally {
            deployer.undeploy("required");
        }
    }
}
