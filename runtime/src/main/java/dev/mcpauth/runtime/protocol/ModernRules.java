package dev.mcpauth.runtime.protocol;

import dev.mcpauth.runtime.jsonrpc.JsonRpcError;
import dev.mcpauth.runtime.jsonrpc.JsonRpcException;
import dev.mcpauth.runtime.jsonrpc.Jsonp;
import dev.mcpauth.runtime.jsonrpc.Printable;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

/**
 * The checks every 2026-07-28 request passes before it is dispatched, in the order the revision's reference
 * implementation makes them (MCP 2026-07-28, Basic, Versioning; Streamable HTTP, Server Validation): the version
 * header is there; the per-request {@code _meta} has what it must; header and body agree on the version; the
 * version is one we speak; {@code Mcp-Method} and {@code Mcp-Name} are there and agree with the body
 * ({@link MirrorHeaders}). Each refusal names the
 * HTTP status the revision prescribes (400), so the transport need not know the rules.
 */
final class ModernRules {

    private ModernRules() {}

    /**
     * Refuses a modern request that breaks a rule.
     *
     * @param request a request of the modern era
     * @throws JsonRpcException -32020 (header), -32602 ({@code _meta}) or -32022 (version), each with status 400
     */
    static void check(McpRequest request) {
        RequestMetadata headers = request.metadata();
        String header = headers.protocolVersion();
        JsonObject meta = request.params().get("_meta") instanceof JsonObject object ? object : null;
        String claimed = meta != null && meta.get(McpRequest.META_PROTOCOL_VERSION) instanceof JsonString version
                ? version.getString()
                : null;
        if (header == null) {
            throw headerMismatch("the MCP-Protocol-Version header is required");
        }
        if (claimed == null && !ProtocolVersions.MODERN.equals(header)) {
            // neither era: a version header we do not know, and no modern _meta to go with it
            throw unsupported(header);
        }
        if (meta == null || claimed == null || !(meta.get(McpRequest.META_CLIENT_CAPABILITIES) instanceof JsonObject)) {
            throw new JsonRpcException(
                    JsonRpcError.INVALID_PARAMS,
                    "Invalid params: params._meta must carry " + McpRequest.META_PROTOCOL_VERSION + " (a string) and "
                            + McpRequest.META_CLIENT_CAPABILITIES + " (an object)",
                    null,
                    400);
        }
        if (!header.equals(claimed)) {
            throw headerMismatch("MCP-Protocol-Version header value '" + Printable.of(header)
                    + "' does not match the body's protocol version '" + Printable.of(claimed) + "'");
        }
        if (!ProtocolVersions.MODERN.equals(claimed)) {
            throw unsupported(claimed);
        }
        MirrorHeaders.check(request, true);
    }

    static JsonRpcException headerMismatch(String detail) {
        return new JsonRpcException(JsonRpcError.HEADER_MISMATCH, "Header mismatch: " + detail, null, 400);
    }

    static JsonRpcException unsupported(String requested) {
        JsonArrayBuilder supported = Jsonp.array();
        ProtocolVersions.SUPPORTED.forEach(supported::add);
        return new JsonRpcException(
                JsonRpcError.UNSUPPORTED_PROTOCOL_VERSION,
                "Unsupported protocol version",
                Jsonp.object()
                        .add("supported", supported)
                        .add("requested", requested)
                        .build(),
                400);
    }
}
