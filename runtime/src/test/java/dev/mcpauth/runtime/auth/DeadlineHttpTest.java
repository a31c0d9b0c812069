package dev.mcpauth.runtime.auth;

import static dev.mcpauth.runtime.auth.AuthFixtures.ISSUER;
import static dev.mcpauth.runtime.auth.AuthFixtures.minimal;
import static dev.mcpauth.runtime.auth.AuthFixtures.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.sun.net.httpserver.HttpServer;
import dev.mcpauth.spi.TokenVerifier.VerificationUnavailableException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An endpoint that sends its headers and then one byte every 200 ms holds no thread beyond the deadline: not the
 * JWKS fetch (behind Nimbus), not introspection, not a plain exchange.
 */
class DeadlineHttpTest {

    private static final int DEADLINE_MS = 600;
    /** Scheduling slack on a busy build machine. */
    private static final int MARGIN_MS = 700;

    private HttpServer dripping;
    private String base;

    @BeforeEach
    void start() throws IOException {
        dripping = DrippingServer.start();
        base = "http://127.0.0.1:" + dripping.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        dripping.stop(0);
    }

    private static void assertWithinDeadline(long startNanos) {
        long millis = Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
        assertTrue(millis < DEADLINE_MS + MARGIN_MS, "took " + millis + " ms");
    }

    @Test
    void aDrippedBodyEndsTheExchangeAtTheDeadline() {
        DeadlineHttp http = new DeadlineHttp(Duration.ofMillis(DEADLINE_MS));
        long start = System.nanoTime();
        IOException failure = assertThrows(
                IOException.class,
                () -> http.send(HttpRequest.newBuilder(URI.create(base + "/x")).GET(), 1024));
        assertWithinDeadline(start);
        assertTrue(failure.getMessage().contains("within " + DEADLINE_MS + " ms"), failure.getMessage());
    }

    @Test
    void aBodyLargerThanTheLimitFails() {
        DeadlineHttp http = new DeadlineHttp(Duration.ofSeconds(5));
        // the dripping server declares 300 bytes; a limit of 2 is passed on the third
        long start = System.nanoTime();
        IOException failure = assertThrows(
                IOException.class,
                () -> http.send(HttpRequest.newBuilder(URI.create(base + "/x")).GET(), 2));
        assertTrue(failure.getMessage().contains("larger than 2 bytes"), failure.getMessage());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 2000);
    }

    @Test
    void aDrippingJwksEndpointIsAnOutageWithinTheDeadline() {
        AuthSettings settings = settings(minimal(Map.of(
                "mp.jwt.verify.publickey.location",
                base + "/certs",
                "mcp.auth.http-timeout-ms",
                String.valueOf(DEADLINE_MS))));
        DiscoveringJwkSource keys = new DiscoveringJwkSource(settings.token(), () -> {});
        long start = System.nanoTime();
        assertThrows(
                KeySourceException.class,
                () -> keys.get(
                        new JWKSelector(new JWKMatcher.Builder().keyID("k1").build()), null));
        // Nimbus' retrying source tries once more after a failure: two deadlines at most
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertTrue(millis < 2 * DEADLINE_MS + MARGIN_MS, "took " + millis + " ms");
    }

    @Test
    void aDrippingIntrospectionEndpointIsAnOutageWithinTheDeadline() {
        AuthSettings settings = settings(minimal(Map.of(
                "mcp.auth.verifier",
                "introspection",
                "mcp.auth.introspection.endpoint",
                base + "/introspect",
                "mcp.auth.introspection.client-id",
                "rs",
                "mcp.auth.introspection.client-secret",
                "secret",
                "mcp.auth.http-timeout-ms",
                String.valueOf(DEADLINE_MS))));
        IntrospectionTokenVerifier verifier = new IntrospectionTokenVerifier(settings);
        long start = System.nanoTime();
        assertThrows(VerificationUnavailableException.class, () -> verifier.verify("opaque-token"));
        assertWithinDeadline(start);
        assertEquals(ISSUER, settings.token().issuer());
    }
}
