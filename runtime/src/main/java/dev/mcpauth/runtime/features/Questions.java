package dev.mcpauth.runtime.features;

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
