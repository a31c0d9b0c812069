package dev.mcpauth.runtime.features;

import dev.mcpauth.McpClient;
import dev.mcpauth.McpInput;
import dev.mcpauth.MissingClientCapabilityException;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link McpInput} for a 2025-era call in a session, whose answer is a stream: each question is sent to the client
 * as a request on that stream the first time the tool reads its answer, and the tool waits for it. The tool's code
 * is the one it writes for 2026-07-28 rounds; here it simply runs once. Values the tool keeps stay in memory for
 * the one run.
 */
public final class LiveInteraction implements McpInput {

    private final McpClient client;
    private final ClientAsker asker;
    private final Map<String, String> kept = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> answers = new ConcurrentHashMap<>();

    /**
     * An interaction.
     *
     * @param client the session's client, whose capabilities decide what may be asked
     * @param asker sends a question on the call's stream and waits for the answer
     */
    public LiveInteraction(McpClient client, ClientAsker asker) {
        this.client = client;
        this.asker = asker;
    }

    @Override
    public boolean canAsk(String capability) {
        return Questions.declared(client, capability);
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
        // asked when first read, once: a tool that never reads an answer never bothers the user
        return () -> answers.computeIfAbsent(key, ignored -> asker.ask(method, params));
    }

    @Override
    public Optional<String> kept(String name) {
        return Optional.ofNullable(kept.get(name));
    }

    @Override
    public void keep(String name, String value) {
        kept.put(name, value);
    }
}
