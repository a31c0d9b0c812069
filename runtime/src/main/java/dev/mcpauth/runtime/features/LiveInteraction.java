package dev.mcpauth.runtime.features;

import dev.mcpauth.McpClient;
import jakarta.json.JsonObject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link dev.mcpauth.McpInput} for a 2025-era call in a session, whose answer is a stream: each question is sent to the client
 * as a request on that stream the first time the tool reads its answer, and the tool waits for it. The tool's code
 * is the one it writes for 2026-07-28 rounds; here it simply runs once. Values the tool keeps stay in memory for
 * the one run.
 */
public final class LiveInteraction extends AskingInput {

    private final ClientAsker asker;
    private final Map<String, Map<String, Object>> answers = new ConcurrentHashMap<>();

    /**
     * An interaction.
     *
     * @param client the session's client, whose capabilities decide what may be asked
     * @param asker sends a question on the call's stream and waits for the answer
     */
    public LiveInteraction(McpClient client, ClientAsker asker) {
        super(client, new ConcurrentHashMap<>());
        this.asker = asker;
    }

    @Override
    boolean carriesQuestions() {
        return true;
    }

    @Override
    Answer send(String key, String method, JsonObject params) {
        // asked when first read, once: a tool that never reads an answer never bothers the user
        return () -> answers.computeIfAbsent(key, ignored -> asker.ask(method, params));
    }
}
