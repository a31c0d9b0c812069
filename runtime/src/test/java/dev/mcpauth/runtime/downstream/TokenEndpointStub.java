package dev.mcpauth.runtime.downstream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A token endpoint on loopback for the exchange tests: records each request (form and Authorization header) and
 * answers with what the test set, and serves issuer metadata naming itself as the token endpoint.
 */
final class TokenEndpointStub implements AutoCloseable {

    /** One request as the endpoint saw it. */
    record Seen(Map<String, String> form, String authorization) {}

    private final HttpServer server;
    final List<Seen> requests = new CopyOnWriteArrayList<>();
    volatile int status = 200;
    volatile String body = "{}";

    TokenEndpointStub() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/realm/token", this::token);
        server.createContext(
                "/.well-known/oauth-authorization-server/realm",
                exchange -> answer(
                        exchange, 200, "{\"issuer\":\"" + issuer() + "\",\"token_endpoint\":\"" + endpoint() + "\"}"));
        server.start();
    }

    String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/realm";
    }

    URI endpoint() {
        return URI.create(issuer() + "/token");
    }

    /** Answers with a token for the API, of the given lifetime. */
    void issues(String token, long expiresIn) {
        status = 200;
        body = "{\"access_token\":\"" + token
                + "\",\"issued_token_type\":\"urn:ietf:params:oauth:token-type:access_token\","
                + "\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn + "}";
    }

    /** Answers with an OAuth error. */
    void refuses(int status, String error) {
        this.status = status;
        body = "{\"error\":\"" + error + "\",\"error_description\":\"no\"}";
    }

    private void token(HttpExchange exchange) throws IOException {
        String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            fields.put(
                    URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        requests.add(new Seen(fields, exchange.getRequestHeaders().getFirst("Authorization")));
        answer(exchange, status, body);
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
