package dev.mcpauth.it.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

/** What a DPoP client does (RFC 9449), for the suites that play one: a P-256 key, its binding, and a proof per request. */
public final class DpopClient {

    private final ECKey key;

    private DpopClient(ECKey key) {
        this.key = key;
    }

    /** A client with a fresh key. */
    public static DpopClient withNewKey() {
        try {
            return new DpopClient(new ECKeyGenerator(Curve.P_256).generate());
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The {@code cnf} claim that binds a token to this client's key (RFC 9449 §6.1). */
    public Map<String, Object> cnf() {
        try {
            return Map.of("jkt", key.toPublicJWK().computeThumbprint().toString());
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh proof for one request with {@code token}. */
    public String proof(String method, String url, String token) {
        return proof(method, url, token, null);
    }

    /**
     * A fresh proof for one request (new {@code jti}, now as {@code iat}).
     *
     * @param method the request's method
     * @param url the URL the proof is for ({@code htu})
     * @param token the access token it goes with ({@code ath})
     * @param nonce the server's nonce, or null
     * @return the proof
     */
    public String proof(String method, String url, String token, String nonce) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .claim("htm", method)
                .claim("htu", url)
                .issueTime(new Date())
                .jwtID(UUID.randomUUID().toString())
                .claim("ath", hash(token));
        if (nonce != null) {
            claims.claim("nonce", nonce);
        }
        SignedJWT proof = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.ES256)
                        .type(new JOSEObjectType("dpop+jwt"))
                        .jwk(key.toPublicJWK())
                        .build(),
                claims.build());
        try {
            proof.sign(new ECDSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return proof.serialize();
    }

    private static String hash(String token) {
        try {
            return Base64URL.encode(
                            MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)))
                    .toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
