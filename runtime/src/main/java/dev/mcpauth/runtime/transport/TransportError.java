package dev.mcpauth.runtime.transport;

import dev.mcpauth.runtime.jsonrpc.JsonRpcError;
import dev.mcpauth.runtime.jsonrpc.JsonRpcException;
import dev.mcpauth.runtime.jsonrpc.JsonRpcMessages;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * An HTTP-level refusal of the Streamable HTTP transport (wrong media type, bad protocol version header,
 * oversized body, forbidden origin), answered with the HTTP status and a JSON-RPC error body without id,
 * as the official SDKs do.
 */
final class TransportError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final JsonRpcError error;

    TransportError(int status, JsonRpcError error, String message) {
        super(message, null, false, false);
        this.status = status;
        this.error = error;
    }

    Response toResponse() {
        return response(status, new JsonRpcException(error, getMessage()));
    }

    static Response response(int status, JsonRpcException error) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(JsonRpcMessages.error(JsonValue.NULL, error).toString())
                .build();
    }
}
