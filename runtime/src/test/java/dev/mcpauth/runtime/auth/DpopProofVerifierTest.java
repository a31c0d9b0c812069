package dev.mcpauth.runtime.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Every rule of RFC 9449 §4.3 that a resource server applies to a DPoP proof, each refused with its reason. */
class DpopProofVerifierTest {

    static final URI TARGET = URI.create("https://mcp.example.com/mcp");
    static final String TOKEN = "eyJ.access.token";
    static final Instant NOW = Instant.parse("2026-12-03T08:00:00Z");

    private final Set<String> seen = new HashSet<>();
    private final DpopProofVerifier verifier = new DpopProofVerifier(
            Set.of(JWSAlgorithm.ES256, JWSAlgorithm.RS256),
            Duration.ofSeconds(60),
            (key, remember) -> seen.add(key),
            Clock.fixed(NOW, ZoneOffset.UTC));
    private final ECKey key = generate();
    private final ECKey otherKey = generate();

    private static ECKey generate() {
        try {
            return new ECKeyGenerator(Curve.P_256).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder()
                .claim("htm", "POST")
                .claim("htu", TARGET.toString())
                .issueTime(Date.from(NOW))
                .jwtID(UUID.randomUUID().toString())
                .claim("ath", DpopProofVerifier.hash(TOKEN));
    }

    private String proof(UnaryOperator<JWSHeader.Builder> header, UnaryOperator<JWTClaimsSet.Builder> claims) {
        try {
            SignedJWT jwt = new SignedJWT(
                    header.apply(new JWSHeader.Builder(JWSAlgorithm.ES256)
                                    .type(new JOSEObjectType("dpop+jwt"))
                                    .jwk(key.toPublicJWK()))
                            .build(),
                    claims.apply(claims()).build());
            jwt.sign(new ECDSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String bound() throws Exception {
        return DpopProofVerifier.thumbprint(key.toPublicJWK());
    }

    private String refusal(String proof) {
        return assertThrows(
                        DpopProofVerifier.InvalidProofException.class,
                        () -> verifier.verify(proof, "POST", TARGET, TOKEN, bound()))
                .getMessage();
    }

    @Test
    void aGoodProofPassesOnce() throws Exception {
        String proof = proof(h -> h, c -> c);
        verifier.verify(proof, "POST", TARGET, TOKEN, bound());
        assertEquals("The DPoP proof was used already", refusal(proof));
    }

    @Test
    void theTargetIsComparedWithoutQueryAndFragmentAndWithDefaultPorts() throws Exception {
        verifier.verify(
                proof(h -> h, c -> c.claim("htu", "HTTPS://MCP.example.com:443/mcp?x=1#f")),
                "post",
                TARGET,
                TOKEN,
                bound());
        assertEquals(
                "The DPoP proof's htu does not match the request's URL",
                refusal(proof(h -> h, c -> c.claim("htu", "https://mcp.example.com/other"))));
        assertEquals(
                "The DPoP proof's htu does not match the request's URL",
                refusal(proof(h -> h, c -> c.claim("htu", "http://mcp.example.com/mcp"))));
    }

    @Test
    void everyRuleHasItsReason() {
        assertEquals("The DPoP proof is not a signed JWT", refusal("not-a-jwt"));
        assertEquals("The DPoP proof must be typed dpop+jwt", refusal(proof(h -> h.type(JOSEObjectType.JWT), c -> c)));
        assertEquals(
                "The DPoP proof must carry its public key in the jwk header", refusal(proof(h -> h.jwk(null), c -> c)));
        assertEquals(
                "The DPoP proof's htm does not match the request's method",
                refusal(proof(h -> h, c -> c.claim("htm", "GET"))));
        assertEquals(
                "The DPoP proof's iat is missing or outside the accepted window",
                refusal(proof(h -> h, c -> c.issueTime(Date.from(NOW.minusSeconds(61))))));
        assertEquals(
                "The DPoP proof's iat is missing or outside the accepted window",
                refusal(proof(h -> h, c -> c.issueTime(Date.from(NOW.plusSeconds(61))))));
        assertEquals(
                "The DPoP proof's ath does not match the access token",
                refusal(proof(h -> h, c -> c.claim("ath", DpopProofVerifier.hash("another token")))));
        assertEquals(
                "The DPoP proof's ath does not match the access token",
                refusal(proof(h -> h, c -> c.claim("ath", null))));
        assertEquals("The DPoP proof's jti is missing", refusal(proof(h -> h, c -> c.jwtID(null))));
    }

    @Test
    void aProofSignedByAnotherKeyThanItsJwkOrTheBoundKeyIsRefused() throws Exception {
        // the header names key, the signature is otherKey's
        SignedJWT forged = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.ES256)
                        .type(new JOSEObjectType("dpop+jwt"))
                        .jwk(key.toPublicJWK())
                        .build(),
                claims().build());
        forged.sign(new ECDSASigner(otherKey));
        assertEquals("The DPoP proof's signature does not verify", refusal(forged.serialize()));
        // a valid proof of otherKey for a token bound to key
        String foreign = proof(h -> h.jwk(otherKey.toPublicJWK()), c -> c);
        SignedJWT resigned = SignedJWT.parse(foreign);
        SignedJWT proper = new SignedJWT(resigned.getHeader(), resigned.getJWTClaimsSet());
        proper.sign(new ECDSASigner(otherKey));
        assertEquals(
                "The DPoP proof is not signed with the key the access token is bound to", refusal(proper.serialize()));
    }

    @Test
    void onlyAllowListedAsymmetricAlgorithmsAreAccepted() throws Exception {
        SignedJWT symmetric = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS256)
                        .type(new JOSEObjectType("dpop+jwt"))
                        .jwk(key.toPublicJWK())
                        .build(),
                claims().build());
        symmetric.sign(new MACSigner(new byte[32]));
        assertEquals(
                "The DPoP proof's algorithm is not accepted (accepted: ES256 RS256)", refusal(symmetric.serialize()));
        // an unsigned proof (alg none) is no signed JWT at all
        assertEquals(
                "The DPoP proof is not a signed JWT",
                refusal("eyJhbGciOiJub25lIiwidHlwIjoiZHBvcCtqd3QifQ.eyJodG0iOiJQT1NUIn0."));
    }

    @Test
    void whereNoncesAreRequiredAProofWithoutAFreshOneIsAskedToRetry() throws Exception {
        DpopNonces nonces = new DpopNonces(
                java.util.List.of(new byte[32]), Duration.ofSeconds(300), Clock.fixed(NOW, ZoneOffset.UTC));
        DpopProofVerifier strict = new DpopProofVerifier(
                Set.of(JWSAlgorithm.ES256),
                Duration.ofSeconds(60),
                (key, remember) -> seen.add(key),
                nonces,
                Clock.fixed(NOW, ZoneOffset.UTC));
        DpopProofVerifier.NonceRequiredException retry = assertThrows(
                DpopProofVerifier.NonceRequiredException.class,
                () -> strict.verify(proof(h -> h, c -> c), "POST", TARGET, TOKEN, bound()));
        // the proof without the nonce was not remembered: the retry is a new proof with the nonce offered
        strict.verify(proof(h -> h, c -> c.claim("nonce", retry.nonce())), "POST", TARGET, TOKEN, bound());
        assertThrows(
                DpopProofVerifier.NonceRequiredException.class,
                () -> strict.verify(
                        proof(h -> h, c -> c.claim("nonce", "forged.nonce")), "POST", TARGET, TOKEN, bound()));
    }
}
