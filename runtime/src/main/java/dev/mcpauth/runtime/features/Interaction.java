package dev.mcpauth.runtime.features;

import dev.mcpauth.McpClient;
import dev.mcpauth.McpInput;
import dev.mcpauth.MissingClientCapabilityException;
import dev.mcpauth.runtime.jsonrpc.Jsonp;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One round of a multi round-trip call (MCP 2026-07-28, Multi Round-Trip Requests) as tool code sees it: the
 * answers the client gave so far, the values the tool kept, and the questions asked in this round that are still
 * unanswered. Created by the protocol layer for each request; holds nothing between requests.
 */
public final class Interaction implements McpInput {

    private final McpClient client;
    private final boolean rounds;
    private final Map<String, Object> answers;
    private final Map<String, String> kept;
    private final Map<String, JsonObject> pending = new LinkedHashMap<>();

    /**
     * A round.
     *
     * @param client the client of the request, whose capabilities decide what may be asked
     * @param rounds whether the request's revision has rounds at all (2026-07-28); a 2025-era call has none
     * @param answers every answer so far, by question key, as JSON-like Java values
     * @param kept the values the tool kept in earlier rounds
     */
    public Interaction(McpClient client, boolean rounds, Map<String, Object> answers, Map<String, String> kept) {
        this.client = client;
        this.rounds = rounds;
        this.answers = new LinkedHashMap<>(answers);
        this.kept = new LinkedHashMap<>(kept);
    }

    @Override
    public boolean canAsk(String capability) {
        return rounds && Questions.declared(client, capability);
    }

    @Override
    public Answer elicit(String key, String message, Map<String, Object> requestedSchema) {
        return ask(key, ELICITATION, "elicitation/create", Questions.elicitation(message, requestedSchema));
    }

    @Override
    public Answer elicitUrl(String key, String message, String url) {
        return ask(key, URL_ELICITATION, "elicitation/create", Questions.urlElicitation(message, url));
    }

    @Override
    public Answer sample(String key, String prompt, int maxTokens) {
        return ask(key, SAMPLING, "sampling/createMessage", Questions.sampling(prompt, maxTokens));
    }

    @Override
    public Answer roots(String key) {
        return ask(key, ROOTS, "roots/list", JsonObject.EMPTY_JSON_OBJECT);
    }

    private Answer ask(String key, String capability, String method, JsonObject params) {
        if (!canAsk(capability)) {
            throw new MissingClientCapabilityException(List.of(capability));
        }
        if (!answers.containsKey(key)) {
            pending.put(
                    key,
                    Jsonp.object().add("method", method).add("params", params).build());
        }
        return () -> {
            Object answer = answers.get(key);
            if (!(answer instanceof Map<?, ?> map)) {
                throw new InputRequired();
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> result = (Map<String, Object>) map;
            return result;
        };
    }

    @Override
    public Optional<String> kept(String name) {
        return Optional.ofNullable(kept.get(name));
    }

    @Override
    public void keep(String name, String value) {
        kept.put(name, value);
    }

    /** The questions of this round still unanswered, as the {@code inputRequests} map of an {@code InputRequiredResult}. */
    public JsonObject inputRequests() {
        JsonObjectBuilder requests = Jsonp.object();
        pending.forEach(requests::add);
        return requests.build();
    }

    /** The answers to carry to the next round: every answer to a question asked so far. */
    public Map<String, Object> answers() {
        return answers;
    }

    /** The values kept so far. */
    public Map<String, String> keptValues() {
        return kept;
    }
}
