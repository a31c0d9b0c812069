package dev.mcpauth.runtime.auth;

import static dev.mcpauth.runtime.auth.AuthFixtures.ISSUER;
import static dev.mcpauth.runtime.auth.AuthFixtures.RESOURCE;
import static dev.mcpauth.runtime.auth.AuthFixtures.minimal;
import static dev.mcpauth.runtime.auth.AuthFixtures.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.mcpauth.McpCaller;
import dev.mcpauth.spi.TokenVerifier.TokenRejectedException;
import dev.mcpauth.spi.TokenVerifier.VerificationUnavailableException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Which access tokens the resource accepts, and the {@code error_description} a client gets for the others. */
class JwtTokenVerifierTest {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static RSAKey rsa;
    private static ECKey ec;
    private static JwtTokenVerifier verifier;

    @BeforeAll
    static void keys() throws JOSEException {
        rsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
        JWKSource<SecurityContext> keys =
                new ImmutableJWKSet<>(new JWKSet(List.of(rsa.toPublicJWK(), ec.toPublicJWK())));
        verifier = new JwtTokenVerifier(settings(minimal(Map.of())), keys, CLOCK);
    }

    /** Valid claims: alice through desk-app, two scopes, five minutes left. */
    private static JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(RESOURCE)
                .subject("alice")
                .claim("client_id", "desk-app")
                .claim("scope", "tickets:read tickets:write")
                .issueTime(Date.from(NOW))
                .expirationTime(Date.from(NOW.plusSeconds(300)));
    }

    private static String sign(JWSSigner signer, JWSHeader header, JWTClaimsSet claims) throws JOSEException {
        SignedJWT jwt = new SignedJWT(header, claims);
        jwt.sign(signer);
        return jwt.serialize();
    }

    private static String rs256(JWTClaimsSet claims) throws JOSEException {
        return sign(
                new RSASSASigner(rsa),
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID("rsa-1")
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims);
    }

    private static String rs256(UnaryOperator<JWTClaimsSet.Builder> change) throws JOSEException {
        return rs256(change.apply(claims()).build());
    }

    private static String rejection(String token) {
        return assertThrows(TokenRejectedException.class, () -> verifier.verify(token))
                .getMessage();
    }

    @Test
    void aValidRs256TokenGivesTheCaller() throws Exception {
        McpCaller caller = verifier.verify(rs256(claims().build()));
        assertEquals("alice", caller.subject());
        assertEquals("desk-app", caller.clientId());
        assertEquals(Set.of("tickets:read", "tickets:write"), caller.scopes());
        assertEquals(ISSUER, caller.claims().get("iss"));
        assertEquals(
                NOW.plusSeconds(300).getEpochSecond(), ((Number) caller.claims().get("exp")).longValue());
    }

    @Test
    void aValidEs256TokenGivesTheCaller() throws Exception {
        String token = sign(
                new ECDSASigner(ec),
                new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("ec-1").build(),
                claims().claim("scope", null)
                        .claim("scp", List.of("tickets:read"))
                        .build());
        McpCaller caller = verifier.verify(token);
        assertEquals("alice", caller.subject());
        assertEquals(Set.of("tickets:read"), caller.scopes());
    }

    /** The caller every test token stands for, unless the test changes its claims. */
    private static void assertAlice(McpCaller caller) {
        assertEquals("alice", caller.subject());
        assertEquals("desk-app", caller.clientId());
        assertEquals(Set.of("tickets:read", "tickets:write"), caller.scopes());
        assertEquals(ISSUER, caller.claims().get("iss"));
    }

    @Test
    void theAccessTokenTypeOfRfc9068AndAMissingTypeAreAccepted() throws Exception {
        assertAlice(verifier.verify(sign(
                new RSASSASigner(rsa),
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID("rsa-1")
                        .type(new JOSEObjectType("at+jwt"))
                        .build(),
                claims().build())));
        assertAlice(verifier.verify(sign(
                new RSASSASigner(rsa),
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-1").build(),
                claims().build())));
    }

    @Test
    void aTokenWithoutKidIsMatchedByItsKeyType() throws Exception {
        assertAlice(verifier.verify(sign(new RSASSASigner(rsa), new JWSHeader(JWSAlgorithm.RS256), claims().build())));
    }

    @Test
    void oneOfSeveralAudiencesMayNameTheResource() throws Exception {
        McpCaller caller = verifier.verify(rs256(c -> c.audience(List.of("https://other.example.com", RESOURCE))));
        assertAlice(caller);
        assertEquals(
                List.of("https://other.example.com", RESOURCE), caller.claims().get("aud"));
    }

    @Test
    void somethingThatIsNotAJwtIsRejected() {
        assertEquals("The token is not a well-formed JWT", rejection("not-a-jwt"));
        assertEquals("The token is not a well-formed JWT", rejection("a.b.c"));
    }

    @Test
    void aNonCanonicalSpellingOfAValidTokenIsRejected() throws Exception {
        String valid = rs256(claims().build());
        // a 256-byte RS256 signature leaves 4 bits of its last base64url character unused: flip one of them
        char last = valid.charAt(valid.length() - 1);
        String alias = valid.substring(0, valid.length() - 1)
                + "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
                        .charAt("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".indexOf(last) ^ 1);
        assertEquals("The token is not a well-formed JWT", rejection(alias));
    }

    @Test
    void anUnsignedTokenIsRejected() {
        assertEquals("The token is not signed", rejection(new PlainJWT(claims().build()).serialize()));
    }

    @Test
    void anHmacTokenKeyedWithThePublicKeyIsRejected() throws Exception {
        byte[] publicKeyAsSecret = rsa.toRSAPublicKey().getEncoded();
        String token = sign(
                new MACSigner(publicKeyAsSecret),
                new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("rsa-1").build(),
                claims().build());
        assertEquals("The token's signing algorithm is not accepted", rejection(token));
    }

    @Test
    void aTokenSignedByAKeyNotInTheSetIsRejected() throws Exception {
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("stranger").generate();
        String token = sign(
                new RSASSASigner(stranger),
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("stranger").build(),
                claims().build());
        assertEquals("No key of the issuer matches the token", rejection(token));
    }

    @Test
    void aTokenWhoseKidIsOfAnotherKeyTypeIsRejected() throws Exception {
        String token = sign(
                new RSASSASigner(rsa),
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("ec-1").build(),
                claims().build());
        assertEquals("No key of the issuer matches the token", rejection(token));
    }

    @Test
    void aForgedSignatureUnderAKnownKidIsRejected() throws Exception {
        RSAKey forger = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        String token = sign(
                new RSASSASigner(forger),
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-1").build(),
                claims().build());
        assertEquals("The token's signature is invalid", rejection(token));
    }

    @Test
    void aTamperedPayloadIsRejected() throws Exception {
        String[] parts = rs256(claims().build()).split("\\.");
        String payload = Base64URL.encode(claims().subject("mallory")
                        .claim("scope", "admin")
                        .build()
                        .toString())
                .toString();
        assertEquals("The token's signature is invalid", rejection(parts[0] + "." + payload + "." + parts[2]));
    }

    @Test
    void aTokenOfAnotherIssuerIsRejected() throws Exception {
        assertEquals(
                "The token was issued by another issuer", rejection(rs256(c -> c.issuer("https://evil.example.com"))));
        assertEquals("The token was issued by another issuer", rejection(rs256(c -> c.issuer(null))));
    }

    @Test
    void aTokenWithoutAudienceIsRejected() throws Exception {
        assertEquals("The token has no audience (aud)", rejection(rs256(c -> c.audience((String) null))));
    }

    @Test
    void aTokenForAnotherResourceIsRejected() throws Exception {
        assertEquals(
                "The token is meant for another resource (aud)",
                rejection(rs256(c -> c.audience("https://other.example.com/mcp"))));
    }

    @Test
    void aTokenExpiredBeyondTheSkewIsRejected() throws Exception {
        assertEquals("The token has expired", rejection(rs256(c -> c.expirationTime(Date.from(NOW.minusSeconds(61))))));
    }

    @Test
    void aTokenExpiredWithinTheSkewIsAccepted() throws Exception {
        assertAlice(verifier.verify(rs256(c -> c.expirationTime(Date.from(NOW.minusSeconds(60))))));
    }

    @Test
    void aTokenNotValidYetBeyondTheSkewIsRejectedAndWithinItAccepted() throws Exception {
        assertEquals(
                "The token is not valid yet (nbf)",
                rejection(rs256(c -> c.notBeforeTime(Date.from(NOW.plusSeconds(61))))));
        assertAlice(verifier.verify(rs256(c -> c.notBeforeTime(Date.from(NOW.plusSeconds(60))))));
    }

    @Test
    void aTokenWithoutExpiryIsRejected() throws Exception {
        assertEquals("The token has no expiry (exp)", rejection(rs256(c -> c.expirationTime(null))));
    }

    @Test
    void unreachableKeysMakeVerificationUnavailableNotARejection() throws Exception {
        JWKSource<SecurityContext> down = (selector, context) -> {
            throw new KeySourceException("connection refused");
        };
        JwtTokenVerifier unavailable = new JwtTokenVerifier(settings(minimal(Map.of())), down, CLOCK);
        String token = rs256(claims().build());
        assertThrows(VerificationUnavailableException.class, () -> unavailable.verify(token));
    }

    @Test
    void anUnknownKidAfterARecentRefetchIsARejectionNotAnOutage() throws Exception {
        JWKSource<SecurityContext> limited = (selector, context) -> {
            throw new RateLimitReachedException();
        };
        JwtTokenVerifier rateLimited = new JwtTokenVerifier(settings(minimal(Map.of())), limited, CLOCK);
        String token = rs256(claims().build());
        assertEquals(
                "No key of the issuer matches the token",
                assertThrows(TokenRejectedException.class, () -> rateLimited.verify(token))
                        .getMessage());
    }

    @Test
    void aTokenOfAnotherTypeIsRejectedAsSuch() throws Exception {
        String token = sign(
                new RSASSASigner(rsa),
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID("rsa-1")
                        .type(new JOSEObjectType("logout+jwt"))
                        .build(),
                claims().build());
        assertEquals("The token type is not accepted", rejection(token));
    }

    @Test
    void aPayloadThatIsNotJsonIsRejected() throws Exception {
        String[] parts = rs256(claims().build()).split("\\.");
        assertEquals(
                "The token is not a well-formed JWT",
                rejection(parts[0] + "." + Base64URL.encode("not json") + "." + parts[2]));
    }

    @Test
    void theCallerNamesItsIssuer() throws Exception {
        assertEquals(ISSUER, verifier.verify(rs256(claims().build())).issuer());
    }

    @Test
    void aTokenWithoutSubjectIsRejected() throws Exception {
        assertEquals(
                "The token has no subject",
                rejection(rs256(c -> c.subject(null).claim("preferred_username", "alice"))));
    }

    @Test
    void anIdTokenThatNamesTheResourceIsRejected() throws Exception {
        // an audience mapper can put the resource in an ID token's aud too; its nonce (or Keycloak's typ) gives it away
        assertEquals("An ID token is not an access token", rejection(rs256(c -> c.claim("nonce", "n-0S6_WzA2Mj"))));
        assertEquals("An ID token is not an access token", rejection(rs256(c -> c.claim("typ", "ID"))));
    }

    @Test
    void requireAtJwtAcceptsOnlyTheAccessTokenType() throws Exception {
        JWKSource<SecurityContext> keys = new ImmutableJWKSet<>(new JWKSet(rsa.toPublicJWK()));
        JwtTokenVerifier strict =
                new JwtTokenVerifier(settings(minimal(Map.of("mcp.auth.require-at-jwt", "true"))), keys, CLOCK);
        for (String type : List.of("at+jwt", "application/at+jwt", "AT+JWT")) {
            assertAlice(strict.verify(sign(
                    new RSASSASigner(rsa),
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID("rsa-1")
                            .type(new JOSEObjectType(type))
                            .build(),
                    claims().build())));
        }
        String plainJwt = rs256(claims().build());
        String untyped = sign(
                new RSASSASigner(rsa),
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-1").build(),
                claims().build());
        for (String token : List.of(plainJwt, untyped)) {
            assertEquals(
                    "The token is not typed as an access token (at+jwt)",
                    assertThrows(TokenRejectedException.class, () -> strict.verify(token))
                            .getMessage());
        }
    }

    @Test
    void theApplicationPrefixOfTheTypeIsAccepted() throws Exception {
        assertAlice(verifier.verify(sign(
                new RSASSASigner(rsa),
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID("rsa-1")
                        .type(new JOSEObjectType("application/at+jwt"))
                        .build(),
                claims().build())));
    }
}
