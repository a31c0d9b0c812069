package dev.mcpauth.runtime.features;

import jakarta.json.JsonObject;

/**
 * Where the JSON-RPC messages of one request's stream go, in order; the transport frames them for its wire (Server-Sent
 * Events over HTTP), so nothing below it knows an HTTP format.
 */
@FunctionalInterface
public interface MessageSink {

    /**
     * Sends one message and pushes it to the client at once.
     *
     * @param message a JSON-RPC notification or the final response
     * @return false when the client is gone (for a stream, closing it cancels the call)
     */
    boolean send(JsonObject message);
}
