package dev.mcpauth.runtime.auth;

import static dev.mcpauth.runtime.auth.AuthFixtures.minimal;
import static dev.mcpauth.runtime.auth.AuthFixtures.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.mcpauth.spi.TokenVerifier.TokenRejectedException;
import dev.mcpauth.spi.TokenVerifier.VerificationUnavailableException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Introspection spares the authorization server: refusals are remembered, concurrency is bounded, failed discovery waits. */
class IntrospectionBackpressureTest {

    private final AtomicInteger introspections = new AtomicInteger();
    private final AtomicInteger metadataRequests = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch blocked = new CountDownLatch(1);
    private volatile boolean block;
    private HttpServer server;
    private String base;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "introspection-server");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/introspect", exchange -> {
            introspections.incrementAndGet();
            if (block) {
                blocked.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] body = "{\"active\":false}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/.well-known", exchange -> {
            metadataRequests.incrementAndGet();
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    private IntrospectionTokenVerifier verifier(Map<String, String> extra) {
        Map<String, String> values = new HashMap<>(Map.of(
                "mcp.auth.verifier",
                "introspection",
                "mcp.auth.introspection.endpoint",
                base + "/introspect",
                "mcp.auth.introspection.client-id",
                "rs",
                "mcp.auth.introspection.client-secret",
                "secret"));
        values.putAll(extra);
        return new IntrospectionTokenVerifier(settings(minimal(values)));
    }

    @Test
    void aRefusedTokenIsRefusedAgainWithoutAskingTheServer() {
        IntrospectionTokenVerifier verifier = verifier(Map.of());
        for (int i = 0; i < 5; i++) {
            assertEquals(
                    "The token is not active",
                    assertThrows(TokenRejectedException.class, () -> verifier.verify("junk"))
                            .getMessage());
        }
        assertEquals(1, introspections.get());
        assertThrows(TokenRejectedException.class, () -> verifier.verify("other-junk"));
        assertEquals(2, introspections.get(), "another token is asked about");
    }

    @Test
    void whenEverySlotIsBusyTheNextTokenGets503AtOnce() throws Exception {
        IntrospectionTokenVerifier verifier = verifier(Map.of("mcp.auth.introspection.max-concurrent", "1"));
        block = true;
        CompletableFuture<Void> first = CompletableFuture.runAsync(
                () -> assertThrows(TokenRejectedException.class, () -> verifier.verify("slow")));
        assertTrue(blocked.await(5, TimeUnit.SECONDS), "the first introspection reached the server");
        long start = System.nanoTime();
        assertThrows(VerificationUnavailableException.class, () -> verifier.verify("second"));
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 500, "refused without queueing");
        release.countDown();
        first.get(5, TimeUnit.SECONDS);
        assertEquals(1, introspections.get(), "the refused request never reached the server");
    }

    @Test
    void aFailedDiscoveryIsNotRetriedOnEveryRequest() {
        Map<String, String> values = new HashMap<>(Map.of(
                "mcp.auth.verifier",
                "introspection",
                "mp.jwt.verify.issuer",
                base + "/realms/mcp",
                "mcp.auth.introspection.client-id",
                "rs",
                "mcp.auth.introspection.client-secret",
                "secret"));
        IntrospectionTokenVerifier verifier = new IntrospectionTokenVerifier(settings(minimal(values)));
        assertThrows(VerificationUnavailableException.class, () -> verifier.verify("t1"));
        int afterFirst = metadataRequests.get();
        // the two locations under /.well-known (the third, /realms/mcp/.well-known/..., is not counted)
        assertEquals(2, afterFirst);
        for (int i = 0; i < 5; i++) {
            String token = "t" + i;
            assertThrows(VerificationUnavailableException.class, () -> verifier.verify(token));
        }
        assertEquals(
                afterFirst, metadataRequests.get(), "no new discovery within " + DiscoveringJwkSource.DISCOVERY_RETRY);
    }
}
