package dev.mcpauth.it.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal authorization server for tests, running in the test JVM: it publishes OpenID metadata and a
 * JWKS over real HTTP, and mints tokens with its own keys, so Liberty verifies them exactly as it would
 * verify Keycloak's. It counts JWKS requests and can be switched off, for the fault tests.
 */
public final class TestAuthorizationServer {

    private static TestAuthorizationServer instance;

    private final HttpServer server;
    private volatile RSAKey rsaKey;
    private final ECKey ecKey;
    private final AtomicInteger jwksRequests = new AtomicInteger();
    private final AtomicInteger introspectionRequests = new AtomicInteger();
    private final Map<String, Map<String, Object>> opaqueTokens = new ConcurrentHashMap<>();
    private volatile boolean available = true;
    private volatile long delayMillis;

    private TestAuthorizationServer() throws IOException, JOSEException {
        rsaKey = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        ecKey = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        // one thread per exchange, so a deliberately slow answer does not hold up the others
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext(
                "/realms/test/.well-known/openid-configuration",
                exchange -> respond(
                        exchange,
                        "{\"issuer\":\"" + issuer() + "\",\"jwks_uri\":\"" + issuer()
                                + "/jwks\",\"introspection_endpoint\":\"" + issuer() + "/introspect\"}"));
        server.createContext("/realms/test/introspect", this::introspect);
        server.createContext("/realms/test/jwks", exchange -> {
            jwksRequests.incrementAndGet();
            respond(exchange, new JWKSet(List.<JWK>of(rsaKey.toPublicJWK(), ecKey.toPublicJWK())).toString());
        });
        server.start();
    }

    /** The server shared by the tests of this run, started on first use on a free port. */
    public static synchronized TestAuthorizationServer get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    /** A server of its own, for tests that break it. */
    public static TestAuthorizationServer start() {
        try {
            return new TestAuthorizationServer();
        } catch (IOException | JOSEException e) {
            throw new IllegalStateException("cannot start the test authorization server", e);
        }
    }

    /** Replaces the RSA signing key by a new one with another {@code kid}, as a key rotation does. */
    public RSAKey rotateRsaKey(String newKeyId) {
        try {
            rsaKey = new RSAKeyGenerator(2048).keyID(newKeyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return rsaKey;
    }

    /** The client a resource server must authenticate as at the introspection endpoint. */
    public static final String INTROSPECTION_CLIENT = "mcp-resource";
    /** Its secret (with characters that Basic authentication must form-encode). */
    public static final String INTROSPECTION_SECRET = "s3cret:&=";

    /** Issues an opaque token standing for these claims; introspection answers with them and {@code active: true}. */
    public String opaque(JWTClaimsSet claims) {
        String token = UUID.randomUUID().toString().replace("-", "")
                + UUID.randomUUID().toString().replace("-", "");
        opaqueTokens.put(token, claims.toJSONObject());
        return token;
    }

    /** Revokes an opaque token: introspection answers {@code active: false} from now on. */
    public void revoke(String token) {
        opaqueTokens.remove(token);
    }

    public int introspectionRequests() {
        return introspectionRequests.get();
    }

    /** RFC 7662: authenticates the resource server (Basic or form), then tells whether the token is active. */
    private void introspect(HttpExchange exchange) throws IOException {
        introspectionRequests.incrementAndGet();
        String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> fields = new HashMap<>();
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        String basic = exchange.getRequestHeaders().getFirst("Authorization");
        boolean authenticated = basic != null
                        && basic.equals("Basic "
                                + Base64.getEncoder()
                                        .encodeToString(
                                                (URLEncoder.encode(INTROSPECTION_CLIENT, StandardCharsets.UTF_8) + ":"
                                                                + URLEncoder.encode(
                                                                        INTROSPECTION_SECRET, StandardCharsets.UTF_8))
                                                        .getBytes(StandardCharsets.UTF_8)))
                || INTROSPECTION_CLIENT.equals(fields.get("client_id"))
                        && INTROSPECTION_SECRET.equals(fields.get("client_secret"));
        if (!authenticated) {
            exchange.sendResponseHeaders(401, -1);
            exchange.close();
            return;
        }
        Map<String, Object> claims = opaqueTokens.get(fields.getOrDefault("token", ""));
        Map<String, Object> answer = new HashMap<>();
        answer.put("active", claims != null);
        if (claims != null) {
            answer.putAll(claims);
        }
        respond(exchange, com.nimbusds.jose.util.JSONObjectUtils.toJSONString(answer));
    }

    /** Makes every answer wait this long first. */
    public void setDelayMillis(long delayMillis) {
        this.delayMillis = delayMillis;
    }

    public String issuer() {
        return "http://localhost:" + server.getAddress().getPort() + "/realms/test";
    }

    public RSAKey rsaKey() {
        return rsaKey;
    }

    public int jwksRequests() {
        return jwksRequests.get();
    }

    public void setAvailable(boolean available) {
        this.available = available;
    }

    /** Claims of a valid token for {@code audience} with {@code scope}, ready to be changed by a test. */
    public JWTClaimsSet.Builder claims(String audience, String scope) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(issuer())
                .subject("user-42")
                .audience(audience)
                .claim("azp", "test-client")
                .claim("preferred_username", "alice")
                .claim("scope", scope)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)));
    }

    /** The claims signed with the RSA key (RS256). */
    public String rs256(JWTClaimsSet claims) {
        return sign(
                claims,
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(rsaKey.getKeyID())
                        .build(),
                rsaSigner(rsaKey));
    }

    /** The claims signed with the EC key (ES256). */
    public String es256(JWTClaimsSet claims) {
        try {
            return sign(
                    claims,
                    new JWSHeader.Builder(JWSAlgorithm.ES256)
                            .keyID(ecKey.getKeyID())
                            .build(),
                    new ECDSASigner(ecKey));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signs with any header and signer, for forged tokens. */
    public static String sign(JWTClaimsSet claims, JWSHeader header, JWSSigner signer) {
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    public static JWSSigner rsaSigner(RSAKey key) {
        try {
            return new RSASSASigner(key);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private void respond(HttpExchange exchange, String body) throws IOException {
        if (delayMillis > 0) {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (!available) {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
            return;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
