package dev.mcpauth.runtime.downstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import dev.mcpauth.DownstreamAccessException;
import dev.mcpauth.DownstreamAccessException.Reason;
import dev.mcpauth.McpCaller;
import dev.mcpauth.runtime.auth.AuditLog;
import dev.mcpauth.runtime.auth.DecisionMetrics;
import dev.mcpauth.runtime.auth.HttpsRule;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Token exchange (RFC 8693) for calls on behalf of the caller, against a token endpoint on loopback. */
class DownstreamTokensTest {

    private final TokenEndpointStub endpoint = new TokenEndpointStub();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T10:00:00Z"));
    private final McpCaller alice =
            new McpCaller("alice-id", "mcp-client", Set.of("tickets:read"), Map.of(), endpoint.issuer());

    @AfterEach
    void stop() {
        endpoint.close();
    }

    private DownstreamTokens tokens(ClientCredentials client, Optional<URI> tokenEndpoint, List<String> scopes) {
        DownstreamApi api = new DownstreamApi("ticket-api", "ticket-api", scopes, tokenEndpoint);
        DownstreamSettings settings =
                new DownstreamSettings(Map.of("ticket-api", api), client, 100, Duration.ofSeconds(5));
        return new DownstreamTokens(settings, new HttpsRule(false), new AuditLog(DecisionMetrics.NONE), clock);
    }

    private DownstreamTokens tokens() {
        return tokens(secretBasic(), Optional.empty(), List.of("tickets:read"));
    }

    private static ClientCredentials secretBasic() {
        return new ClientCredentials("mcp-server", ClientCredentials.Method.CLIENT_SECRET_BASIC, "s3cr:et", null);
    }

    @Test
    void exchangesTheCallersTokenForTheApisAudienceAuthenticatedAsItsOwnClient() {
        endpoint.issues("api-token-1", 300);
        String token = tokens().tokenFor("ticket-api", alice, "alice-mcp-token");

        assertEquals("api-token-1", token);
        TokenEndpointStub.Seen seen = endpoint.requests.get(0);
        assertEquals(
                "urn:ietf:params:oauth:grant-type:token-exchange", seen.form().get("grant_type"));
        assertEquals("alice-mcp-token", seen.form().get("subject_token"));
        assertEquals(
                "urn:ietf:params:oauth:token-type:access_token", seen.form().get("subject_token_type"));
        assertEquals(
                "urn:ietf:params:oauth:token-type:access_token", seen.form().get("requested_token_type"));
        assertEquals("ticket-api", seen.form().get("audience"));
        assertEquals("tickets:read", seen.form().get("scope"));
        // RFC 6749 §2.3.1: the secret is form-encoded before Basic, so its colon survives
        assertEquals(
                "Basic " + Base64.getEncoder().encodeToString("mcp-server:s3cr%3Aet".getBytes(StandardCharsets.UTF_8)),
                seen.authorization());
        assertNull(seen.form().get("client_secret"));
    }

    @Test
    void reusesTheTokenUntilShortlyBeforeItExpiresAndPerCallerToken() {
        DownstreamTokens tokens = tokens();
        endpoint.issues("first", 300);
        for (int i = 0; i < 5; i++) {
            assertEquals("first", tokens.tokenFor("ticket-api", alice, "alice-mcp-token"));
        }
        assertEquals(1, endpoint.requests.size());

        // another token of the caller (refreshed, other scopes) gets its own exchange
        endpoint.issues("second", 300);
        assertEquals("second", tokens.tokenFor("ticket-api", alice, "alice-refreshed-token"));
        assertEquals(2, endpoint.requests.size());

        // 30 s before expiry the first one is no longer sent
        clock.advance(Duration.ofSeconds(269));
        assertEquals("first", tokens.tokenFor("ticket-api", alice, "alice-mcp-token"));
        clock.advance(Duration.ofSeconds(2));
        endpoint.issues("third", 300);
        assertEquals("third", tokens.tokenFor("ticket-api", alice, "alice-mcp-token"));
        assertEquals(3, endpoint.requests.size());
    }

    @Test
    void aRefusalTellsTheUserTheyMayNotUseTheApiAndIsNotCached() {
        DownstreamTokens tokens = tokens();
        endpoint.refuses(400, "access_denied");
        DownstreamAccessException refused = assertThrows(
                DownstreamAccessException.class, () -> tokens.tokenFor("ticket-api", alice, "alice-mcp-token"));
        assertEquals(Reason.REFUSED, refused.reason());
        assertEquals(
                "The authorization server refused to issue a token for ticket-api on your behalf: you may not use"
                        + " it, or your sign-in has ended (then sign in again).",
                refused.getMessage());

        endpoint.issues("now-allowed", 300);
        assertEquals("now-allowed", tokens.tokenFor("ticket-api", alice, "alice-mcp-token"));
    }

