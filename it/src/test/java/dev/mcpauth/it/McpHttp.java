package dev.mcpauth.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A bare HTTP client for the MCP endpoint, so tests see statuses and headers exactly as a client would. */
public final class McpHttp {

    /** HTTP/1.1 as MCP clients speak it; the JDK's default HTTP/2 upgrade attempt costs a round trip per request. */
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private final URI endpoint;

    public McpHttp(URI endpoint) {
        this.endpoint = endpoint;
    }

    /** The MCP endpoint of a WAR deployed on the test server. */
    public static McpHttp forContextRoot(String contextRoot) {
        return new McpHttp(URI.create(
                "http://localhost:" + System.getProperty("it.http.port", "9081") + "/" + contextRoot + "/mcp"));
    }

    public URI endpoint() {
        return endpoint;
    }

    /** POSTs {@code body} with the headers a spec-following client sends, plus {@code extraHeaders}. */
    public HttpResponse<String> post(String body, Map<String, String> extraHeaders) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        extraHeaders.forEach(request::setHeader);
        return send(request.build());
    }

    public HttpResponse<String> post(String body) {
        return post(body, Map.of());
    }

    /** Sends any request to the endpoint. */
    public HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("request to " + endpoint + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A JSON-RPC request and its parsed response, which must be HTTP 200. */
    public JsonObject request(String method, String paramsJson) {
        HttpResponse<String> response =
                post("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"" + method + "\",\"params\":" + paramsJson + "}");
        if (response.statusCode() != 200) {
            throw new AssertionError(
                    "expected HTTP 200 for " + method + ", got " + response.statusCode() + ": " + response.body());
        }
        return json(response.body());
    }

    /** The result of a JSON-RPC request that must succeed. */
    public JsonObject result(String method, String paramsJson) {
        JsonObject response = request(method, paramsJson);
        if (!response.containsKey("result")) {
            throw new AssertionError("expected a result for " + method + ", got " + response);
        }
        return response.getJsonObject("result");
    }

    /** The names {@code tools/list} shows the caller of {@code token} (one page), after an HTTP 200. */
    public List<String> toolNames(String token) {
        HttpResponse<String> response = post("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}", bearer(token));
        if (response.statusCode() != 200) {
            throw new AssertionError("tools/list: HTTP " + response.statusCode() + " " + response.body());
        }
        return json(response.body())
                .getJsonObject("result")
                .getJsonArray("tools")
                .getValuesAs(JsonObject.class)
                .stream()
                .map(tool -> tool.getString("name"))
                .toList();
    }

    /** The result of a {@code tools/call} by the caller of {@code token}, which must answer HTTP 200 with a result. */
    public JsonObject callTool(String token, String tool, String argumentsJson) {
        HttpResponse<String> response = post(toolsCall(tool, argumentsJson), bearer(token));
        if (response.statusCode() != 200 || !response.body().contains("\"result\"")) {
            throw new AssertionError("tools/call " + tool + ": HTTP " + response.statusCode() + " " + response.body());
        }
        return json(response.body()).getJsonObject("result");
    }

    /** A {@code tools/call} request body. */
    public static String toolsCall(String tool, String argumentsJson) {
        return "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
                + "\",\"arguments\":" + argumentsJson + "}}";
    }

    /** The {@code Authorization} header of a bearer token. */
    public static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    /** The text of a result's first content item. */
    public static String text(JsonObject result) {
        return result.getJsonArray("content").getJsonObject(0).getString("text");
    }

    public static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
