package dev.mcpauth.runtime.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Finding the issuer's JWKS URL from its metadata, at the locations and in the order MCP prescribes. */
class IssuerMetadataTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final HttpsRule LOOPBACK_HTTP = new HttpsRule(false);

    /** Path to JSON body; every other path answers 404. */
    private final Map<String, String> documents = new ConcurrentHashMap<>();

    private final List<String> requested = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private boolean stopped;
    private String issuer;
    private DeadlineHttp client;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requested.add(exchange.getRequestURI().getPath());
            String body = documents.get(exchange.getRequestURI().getPath());
            byte[] bytes = (body == null ? "not found" : body).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/mcp";
        client = new DeadlineHttp(TIMEOUT);
    }

    @AfterEach
    void stop() {
        if (!stopped) {
            server.stop(0);
        }
    }

    private static String metadata(String issuer, String jwksUri) {
        return "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + jwksUri + "\"}";
    }

    @Test
    void anIssuerWithAPathHasThreeLocationsInMcpOrder() {
        assertEquals(
                List.of(
                        URI.create("http://localhost:8180/.well-known/oauth-authorization-server/realms/mcp"),
                        URI.create("http://localhost:8180/.well-known/openid-configuration/realms/mcp"),
                        URI.create("http://localhost:8180/realms/mcp/.well-known/openid-configuration")),
                IssuerMetadata.metadataLocations("http://localhost:8180/realms/mcp"));
    }

    @Test
    void anIssuerAtTheRootHasTwoLocations() {
        List<URI> expected = List.of(
                URI.create("https://idp.example.com/.well-known/oauth-authorization-server"),
                URI.create("https://idp.example.com/.well-known/openid-configuration"));
        assertEquals(expected, IssuerMetadata.metadataLocations("https://idp.example.com"));
        assertEquals(expected, IssuerMetadata.metadataLocations("https://idp.example.com/"));
    }

    @Test
    void aTrailingSlashOfThePathIsNotRepeated() {
        assertEquals(
                URI.create("https://idp.example.com/.well-known/oauth-authorization-server/tenant"),
                IssuerMetadata.metadataLocations("https://idp.example.com/tenant/")
                        .get(0));
    }

    @Test
    void theOidcAppendedDocumentIsFoundAfterTheOthersAnswer404() throws IOException {
        documents.put(
                "/realms/mcp/.well-known/openid-configuration", metadata(issuer, "https://keys.example.com/certs"));
        assertEquals(
                URI.create("https://keys.example.com/certs"),
                IssuerMetadata.discoverJwksUri(issuer, client, LOOPBACK_HTTP));
        assertEquals(
                List.of(
                        "/.well-known/oauth-authorization-server/realms/mcp",
                        "/.well-known/openid-configuration/realms/mcp",
                        "/realms/mcp/.well-known/openid-configuration"),
                requested);
    }

    @Test
    void theFirstMatchingLocationWins() throws IOException {
        documents.put(
                "/.well-known/oauth-authorization-server/realms/mcp",
                metadata(issuer, "https://keys.example.com/first"));
        documents.put(
                "/realms/mcp/.well-known/openid-configuration", metadata(issuer, "https://keys.example.com/last"));
        assertEquals(
                URI.create("https://keys.example.com/first"),
                IssuerMetadata.discoverJwksUri(issuer, client, LOOPBACK_HTTP));
        assertEquals(1, requested.size());
    }

    @Test
    void aDocumentOfAnotherIssuerIsIgnored() throws IOException {
        documents.put(
                "/.well-known/oauth-authorization-server/realms/mcp",
                metadata(issuer + "/", "http://evil.example.com/certs"));
        documents.put(
                "/.well-known/openid-configuration/realms/mcp",
                metadata("http://evil.example.com", "http://evil.example.com/certs"));
        documents.put(
                "/realms/mcp/.well-known/openid-configuration", metadata(issuer, "https://keys.example.com/certs"));
        assertEquals(
                URI.create("https://keys.example.com/certs"),
                IssuerMetadata.discoverJwksUri(issuer, client, LOOPBACK_HTTP));
    }

    @Test
    void whenNoDocumentMatchesEveryLocationIsNamedInTheFailure() {
        documents.put(
                "/.well-known/oauth-authorization-server/realms/mcp",
                metadata("http://evil.example.com", "http://evil.example.com/certs"));
        documents.put("/.well-known/openid-configuration/realms/mcp", "not json");
        documents.put("/realms/mcp/.well-known/openid-configuration", "{\"issuer\":\"" + issuer + "\"}");
        IOException failure =
                assertThrows(IOException.class, () -> IssuerMetadata.discoverJwksUri(issuer, client, LOOPBACK_HTTP));
        assertTrue(failure.getMessage().contains("describes another issuer"), failure.getMessage());
        assertTrue(failure.getMessage().contains("has no jwks_uri"), failure.getMessage());
        assertTrue(failure.getMessage().contains(issuer), failure.getMessage());
    }

    @Test
    void anIssuerThatIsDownFailsQuickly() {
        server.stop(0);
        stopped = true;
        assertTimeoutPreemptively(
                Duration.ofSeconds(5),
                () -> assertThrows(
                        IOException.class, () -> IssuerMetadata.discoverJwksUri(issuer, client, LOOPBACK_HTTP)));
    }

    @Test
    void aCleartextJwksUriOfAnotherHostIsRefused() {
        documents.put(
                "/.well-known/oauth-authorization-server/realms/mcp",
                metadata(issuer, "http://keys.example.com/certs"));
        IOException failure =
                assertThrows(IOException.class, () -> IssuerMetadata.discoverJwksUri(issuer, client, LOOPBACK_HTTP));
        assertTrue(failure.getMessage().contains("cleartext jwks_uri"), failure.getMessage());
    }

    @Test
    void aCleartextJwksUriOnLoopbackOrWhenAllowedIsUsed() throws IOException {
        documents.put(
                "/.well-known/oauth-authorization-server/realms/mcp", metadata(issuer, "http://127.0.0.1:1/certs"));
        assertEquals(
                URI.create("http://127.0.0.1:1/certs"), IssuerMetadata.discoverJwksUri(issuer, client, LOOPBACK_HTTP));
        documents.put(
                "/.well-known/oauth-authorization-server/realms/mcp",
                metadata(issuer, "http://keys.example.com/certs"));
        assertEquals(
                URI.create("http://keys.example.com/certs"),
                IssuerMetadata.discoverJwksUri(issuer, client, new HttpsRule(true)));
    }

    @Test
    void aMetadataEndpointThatDripsItsBodyFailsWithinTheDeadline() throws IOException {
        HttpServer dripping = DrippingServer.start();
        try {
            String slowIssuer = "http://127.0.0.1:" + dripping.getAddress().getPort();
            DeadlineHttp http = new DeadlineHttp(Duration.ofMillis(500));
            long start = System.nanoTime();
            assertThrows(IOException.class, () -> IssuerMetadata.discoverJwksUri(slowIssuer, http, LOOPBACK_HTTP));
            long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
            // two metadata locations for an issuer at the root, each ends within its deadline
            assertTrue(millis < 2 * 500 + 700, "took " + millis + " ms");
        } finally {
            dripping.stop(0);
        }
    }
}
