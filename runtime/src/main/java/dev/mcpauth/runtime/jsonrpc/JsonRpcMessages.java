package dev.mcpauth.runtime.jsonrpc;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

/** Builds JSON-RPC 2.0 response objects. */
public final class JsonRpcMessages {

    private JsonRpcMessages() {}

    /**
     * A success response.
     *
     * @param id the request id
     * @param result the result object
     * @return the response
     */
    public static JsonObject result(JsonValue id, JsonObject result) {
        return Jsonp.object()
                .add("jsonrpc", "2.0")
                .add("id", id)
                .add("result", result)
                .build();
    }

    /**
     * An error response.
     *
     * @param id the request id, or {@link JsonValue#NULL} when it could not be read
     * @param error the error
     * @return the response
     */
    public static JsonObject error(JsonValue id, JsonRpcException error) {
        JsonObjectBuilder body =
                Jsonp.object().add("code", error.error().code()).add("message", error.getMessage());
        if (error.data() != null) {
            body.add("data", error.data());
        }
        return Jsonp.object()
                .add("jsonrpc", "2.0")
                .add("id", id)
                .add("error", body)
                .build();
    }
}
