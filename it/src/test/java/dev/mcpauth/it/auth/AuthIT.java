package dev.mcpauth.it.auth;

import static dev.mcpauth.it.McpHttp.bearer;
import static dev.mcpauth.it.McpHttp.text;
import static dev.mcpauth.it.McpHttp.toolsCall;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeyLengthException;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import dev.mcpauth.it.Deployments;
import dev.mcpauth.it.McpHttp;
import dev.mcpauth.it.fixture.IdentityTools;
import dev.mcpauth.it.fixture.TicketDeskTools;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The WAR as an OAuth 2.1 resource server on a real Liberty, with tokens minted by a test authorization
 * server: every refusal's status, exact challenge and body, scope filtering and step-up, and the metadata.
 * The WAR sits below the root ({@code /auth-it}), so the challenge must point into the WAR.
 */
@ExtendWith(ArquillianExtension.class)
class AuthIT {

    private static final TestAuthorizationServer AS = TestAuthorizationServer.get();
    private static final McpHttp MCP = McpHttp.forContextRoot("auth-it");
    private static final String RESOURCE = MCP.endpoint().toString();
    private static final String METADATA_URL = "http://localhost:"
            + MCP.endpoint().getPort() + "/auth-it/.well-known/oauth-protected-resource/auth-it/mcp";
    private static final String PING = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war(
                "auth-it",
                "mcp.auth.resource=" + RESOURCE + "\n"
                        + "mp.jwt.verify.issuer=" + AS.issuer() + "\n"
                        + "mcp.server.title=Ticket desk\n"
                        + "mcp.auth.resource-documentation=https://docs.example.com/ticket-desk\n",
                TicketDeskTools.class,
                IdentityTools.class);
    }

    @Test
    void withoutATokenTheChallengePointsToTheMetadataAndTheBasicScopes() {
        HttpResponse<String> response = MCP.post(PING);
        assertEquals(401, response.statusCode());
        assertEquals("Bearer scope=\"tickets:read\", resource_metadata=\"" + METADATA_URL + "\"", challenge(response));
        assertEquals("unauthorized", McpHttp.json(response.body()).getString("error"));
    }

    @Test
    void anotherSchemeIsTreatedAsNoToken() {
        HttpResponse<String> response = MCP.post(PING, Map.of("Authorization", "Basic YWxpY2U6YWxpY2U="));
        assertEquals(401, response.statusCode());
        assertEquals("Bearer scope=\"tickets:read\", resource_metadata=\"" + METADATA_URL + "\"", challenge(response));
    }

    @Test
    void malformedBearerHeadersAreBadRequests() {
        assertBadRequest(MCP.post(PING, Map.of("Authorization", "Bearer ")), "The Bearer credentials are empty");
        assertBadRequest(
                MCP.post(PING, Map.of("Authorization", "Bearer a b")),
                "The bearer token contains characters RFC 6750 does not allow");
    }

    @Test
    void aTokenInTheQueryStringIsNeverAccepted() {
        String token = AS.rs256(AS.claims(RESOURCE, "tickets:read").build());
        HttpResponse<String> response = MCP.send(HttpRequest.newBuilder(URI.create(RESOURCE + "?access_token=" + token))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(PING))
                .build());
        assertBadRequest(response, "Access tokens in the query string are not accepted");
        assertFalse(response.body().contains(token));
        // the parameter name percent-encoded ("%61" is "a") is the same parameter
        HttpResponse<String> encoded =
                MCP.send(HttpRequest.newBuilder(URI.create(RESOURCE + "?x=1&%61ccess_token=" + token))
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json, text/event-stream")
                        .POST(HttpRequest.BodyPublishers.ofString(PING))
                        .build());
        assertBadRequest(encoded, "Access tokens in the query string are not accepted");
    }

    @Test
    void everyKindOfBadTokenIsRefusedWithItsReason() throws Exception {
        Instant now = Instant.now();
        JWTClaimsSet valid = AS.claims(RESOURCE, "tickets:read").build();
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("stranger").generate();
        RSAKey impostor =
                new RSAKeyGenerator(2048).keyID(AS.rsaKey().getKeyID()).generate();

        assertInvalidToken("garbage", "The token is not a well-formed JWT");
        assertInvalidToken(new PlainJWT(valid).serialize(), "The token is not signed");
        assertInvalidToken(
                TestAuthorizationServer.sign(valid, new JWSHeader(JWSAlgorithm.HS256), hmacWithPublicKey()),
                "The token's signing algorithm is not accepted");
        assertInvalidToken(
                TestAuthorizationServer.sign(
                        valid,
                        new JWSHeader.Builder(JWSAlgorithm.RS256)
                                .keyID("stranger")
                                .build(),
                        TestAuthorizationServer.rsaSigner(stranger)),
                "No key of the issuer matches the token");
        assertInvalidToken(
                TestAuthorizationServer.sign(
                        valid,
                        new JWSHeader.Builder(JWSAlgorithm.RS256)
                                .keyID(impostor.getKeyID())
                                .build(),
                        TestAuthorizationServer.rsaSigner(impostor)),
                "The token's signature is invalid");
        assertInvalidToken(
                AS.rs256(AS.claims(RESOURCE, "tickets:read")
                        .issuer("http://localhost:1/realms/other")
                        .build()),
                "The token was issued by another issuer");
        assertInvalidToken(
                AS.rs256(AS.claims(RESOURCE, "tickets:read").audience(List.of()).build()),
                "The token has no audience (aud)");
        assertInvalidToken(
                AS.rs256(AS.claims("https://other.example.com/mcp", "tickets:read")
                        .build()),
                "The token is meant for another resource (aud)");
        assertInvalidToken(
                AS.rs256(AS.claims(RESOURCE, "tickets:read")
                        .expirationTime(Date.from(now.minusSeconds(120)))
                        .build()),
                "The token has expired");
        assertInvalidToken(
                AS.rs256(AS.claims(RESOURCE, "tickets:read")
                        .notBeforeTime(Date.from(now.plusSeconds(600)))
                        .build()),
                "The token is not valid yet (nbf)");
        assertInvalidToken(
                AS.rs256(
                        AS.claims(RESOURCE, "tickets:read").expirationTime(null).build()),
                "The token has no expiry (exp)");
        assertInvalidToken(
                TestAuthorizationServer.sign(
                        valid,
                        new JWSHeader.Builder(JWSAlgorithm.RS256)
                                .keyID(AS.rsaKey().getKeyID())
                                .type(new JOSEObjectType("id+jwt"))
                                .build(),
                        TestAuthorizationServer.rsaSigner(AS.rsaKey())),
                "The token type is not accepted");
    }

    @Test
    void aTokenExpiredWithinTheClockSkewStillPasses() {
        String token = AS.rs256(AS.claims(RESOURCE, "")
                .expirationTime(Date.from(Instant.now().minusSeconds(20)))
                .build());
        assertEquals(200, MCP.post(PING, bearer(token)).statusCode());
    }

    @Test
    void rs256AndEs256TokensAreAcceptedAndTheCallerIsKnownToTheTools() {
        JWTClaimsSet claims = AS.claims(RESOURCE, "tickets:read profile").build();
        for (String token : List.of(AS.rs256(claims), AS.es256(claims))) {
            assertEquals("user-42|test-client|profile tickets:read", text(MCP.callTool(token, "whoami", "{}")));
            assertEquals("alice|[" + RESOURCE + "]", text(MCP.callTool(token, "token_name", "{}")));
        }
    }

    @Test
    void toolsListShowsOnlyWhatTheScopesAllow() {
        assertEquals(
                List.of("token_name", "whoami"),
                MCP.toolNames(AS.rs256(AS.claims(RESOURCE, "").build())));
        assertEquals(
                List.of("list_tickets", "token_name", "whoami"),
                MCP.toolNames(AS.rs256(AS.claims(RESOURCE, "tickets:read").build())));
        assertEquals(
                List.of("draft_reply", "list_tickets", "token_name", "whoami"),
                MCP.toolNames(AS.rs256(
                        AS.claims(RESOURCE, "tickets:read tickets:write").build())));
    }

    @Test
    void aMissingScopeIsA403NamingEveryScopeTheCallNeeds() {
        String readOnly = AS.rs256(AS.claims(RESOURCE, "tickets:read").build());
        HttpResponse<String> response =
                MCP.post(toolsCall("draft_reply", "{\"ticketId\":\"T-1\",\"text\":\"hi\"}"), bearer(readOnly));
        assertEquals(403, response.statusCode());
        assertEquals(
                "Bearer error=\"insufficient_scope\", error_description=\"The call needs scope(s): tickets:write\","
                        + " scope=\"tickets:read tickets:write\", resource_metadata=\"" + METADATA_URL + "\"",
                challenge(response));
        assertEquals("insufficient_scope", McpHttp.json(response.body()).getString("error"));

        // no scope at all: the challenge still lists both, and arguments are not even looked at
        HttpResponse<String> none = MCP.post(
                toolsCall("draft_reply", "{\"wrong\":1}"),
                bearer(AS.rs256(AS.claims(RESOURCE, "").build())));
        assertEquals(403, none.statusCode());
        assertTrue(challenge(none).contains("scope=\"tickets:read tickets:write\""), challenge(none));
    }

    @Test
    void withTheScopesTheCallSucceeds() {
        String readWrite =
                AS.rs256(AS.claims(RESOURCE, "tickets:read tickets:write").build());
        assertEquals(
                "draft for T-1: hi",
                text(MCP.callTool(readWrite, "draft_reply", "{\"ticketId\":\"T-1\",\"text\":\"hi\"}")));
    }

    @Test
    void theMetadataIsServedAtBothLocationsAndTheChallengeUrlResolvesToIt() {
        HttpResponse<String> challenged = MCP.post(PING);
        String url = challenge(challenged).replaceAll(".*resource_metadata=\"([^\"]+)\".*", "$1");
        for (String location : List.of(
                url,
                "http://localhost:" + MCP.endpoint().getPort() + "/auth-it/.well-known/oauth-protected-resource")) {
            HttpResponse<String> response =
                    MCP.send(HttpRequest.newBuilder(URI.create(location)).GET().build());
            assertEquals(200, response.statusCode(), location);
            assertEquals(
                    "application/json",
                    response.headers().firstValue("Content-Type").orElse(""));
            assertTrue(response.headers().firstValue("Cache-Control").orElse("").contains("max-age=3600"));
            assertEquals(
                    "*",
                    response.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
            JsonObject metadata = McpHttp.json(response.body());
            assertEquals(RESOURCE, metadata.getString("resource"));
            assertEquals(
                    "[\"" + AS.issuer() + "\"]",
                    metadata.getJsonArray("authorization_servers").toString());
            assertEquals(
                    "[\"tickets:read\",\"tickets:write\"]",
                    metadata.getJsonArray("scopes_supported").toString());
            assertEquals(
                    "[\"header\"]",
                    metadata.getJsonArray("bearer_methods_supported").toString());
            assertEquals("Ticket desk", metadata.getString("resource_name"));
            assertEquals("https://docs.example.com/ticket-desk", metadata.getString("resource_documentation"));
            // and, DPoP being accepted by default, the proof algorithms
            assertEquals(
                    List.of("ES256", "ES384", "PS256", "RS256"),
                    metadata
                            .getJsonArray("dpop_signing_alg_values_supported")
                            .getValuesAs(jakarta.json.JsonString.class)
                            .stream()
                            .map(jakarta.json.JsonString::getString)
                            .toList());
            assertEquals(7, metadata.size(), metadata.toString());
        }
        HttpResponse<String> elsewhere = MCP.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                        + MCP.endpoint().getPort() + "/auth-it/.well-known/oauth-protected-resource/other"))
                .GET()
                .build());
        assertEquals(404, elsewhere.statusCode());
    }

    @Test
    void refusalsAreAuditedWithoutTheToken() throws Exception {
        String readOnly = AS.rs256(
                AS.claims(RESOURCE, "tickets:read").claim("azp", "audit-client").build());
        assertEquals(
                403,
                MCP.post(toolsCall("draft_reply", "{\"ticketId\":\"T-9\",\"text\":\"x\"}"), bearer(readOnly))
                        .statusCode());
        String expired = AS.rs256(AS.claims(RESOURCE, "")
                .expirationTime(Date.from(Instant.now().minusSeconds(3600)))
                .build());
        assertEquals(401, MCP.post(PING, bearer(expired)).statusCode());

        Path log = Path.of(System.getProperty("it.server.dir"), "logs", "messages.log");
        Instant deadline = Instant.now().plusSeconds(10);
        String text = Files.readString(log);
        while (!text.contains("\"client_id\":\"audit-client\"") && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            text = Files.readString(log);
        }
        String denial = text.lines()
                .filter(line -> line.contains("MCPAUTH-AUDIT") && line.contains("\"client_id\":\"audit-client\""))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no audit line for the 403"));
        for (String field : List.of(
                "\"decision\":\"deny\"",
                "\"status\":403",
                "\"reason\":\"insufficient_scope\"",
                "\"subject\":\"user-42\"",
                "\"method\":\"tools/call\"",
                "\"tool\":\"draft_reply\"",
                "\"missing_scopes\":\"tickets:write\"",
                "\"time\":\"")) {
            assertTrue(denial.contains(field), field + " missing in " + denial);
        }
        assertTrue(text.lines()
                .anyMatch(line -> line.contains("MCPAUTH-AUDIT")
                        && line.contains("\"reason\":\"invalid_token\"")
                        && line.contains("The token has expired")));
        assertFalse(text.contains(readOnly) || text.contains(expired), "the log must never contain a token");
    }

    @Test
    void decisionsAreCountedWhenTheServerOffersMicroProfileMetrics() {
        String token = AS.rs256(AS.claims(RESOURCE, "tickets:read").build());
        assertEquals(200, MCP.post(PING, bearer(token)).statusCode());
        assertEquals(401, MCP.post(PING, bearer("garbage")).statusCode());
        HttpResponse<String> metrics = MCP.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + MCP.endpoint().getPort() + "/metrics?scope=application"))
                .GET()
                .build());
        assertEquals(200, metrics.statusCode());
        List<String> lines = metrics.body()
                .lines()
                .filter(line -> line.startsWith("mcp_auth_decisions_total{"))
                .toList();
        assertTrue(
                lines.stream()
                        .anyMatch(line -> line.contains("decision=\"allow\"")
                                && line.contains("reason=\"ok\"")
                                && !line.endsWith(" 0.0")),
                metrics.body());
        assertTrue(
                lines.stream()
                        .anyMatch(line -> line.contains("decision=\"deny\"")
                                && line.contains("reason=\"invalid_token\"")
                                && !line.endsWith(" 0.0")),
                metrics.body());
    }

    @Test
    void forwardedHeadersNeverChangeTheAdvertisedUrls() {
        Map<String, String> proxyHeaders = Map.of(
                "Forwarded",
                "host=evil.example.com;proto=https",
                "X-Forwarded-Host",
                "evil.example.com",
                "X-Forwarded-Proto",
                "https",
                "X-Forwarded-Port",
                "443");
        HttpResponse<String> challenged = MCP.post(PING, proxyHeaders);
        assertEquals(
                "Bearer scope=\"tickets:read\", resource_metadata=\"" + METADATA_URL + "\"", challenge(challenged));
        HttpRequest.Builder metadata =
                HttpRequest.newBuilder(URI.create(METADATA_URL)).GET();
        proxyHeaders.forEach(metadata::header);
        assertEquals(RESOURCE, McpHttp.json(MCP.send(metadata.build()).body()).getString("resource"));
    }

    @Test
    void browserClientsCanReadTheChallenge() {
        HttpResponse<String> response = MCP.post(PING, Map.of("Origin", "http://localhost:6274"));
        assertEquals(401, response.statusCode());
        assertEquals(
                "http://localhost:6274",
                response.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        assertTrue(response.headers()
                .firstValue("Access-Control-Expose-Headers")
                .orElse("")
                .contains("WWW-Authenticate"));
    }

    private static void assertInvalidToken(String token, String description) {
        HttpResponse<String> response = MCP.post(PING, bearer(token));
        assertEquals(401, response.statusCode(), description);
        assertEquals(
                "Bearer error=\"invalid_token\", error_description=\"" + description.replace("\"", "'")
                        + "\", scope=\"tickets:read\", resource_metadata=\"" + METADATA_URL + "\"",
                challenge(response));
        JsonObject body = McpHttp.json(response.body());
        assertEquals("invalid_token", body.getString("error"));
        assertEquals(description, body.getString("error_description"));
        assertFalse(response.body().contains(token), "the body must not echo the token");
        assertFalse(response.body().contains("Exception") || response.body().contains("\tat "), response.body());
    }

    private static void assertBadRequest(HttpResponse<String> response, String description) {
        assertEquals(400, response.statusCode());
        assertEquals(
                "Bearer error=\"invalid_request\", error_description=\"" + description
                        + "\", scope=\"tickets:read\", resource_metadata=\"" + METADATA_URL + "\"",
                challenge(response));
        assertEquals("invalid_request", McpHttp.json(response.body()).getString("error"));
    }

    private static MACSigner hmacWithPublicKey() throws KeyLengthException, com.nimbusds.jose.JOSEException {
        // the classic confusion attack: the public key's bytes used as an HMAC secret
        return new MACSigner(AS.rsaKey().toPublicJWK().toRSAPublicKey().getEncoded());
    }

    private static String challenge(HttpResponse<String> response) {
        return response.headers().firstValue("WWW-Authenticate").orElse("(none)");
    }
}
