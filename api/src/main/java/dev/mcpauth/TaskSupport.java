package dev.mcpauth;

/**
 * Whether a {@link Tool} runs as a task (the MCP 2026-07-28 tasks extension, {@code io.modelcontextprotocol/tasks}):
 * the client gets a task handle at once, polls it with {@code tasks/get} from any instance, answers its questions with
 * {@code tasks/update}, may cancel it with {@code tasks/cancel}, and fetches the result when it is there.
 *
 * <p>A task belongs to its creator (issuer, subject and client): for every other caller it does not exist. It runs
 * on the application server's managed executor (Jakarta Concurrency) with the creator's identity, whether or not the
 * client stays connected, and its status and result live on the shared state engine for a time to live
 * ({@code mcp.tasks.ttl-seconds}).
 *
 * <p>Clients of the 2025 revisions have no tasks extension: for them every tool runs in the request, as always.
 */
public enum TaskSupport {

    /** Never a task: the call runs in the request. The default. */
    NONE,

    /**
     * A task for a 2026-07-28 client that declares the tasks extension on its request; for any other client the call
     * runs in the request.
     */
    OPTIONAL,

    /**
     * Only as a task: a 2026-07-28 client that does not declare the tasks extension gets the error
     * {@code -32021} (missing required client capability) naming it. 2025-era clients, which cannot declare it, get
     * the call run in the request.
     */
    REQUIRED
}
