package dev.mcpauth.runtime.features;

import dev.mcpauth.McpClient;
import jakarta.json.JsonObject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * {@link dev.mcpauth.McpInput} inside a running task (MCP 2026-07-28 tasks extension): a question is posted when the
 * tool asks it, so several can wait at once (the task shows them all in {@code inputRequests}), and reading its
 * answer waits until the client sends one with {@code tasks/update}. The tool's code is the one it writes for the
 * other eras; the values it keeps stay in memory for the task's one run.
 */
public final class TaskInteraction extends AskingInput {

    /** Where a task's questions wait for their answers. */
    @FunctionalInterface
    public interface Questions {

        /**
         * Posts a question, once per key, and gives what waits for its answer.
         *
         * @param key names the question for the task's whole life
         * @param method the JSON-RPC method of the question
         * @param params its params
         * @return waits for the answer, as JSON-like Java values
         */
        Supplier<Map<String, Object>> post(String key, String method, JsonObject params);
    }

    private final Questions questions;

    /**
     * An interaction.
     *
     * @param client the client that created the task, whose declared capabilities decide what may be asked
     * @param questions where the questions go
     */
    public TaskInteraction(McpClient client, Questions questions) {
        super(client, new ConcurrentHashMap<>());
        this.questions = questions;
    }

    @Override
    boolean carriesQuestions() {
        return true;
    }

    @Override
    Answer send(String key, String method, JsonObject params) {
        Supplier<Map<String, Object>> answer = questions.post(key, method, params);
        return answer::get;
    }
}