    @Test
    void anOutageSaysTryLaterAndTheNextCallSucceedsOnceTheServerIsBack() {
        DownstreamTokens tokens = tokens();
        endpoint.refuses(503, "temporarily_unavailable");
        DownstreamAccessException down = assertThrows(
                DownstreamAccessException.class, () -> tokens.tokenFor("ticket-api", alice, "alice-mcp-token"));
        assertEquals(Reason.UNAVAILABLE, down.reason());
        assertEquals(
                "Cannot reach ticket-api on your behalf right now: the authorization server did not issue a token."
                        + " Try again later.",
                down.getMessage());

        endpoint.issues("back", 300);
        assertEquals("back", tokens.tokenFor("ticket-api", alice, "alice-mcp-token"));
    }

    @Test
    void anUnreachableEndpointIsUnavailable() {
        DownstreamTokens tokens = tokens(secretBasic(), Optional.of(URI.create("http://127.0.0.1:1/token")), List.of());
        DownstreamAccessException down = assertThrows(
                DownstreamAccessException.class, () -> tokens.tokenFor("ticket-api", alice, "alice-mcp-token"));
        assertEquals(Reason.UNAVAILABLE, down.reason());
    }

    @Test
    void ourOwnCredentialsRefusedIsTheOperatorsProblem() {
        endpoint.refuses(401, "invalid_client");
        DownstreamAccessException refused = assertThrows(
                DownstreamAccessException.class, () -> tokens().tokenFor("ticket-api", alice, "alice-mcp-token"));
        assertEquals(Reason.MISCONFIGURED, refused.reason());
        assertTrue(refused.getMessage().contains("The operator must fix this"), refused.getMessage());
    }

    @Test
    void aTokenThatIsNotABearerTokenIsNotUsed() {
        endpoint.status = 200;
        endpoint.body = "{\"access_token\":\"bound\",\"token_type\":\"DPoP\",\"expires_in\":300}";
        DownstreamAccessException refused = assertThrows(
                DownstreamAccessException.class, () -> tokens().tokenFor("ticket-api", alice, "alice-mcp-token"));
        assertEquals(Reason.UNAVAILABLE, refused.reason());
    }

    @Test
    void noCallerNoExchange() {
        DownstreamAccessException refused =
                assertThrows(DownstreamAccessException.class, () -> tokens().tokenFor("ticket-api", null, null));
        assertEquals(Reason.REFUSED, refused.reason());
        assertEquals(0, endpoint.requests.size());
    }

    @Test
    void aConfiguredEndpointInCleartextToAnotherHostIsNeverSentTheTokens() {
        DownstreamTokens tokens =
                tokens(secretBasic(), Optional.of(URI.create("http://auth.example.com/token")), List.of());
        DownstreamAccessException refused = assertThrows(
                DownstreamAccessException.class, () -> tokens.tokenFor("ticket-api", alice, "alice-mcp-token"));
        assertEquals(Reason.MISCONFIGURED, refused.reason());
    }

    @Test
    void clientSecretPostPutsTheCredentialsInTheForm() {
        endpoint.issues("t", 300);
        tokens(
                        new ClientCredentials("mcp-server", ClientCredentials.Method.CLIENT_SECRET_POST, "s", null),
                        Optional.of(endpoint.endpoint()),
                        List.of())
                .tokenFor("ticket-api", alice, "alice-mcp-token");
        TokenEndpointStub.Seen seen = endpoint.requests.get(0);
        assertEquals("mcp-server", seen.form().get("client_id"));
        assertEquals("s", seen.form().get("client_secret"));
        assertNull(seen.authorization());
        assertNull(seen.form().get("scope"));
    }

    @Test
    void privateKeyJwtSendsAFreshAssertionForTheEndpoint() throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).keyID("mcp-key-1").generate();
        endpoint.issues("t", 300);
        tokens(
                        new ClientCredentials("mcp-server", ClientCredentials.Method.PRIVATE_KEY_JWT, null, key),
                        Optional.empty(),
                        List.of())
                .tokenFor("ticket-api", alice, "alice-mcp-token");
        TokenEndpointStub.Seen seen = endpoint.requests.get(0);
        assertEquals(
                "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                seen.form().get("client_assertion_type"));
        SignedJWT assertion = SignedJWT.parse(seen.form().get("client_assertion"));
        assertTrue(assertion.verify(new ECDSAVerifier(key.toPublicJWK())));
        assertEquals("mcp-key-1", assertion.getHeader().getKeyID());
        assertEquals("mcp-server", assertion.getJWTClaimsSet().getIssuer());
        assertEquals("mcp-server", assertion.getJWTClaimsSet().getSubject());
        assertEquals(
                List.of(endpoint.endpoint().toString()),
                assertion.getJWTClaimsSet().getAudience());
        assertNull(seen.authorization());
    }

    @Test
    void concurrentCallsOfOneCallerShareOneExchange() throws Exception {
        DownstreamTokens tokens = tokens();
        endpoint.issues("shared", 300);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<CompletableFuture<String>> calls = java.util.stream.IntStream.range(0, 8)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> tokens.tokenFor("ticket-api", alice, "same")))
                .toList();
        for (CompletableFuture<String> call : calls) {
            assertEquals("shared", call.get());
        }
        assertNull(failure.get());
        assertTrue(endpoint.requests.size() <= 2, "exchanges: " + endpoint.requests.size());
        assertEquals(1, tokens.cached());
    }

    /** A clock the test moves. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
