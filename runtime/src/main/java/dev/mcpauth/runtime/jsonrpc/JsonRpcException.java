package dev.mcpauth.runtime.jsonrpc;

import jakarta.json.JsonValue;

/** Ends the handling of one JSON-RPC request with an error response; carries no stack trace. */
public final class JsonRpcException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final JsonRpcError error;
    private final transient JsonValue data;
    private final int httpStatus;

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
        this(error, message, data, 0);
    }

    /**
     * An error whose HTTP status the protocol revision prescribes (MCP 2026-07-28 ties its header, version and
     * capability errors to {@code 400} and unknown methods to {@code 404}).
     *
     * @param error the error code
     * @param message a short, client-safe explanation
     * @param data details for the client, or null
     * @param httpStatus the status to answer with, or 0 to let the transport choose
     */
    public JsonRpcException(JsonRpcError error, String message, JsonValue data, int httpStatus) {
        super(message, null, false, false);
        this.error = error;
        this.data = data;
        this.httpStatus = httpStatus;
    }

    /** The error code. */
    public JsonRpcError error() {
        return error;
    }

    /** Details for the client, or null. */
    public JsonValue data() {
        return data;
    }

    /** The HTTP status the protocol prescribes for this error, or 0 when it prescribes none. */
    public int httpStatus() {
        return httpStatus;
    }
}
