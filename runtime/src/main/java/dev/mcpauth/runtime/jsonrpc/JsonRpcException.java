package dev.mcpauth.runtime.jsonrpc;

import jakarta.json.JsonValue;

/** Ends the handling of one JSON-RPC request with an error response; carries no stack trace. */
public final class JsonRpcException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final JsonRpcError error;
    private final transient JsonValue data;

    /**
     * An error without data.
     *
     * @param error the error code
     * @param message a short, client-safe explanation
     */
    public JsonRpcException(JsonRpcError error, String message) {
        this(error, message, null);
    }

    /**
     * An error with data.
     *
     * @param error the error code
     * @param message a short, client-safe explanation
     * @param data details for the client, or null
     */
    public JsonRpcException(JsonRpcError error, String message, JsonValue data) {
        super(message, null, false, false);
        this.error = error;
        this.data = data;
    }

    /** The error code. */
    public JsonRpcError error() {
        return error;
    }

    /** Details for the client, or null. */
    public JsonValue data() {
        return data;
    }
}
