package dev.mcpauth;

/**
 * A failure of a feature method's work whose message is meant for the client: thrown by a tool, resource,
 * prompt or completion method, its message reaches the client, so the model can correct itself or tell the
 * user. A tool's call answers with a result that has {@code isError: true} and this message as its text (MCP
 * 2025-11-25, Tools, Error Handling: tool execution errors are reported in the result); a resource read, a
 * prompt or a completion answers a JSON-RPC error {@code -32603} with this message.
 *
 * <pre>{@code
 * @Tool(description = "Read one of the caller's tickets")
 * public Ticket getTicket(McpCaller caller, String id) {
 *     return store.find(caller.subject(), id).orElseThrow(() -> new McpException("No ticket " + id + " for you"));
 * }
 * }</pre>
 *
 * <p>Any other exception a feature method throws is treated as a bug, not as a message: it is logged with an
 * incident id, and the client receives only a generic text naming that id, so internal details (SQL, host
 * names, file paths) never reach a model or a user. {@link Error}s such as {@code OutOfMemoryError} are not
 * caught.
 */
public class McpException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * A failure to report to the client.
     *
     * @param message the text the client sees; write it for the model and the user, never put secrets in it
     */
    public McpException(String message) {
        super(message);
    }

    /**
     * A failure to report to the client, with its cause for the server log.
     *
     * @param message the text the client sees
     * @param cause the underlying failure, logged on the server only
     */
    public McpException(String message, Throwable cause) {
        super(message, cause);
    }
}
