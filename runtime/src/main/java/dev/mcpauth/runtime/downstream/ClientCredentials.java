package dev.mcpauth.runtime.downstream;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.factories.DefaultJWSSignerFactory;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.mcpauth.runtime.auth.ClientSecretBasic;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * How the MCP server authenticates as its own confidential client at the token endpoint (RFC 6749 §2.3, RFC 7523 §2.2):
 * a client secret in HTTP Basic or in the form, or a fresh assertion signed with its private key.
 *
 * @param clientId the MCP server's client id
 * @param method how it authenticates
 * @param secret the secret, for the two secret methods; never logged
 * @param key the private key, for {@code private_key_jwt}
 */
public record ClientCredentials(String clientId, Method method, String secret, JWK key) {

    /** The client authentication methods, named as in RFC 8414 {@code token_endpoint_auth_methods_supported}. */
    public enum Method {
        /** The secret in an HTTP Basic header. */
        CLIENT_SECRET_BASIC,
        /** The secret in the form. */
        CLIENT_SECRET_POST,
        /** A signed JWT assertion (RFC 7523). */
        PRIVATE_KEY_JWT
    }

    /** Assertions live long enough to reach the endpoint, and no longer. */
    private static final long ASSERTION_SECONDS = 60;

    /**
     * Adds the authentication to a token request.
     *
     * @param request the request, which may get an {@code Authorization} header
     * @param form the form, which may get parameters
     * @param endpoint the token endpoint, the assertion's audience
     * @throws IllegalStateException when the assertion cannot be signed
     */
    void authenticate(HttpRequest.Builder request, StringBuilder form, URI endpoint) {
        switch (method) {
            case CLIENT_SECRET_BASIC -> request.header("Authorization", ClientSecretBasic.header(clientId, secret));
            case CLIENT_SECRET_POST ->
                form.append("&client_id=")
                        .append(encode(clientId))
                        .append("&client_secret=")
                        .append(encode(secret));
            case PRIVATE_KEY_JWT ->
                form.append("&client_id=")
                        .append(encode(clientId))
                        .append("&client_assertion_type=")
                        .append(encode("urn:ietf:params:oauth:client-assertion-type:jwt-bearer"))
                        .append("&client_assertion=")
                        .append(encode(assertion(endpoint)));
        }
    }

    private String assertion(URI endpoint) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(clientId)
                .subject(clientId)
                .audience(endpoint.toString())
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(ASSERTION_SECONDS)))
                .build();
        try {
            JWSAlgorithm algorithm = signingAlgorithm(key);
            JWSSigner signer = new DefaultJWSSignerFactory().createJWSSigner(key, algorithm);
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(algorithm)
                            .keyID(key.getKeyID())
                            .type(JOSEObjectType.JWT)
                            .build(),
                    claims);
            jwt.sign(signer);
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign the client assertion: " + e.getMessage(), e);
        }
    }

    /** The key's own algorithm when it names one, else RS256 for RSA and the curve's ES algorithm for EC. */
    static JWSAlgorithm signingAlgorithm(JWK key) {
        if (key.getAlgorithm() != null) {
            return JWSAlgorithm.parse(key.getAlgorithm().getName());
        }
        if (key instanceof ECKey ec) {
            return JWSAlgorithm.Family.EC.stream()
                    .filter(algorithm -> com.nimbusds.jose.jwk.Curve.forJWSAlgorithm(algorithm)
                            .contains(ec.getCurve()))
                    .findFirst()
                    .orElse(JWSAlgorithm.ES256);
        }
        if (key instanceof RSAKey) {
            return JWSAlgorithm.RS256;
        }
        throw new IllegalArgumentException("only RSA and EC keys sign client assertions");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "ClientCredentials[clientId=" + clientId + ", method=" + method + "]";
    }
}
