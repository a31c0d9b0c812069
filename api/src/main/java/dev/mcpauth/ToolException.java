package dev.mcpauth;

/**
 * A failure of a tool's work whose message is meant for the model: the call answers with a result that
 * has {@code isError: true} and this message as its text, so the model can correct itself or tell the user
 * (MCP 2025-11-25, Tools, Error Handling: tool execution errors are reported in the result).
 *
 * <pre>{@code
 * @Tool(description = "Read one of the caller's tickets")
 * public Ticket getTicket(McpCaller caller, String id) {
 *     return store.find(caller.subject(), id).orElseThrow(() -> new ToolException("No ticket " + id + " for you"));
 * }
 * }</pre>
 *
 * <p>Any other exception a tool throws is treated as a bug, not as a message: it is logged with an incident id,
 * and the client receives only a generic text naming that id, so internal details (SQL, host names, file
 * paths) never reach a model or a user. {@link Error}s such as {@code OutOfMemoryError} are not caught.
 */
public class ToolException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * A failure to report to the model.
     *
     * @param message the text the model sees; write it for the model and the user, never put secrets in it
     */
    public ToolException(String message) {
        super(message);
    }

    /**
     * A failure to report to the model, with its cause for the server log.
     *
     * @param message the text the model sees
     * @param cause the underlying failure, logged on the server only
     */
    public ToolException(String message, Throwable cause) {
        super(message, cause);
    }
}
