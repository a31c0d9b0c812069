package dev.mcpauth.runtime.features;

import dev.mcpauth.McpClient;
import dev.mcpauth.McpInput;
import dev.mcpauth.MissingClientCapabilityException;
import dev.mcpauth.runtime.jsonrpc.Jsonp;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link McpInput} as both eras share it: each question names the capability it needs, its method and its params,
 * and is asked only of a client that declared the capability; the kept values live in a map. A subclass decides how
 * a question travels: in a 2026-07-28 round ({@link Interaction}) or live on a 2025-era stream
 * ({@link LiveInteraction}).
 */
abstract class AskingInput implements McpInput {

    private final McpClient client;
    private final Map<String, String> kept;

    /**
     * @param client the client, whose declared capabilities decide what may be asked
     * @param kept where kept values live
     */
    AskingInput(McpClient client, Map<String, String> kept) {
        this.client = client;
        this.kept = kept;
    }

    /** Whether this call can carry a question at all (a round, or a stream). */
    abstract boolean carriesQuestions();

    /**
     * Sends a question the client can answer, the way this era does.
     *
     * @param key names the question across rounds
     * @param method the JSON-RPC method of the question
     * @param params its params
     * @return the answer
     */
    abstract Answer send(String key, String method, JsonObject params);

    @Override
    public final boolean canAsk(String capability) {
        return carriesQuestions() && declared(client, capability);
    }

    @Override
    public final Answer elicit(String key, String message, Map<String, Object> requestedSchema) {
        return ask(key, ELICITATION, "elicitation/create", elicitation(message, requestedSchema));
    }

    @Override
    public final Answer elicitUrl(String key, String message, String url) {
        return ask(key, URL_ELICITATION, "elicitation/create", urlElicitation(message, url));
    }

    @Override
    public final Answer sample(String key, String prompt, int maxTokens) {
        return ask(key, SAMPLING, "sampling/createMessage", sampling(prompt, maxTokens));
    }

    @Override
    public final Answer roots(String key) {
        return ask(key, ROOTS, "roots/list", JsonObject.EMPTY_JSON_OBJECT);
    }

    private Answer ask(String key, String capability, String method, JsonObject params) {
        if (!canAsk(capability)) {
            throw new MissingClientCapabilityException(List.of(capability));
        }
        return send(key, method, params);
    }

    @Override
    public final Optional<String> kept(String name) {
        return Optional.ofNullable(kept.get(name));
    }

    @Override
    public final void keep(String name, String value) {
        kept.put(name, value);
    }

    /** The values kept so far. */
    Map<String, String> keptMap() {
        return kept;
    }

    /** {@code elicitation/create} params: a form. */
    private static JsonObject elicitation(String message, Map<String, Object> requestedSchema) {
        return Jsonp.object()
                .add("message", message)
                .add("requestedSchema", Jsonp.toJson(requestedSchema))
                .build();
    }

    /** {@code elicitation/create} params in URL mode, with a new elicitation id. */
    private static JsonObject urlElicitation(String message, String url) {
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
    private static boolean declared(McpClient client, String capability) {
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
    private static JsonObject sampling(String prompt, int maxTokens) {
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
