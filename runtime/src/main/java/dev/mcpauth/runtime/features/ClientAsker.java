package dev.mcpauth.runtime.features;

import jakarta.json.JsonObject;
import java.util.Map;

/**
 * Sends one request to the client on the call's stream and waits for its answer (MCP 2025-11-25: a server request
 * related to the client's request travels on that request's stream, and the client POSTs its response back).
 */
@FunctionalInterface
public interface ClientAsker {

    /**
     * Asks and waits.
     *
     * @param method {@code elicitation/create}, {@code sampling/createMessage} or {@code roots/list}
     * @param params the request's params
     * @return the client's result as JSON-like Java values
     * @throws dev.mcpauth.McpException when the client answers with an error, does not answer in time, or is gone
     */
    Map<String, Object> ask(String method, JsonObject params);
}
