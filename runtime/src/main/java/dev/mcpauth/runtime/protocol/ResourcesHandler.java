package dev.mcpauth.runtime.protocol;

import dev.mcpauth.runtime.auth.AllowedCall;
import dev.mcpauth.runtime.auth.Authorizer;
import dev.mcpauth.runtime.features.CallContext;
import dev.mcpauth.runtime.jsonrpc.JsonRpcError;
import dev.mcpauth.runtime.jsonrpc.JsonRpcException;
import dev.mcpauth.runtime.jsonrpc.Jsonp;
import dev.mcpauth.runtime.resources.ResourceDefinition;
import dev.mcpauth.runtime.resources.ResourceRegistry;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.List;
import java.util.Optional;

/**
 * Answers {@code resources/list}, {@code resources/templates/list} and {@code resources/read} (MCP, Resources).
 * An unknown URI and a resource the method says does not exist are the same answer, so a caller never learns
 * whether someone else's resource exists: {@code -32002} in the 2025 revisions, {@code -32602} in 2026-07-28
 * (which retired {@code -32002}), both with the URI in {@code data}.
 */
final class ResourcesHandler {

    /**
     * The longest {@code params.uri} read: far beyond any resource URI a server names, and a bound on the work a
     * request can cause before it is authorized (matching is linear in the length, but still work).
     */
    static final int MAX_URI_CHARS = 4096;

    private ResourcesHandler() {}

    static JsonObject list(JsonObject params, List<ResourceDefinition> visible, int pageSize, String key) {
        return Pages.page(params, visible, ResourceDefinition::descriptor, pageSize, key);
    }

    static JsonObject read(McpRequest request, Features features, Authorizer authorizer) {
        if (!(request.params().get("uri") instanceof JsonString uriValue)) {
            throw new JsonRpcException(JsonRpcError.INVALID_PARAMS, "resources/read needs params.uri, a string");
        }
        String uri = uriValue.getString();
        if (uri.length() > MAX_URI_CHARS) {
            throw new JsonRpcException(
                    JsonRpcError.INVALID_PARAMS,
                    "Invalid params: params.uri is longer than " + MAX_URI_CHARS + " characters");
        }
        ResourceRegistry.Match match = features.resources().find(uri).orElseThrow(() -> notFound(request, uri));
        AllowedCall allowed = match.definition().method().authorize(authorizer, request.caller(), request.roles());
        Optional<JsonObject> contents =
                features.reader().read(match, uri, CallContext.of(request.caller(), request.client(), allowed));
        return contents.orElseThrow(() -> notFound(request, uri));
    }

    private static JsonRpcException notFound(McpRequest request, String uri) {
        JsonObject data = Jsonp.object().add("uri", uri).build();
        return new JsonRpcException(
                request.modern() ? JsonRpcError.INVALID_PARAMS : JsonRpcError.RESOURCE_NOT_FOUND_2025,
                "Resource not found",
                data);
    }
}
