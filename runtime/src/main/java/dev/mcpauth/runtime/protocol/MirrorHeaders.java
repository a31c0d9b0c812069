package dev.mcpauth.runtime.protocol;

import dev.mcpauth.runtime.jsonrpc.JsonRpcException;
import dev.mcpauth.runtime.jsonrpc.Printable;
import jakarta.json.JsonString;
import java.util.Objects;

/**
 * Keeps the headers that mirror the body ({@code Mcp-Method}, {@code Mcp-Name}, MCP 2026-07-28, Streamable HTTP,
 * Standard Request Headers) in agreement with it, in every era. A 2026-07-28 request must send them; a request of
 * an earlier revision need not, but when it does they must say what the body says, because a gateway that routes
 * or authorizes on the headers would otherwise see another call than the one that runs. {@code Mcp-Param-*}
 * headers belong to {@code tools/call} alone ({@link ParamHeaders} checks them there).
 */
final class MirrorHeaders {

    private MirrorHeaders() {}

    /**
     * Refuses a request whose {@code Mcp-Method} or {@code Mcp-Name} disagrees with the body, that sends
     * {@code Mcp-Name} for a method that names nothing, or {@code Mcp-Param-*} for another method than
     * {@code tools/call}.
     *
     * @param request the request
     * @param required whether the headers must be present (2026-07-28)
     * @throws JsonRpcException {@code HeaderMismatch} (-32020) with status 400
     */
    static void check(McpRequest request, boolean required) {
        RequestMetadata headers = request.metadata();
        String method = headers.method();
        if (method == null && required) {
            throw ModernRules.headerMismatch("the Mcp-Method header is required");
        }
        if (method != null && !method.equals(request.method())) {
            throw ModernRules.headerMismatch("Mcp-Method header value '" + Printable.of(method)
                    + "' does not match the body's method '" + Printable.of(request.method()) + "'");
        }
        String nameField =
                McpMethod.of(request.method()).flatMap(McpMethod::targetParam).orElse(null);
        String name = headers.name();
        if (nameField == null && name != null) {
            throw ModernRules.headerMismatch(
                    "the " + RequestMetadata.NAME + " header names nothing for " + Printable.of(request.method()));
        }
        if (nameField != null
                && request.params().get(nameField) instanceof JsonString bodyName
                && (name != null || required)) {
            checkMirror(RequestMetadata.NAME, name, bodyName.getString());
        }
        if (!McpMethod.TOOLS_CALL.wireName().equals(request.method())
                && !headers.paramHeaders().isEmpty()) {
            throw ModernRules.headerMismatch(RequestMetadata.PARAM_PREFIX
                    + headers.paramHeaders().get(0) + " header mirrors a tool argument, and "
                    + Printable.of(request.method()) + " calls no tool");
        }
    }

    /**
     * Refuses a mirror header that is missing, malformed, or names another value than the body.
     *
     * @param headerName the header, for the message
     * @param sent the header value as received, or null
     * @param body the value in the body
     */
    static void checkMirror(String headerName, String sent, String body) {
        if (sent == null) {
            throw ModernRules.headerMismatch("the " + headerName + " header is required");
        }
        String value = HeaderValues.decode(sent)
                .orElseThrow(() -> ModernRules.headerMismatch(headerName + " header value is malformed"));
        if (!Objects.equals(value, body)) {
            throw ModernRules.headerMismatch(headerName + " header value '" + Printable.of(value)
                    + "' does not match body value '" + Printable.of(body) + "'");
        }
    }
}
