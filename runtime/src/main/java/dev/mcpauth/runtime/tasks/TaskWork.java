package dev.mcpauth.runtime.tasks;

import dev.mcpauth.McpInput;
import dev.mcpauth.McpProgress;
import jakarta.json.JsonObject;

/** What a task does: the tool call, with the task's progress and questions in place of the request's. */
@FunctionalInterface
public interface TaskWork {

    /**
     * Runs the call.
     *
     * @param progress the task's progress: its messages become the task's {@code statusMessage}
     * @param input asks the client through the task's {@code inputRequests}
     * @return the {@code CallToolResult}, a tool error included
     * @throws dev.mcpauth.runtime.jsonrpc.JsonRpcException for a protocol error, which fails the task
     */
    JsonObject run(McpProgress progress, McpInput input);
}
