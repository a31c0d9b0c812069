package dev.mcpauth.runtime.features;

import dev.mcpauth.McpClient;
import dev.mcpauth.McpInput;
import dev.mcpauth.runtime.jsonrpc.Jsonp;
import jakarta.json.JsonObject;
import java.util.Map;

/** The params of the questions a tool may ask the client, the same in both eras. */
final class Questions {

    private Questions() {}

    /** {@code elicitation/create} params: a form. */
    static JsonObject elicitation(String message, Map<String, Object> requestedSchema) {
        return Jsonp.object()
                .add("message", message)
                .add("requestedSchema", Jsonp.toJson(requestedSchema))
                .build();
    }

    /** {@code elicitation/create} params in URL mode, with a new elicitation id. */
    static JsonObject urlElicitation(String message, String url) {
        return Jsonp.object()
                .add("mode", "url")
                .add("message", message)
                .add("url", url)
                .add("elicitationId", java.util.UUID.randomUUID().toString())
                .build();
    }

    /**
     * Whether the client declared what a question needs: a top-level capability, where {@code elicitation} means its
     * form mode (an empty object counts as form, MCP 2025-11-25) and {@code elicitation.url} its URL mode.
     */
    static boolean declared(McpClient client, String capability) {
        Object elicitation = client.capabilities().get(McpInput.ELICITATION);
        if (McpInput.URL_ELICITATION.equals(capability)) {
            return elicitation instanceof Map<?, ?> modes && modes.containsKey("url");
        }
        if (McpInput.ELICITATION.equals(capability)) {
            return elicitation instanceof Map<?, ?> modes && (modes.isEmpty() || modes.containsKey("form"))
                    || elicitation != null && !(elicitation instanceof Map<?, ?>);
        }
        return client.hasCapability(capability);
    }

    /** {@code sampling/createMessage} params: one user message. */
    static JsonObject sampling(String prompt, int maxTokens) {
        return Jsonp.object()
                .add(
                        "messages",
                        Jsonp.array()
                                .add(Jsonp.object()
                                        .add("role", "user")
                                        .add(
                                                "content",
                                                Jsonp.object()
                                                        .add("type", "text")
                                                        .add("text", prompt))))
                .add("maxTokens", maxTokens)
                .build();
    }
}
