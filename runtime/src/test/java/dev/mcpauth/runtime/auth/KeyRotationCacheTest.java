package dev.mcpauth.runtime.auth;

import static dev.mcpauth.runtime.auth.AuthFixtures.ISSUER;
import static dev.mcpauth.runtime.auth.AuthFixtures.RESOURCE;
import static dev.mcpauth.runtime.auth.AuthFixtures.minimal;
import static dev.mcpauth.runtime.auth.AuthFixtures.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.mcpauth.spi.TokenVerifier.TokenRejectedException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Verified tokens and key rotation: no verdict outlives the key it was reached with, and no refresh drops more than it must. */
class KeyRotationCacheTest {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    private static RSAKey first;
    private static RSAKey second;

    @BeforeAll
    static void keys() throws Exception {
        first = new RSAKeyGenerator(2048).keyID("k1").generate();
        second = new RSAKeyGenerator(2048).keyID("k2").generate();
    }

    private static String token(RSAKey key) throws Exception {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                new JWTClaimsSet.Builder()
                        .issuer(ISSUER)
                        .audience(RESOURCE)
                        .subject("alice")
                        .expirationTime(Date.from(NOW.plusSeconds(300)))
                        .build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    @Test
    void aVerdictReachedWhileTheKeySetChangedIsNotCached() throws Exception {
        VerifiedTokenCache cache = new VerifiedTokenCache(100, 60);
        AtomicInteger lookups = new AtomicInteger();
        // the key is handed out, and meanwhile a concurrent refresh finds it removed
        JWKSource<SecurityContext> racing = (selector, context) -> {
            lookups.incrementAndGet();
            List<JWK> found = selector.select(new JWKSet(first.toPublicJWK()));
            cache.keySetChanged();
            return found;
        };
        JwtTokenVerifier verifier =
                new JwtTokenVerifier(settings(minimal(Map.of())), racing, Clock.fixed(NOW, ZoneOffset.UTC), cache);
        String token = token(first);
        assertEquals("alice", verifier.verify(token).subject());
        assertEquals(0, cache.size(), "a verdict reached with a key that may be gone is not remembered");
        verifier.verify(token);
        assertEquals(2, lookups.get(), "the next request checks the token again");
    }

    @Test
    void aVerdictReachedWithAStableKeySetIsCached() throws Exception {
        VerifiedTokenCache cache = new VerifiedTokenCache(100, 60);
        AtomicInteger lookups = new AtomicInteger();
        JWKSource<SecurityContext> stable = (selector, context) -> {
            lookups.incrementAndGet();
            return selector.select(new JWKSet(first.toPublicJWK()));
        };
        JwtTokenVerifier verifier =
                new JwtTokenVerifier(settings(minimal(Map.of())), stable, Clock.fixed(NOW, ZoneOffset.UTC), cache);
        String token = token(first);
        verifier.verify(token);
        verifier.verify(token);
        assertEquals(1, lookups.get());
    }

    @Test
    void onlyARefreshThatLosesAKeyInvalidatesTheCache() {
        AtomicInteger invalidations = new AtomicInteger();
        DiscoveringJwkSource source =
                new DiscoveringJwkSource(settings(minimal(Map.of())).token(), invalidations::incrementAndGet);
        JWKSet both = new JWKSet(List.of(first.toPublicJWK(), second.toPublicJWK()));
        assertFalse(source.keySetFetched(new JWKSet(first.toPublicJWK())), "the first fetch");
        assertFalse(source.keySetFetched(new JWKSet(first.toPublicJWK())), "the same set again");
        assertFalse(source.keySetFetched(both), "a key added");
        assertEquals(0, invalidations.get());
        assertTrue(source.keySetFetched(new JWKSet(second.toPublicJWK())), "k1 removed");
        assertEquals(1, invalidations.get());
    }

    @Test
    void newMaterialUnderAKnownKidCountsAsARemoval() throws Exception {
        AtomicInteger invalidations = new AtomicInteger();
        DiscoveringJwkSource source =
                new DiscoveringJwkSource(settings(minimal(Map.of())).token(), invalidations::incrementAndGet);
        source.keySetFetched(new JWKSet(first.toPublicJWK()));
        RSAKey replaced = new RSAKeyGenerator(2048).keyID("k1").generate();
        assertTrue(source.keySetFetched(new JWKSet(replaced.toPublicJWK())));
        assertEquals(1, invalidations.get());
    }

    @Test
    void aForcedRefreshThatFindsTheSameKeysKeepsTheCache() throws Exception {
        HttpServer jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        AtomicInteger fetches = new AtomicInteger();
        byte[] body = new JWKSet(first.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        jwks.createContext("/certs", exchange -> {
            fetches.incrementAndGet();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        jwks.start();
        try {
            AuthSettings settings = settings(minimal(Map.of(
                    "mp.jwt.verify.publickey.location",
                    "http://127.0.0.1:" + jwks.getAddress().getPort() + "/certs")));
            VerifiedTokenCache cache = new VerifiedTokenCache(100, 60);
            Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
            JwtTokenVerifier verifier = new JwtTokenVerifier(
                    settings, new DiscoveringJwkSource(settings.token(), cache::keySetChanged), clock, cache);
            verifier.verify(token(first));
            assertEquals(1, cache.size());
            RSAKey unknown = new RSAKeyGenerator(2048).keyID("k9").generate();
            assertThrows(TokenRejectedException.class, () -> verifier.verify(token(unknown)));
            assertEquals(2, fetches.get(), "the unknown kid forced a refresh");
            assertEquals(1, cache.size(), "the same keys came back, so the verdicts stand");
        } finally {
            jwks.stop(0);
        }
    }
}
