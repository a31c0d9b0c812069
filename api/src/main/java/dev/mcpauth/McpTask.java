package dev.mcpauth;

/**
 * The part of a tool call that runs as a task, returned by a {@link Tool} method that first settles something with
 * the client in the request itself: the method asks its questions through {@link McpInput} (multi round-trip
 * requests, answered before any task exists), checks what it must, and returns the work; the runtime then creates
 * the task and runs the work on the managed executor. The work's value becomes the tool's result the way a tool
 * method's return value does.
 *
 * <pre>{@code
 * @Tool(description = "Export the caller's tickets", task = TaskSupport.REQUIRED)
 * public McpTask<String> exportTickets(McpInput input, String format) {
 *     McpInput.Answer confirm = input.elicit("confirm", "Export every ticket as " + format + "?", schema);
 *     if (!confirm.accepted()) {
 *         throw new McpException("Nothing exported.");
 *     }
 *     return (progress, taskInput) -> export(format, progress);
 * }
 * }</pre>
 *
 * <p>A tool that returns this type runs as a task whenever the client declared the extension, even without
 * {@code task = OPTIONAL}; for a client that did not, the work runs at once, in the request.
 *
 * @param <T> what the work returns: anything a tool method may return
 */
@FunctionalInterface
public interface McpTask<T> {

    /**
     * Does the work.
     *
     * @param progress where progress goes: the task's {@code statusMessage} while it runs; its
     *     {@link McpProgress#cancelled()} turns true once the task is cancelled
     * @param input asks the client something while the task runs (the task becomes {@code input_required} until
     *     the answer arrives with {@code tasks/update}); in the request when the work runs there
     * @return the result
     * @throws Exception as a tool method would: a {@link McpException} becomes a result with {@code isError: true}
     */
    T run(McpProgress progress, McpInput input) throws Exception;
}
