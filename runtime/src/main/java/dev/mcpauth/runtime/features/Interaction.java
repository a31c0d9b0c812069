package dev.mcpauth.runtime.features;

import dev.mcpauth.McpClient;
import dev.mcpauth.runtime.jsonrpc.Jsonp;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One round of a multi round-trip call (MCP 2026-07-28, Multi Round-Trip Requests) as tool code sees it: the
 * answers the client gave so far, the values the tool kept, and the questions asked in this round that are still
 * unanswered. Created by the protocol layer for each request; holds nothing between requests.
 */
public final class Interaction extends AskingInput {

    private final boolean rounds;
    private final Map<String, Object> answers;
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
        super(client, new LinkedHashMap<>(kept));
        this.rounds = rounds;
        this.answers = new LinkedHashMap<>(answers);
    }

    @Override
    boolean carriesQuestions() {
        return rounds;
    }

    @Override
    Answer send(String key, String method, JsonObject params) {
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
        return keptMap();
    }
}
