package dev.mcpauth;

/**
 * A call to another API on behalf of the MCP caller ({@link OnBehalfOf}) could not get a token for that API. Its
 * message is meant for the model and the user, like any {@link McpException}: a tool that lets it escape answers
 * with a tool error saying why. {@link #reason()} tells a tool that wants to react which case it is.
 */
public class DownstreamAccessException extends McpException {

    private static final long serialVersionUID = 1L;

    /** Why no token was obtained. */
    public enum Reason {
        /** The authorization server refused to issue a token for this user and API: asking again will not help. */
        REFUSED,
        /** The authorization server could not be reached or failed: a later attempt may succeed. */
        UNAVAILABLE,
        /**
         * The MCP server itself is not set up to call the API (its client credentials were refused, or configuration is
         * missing): the operator has to act; the log says what.
         */
        MISCONFIGURED
    }

    /** The API's name, as in {@link OnBehalfOf#value()}. */
    private final String api;

    /** Why no token was obtained. */
    private final Reason reason;

    /**
     * A failure to get a token for an API.
     *
     * @param api the API's name ({@link OnBehalfOf#value()})
     * @param reason why
     * @param message the text the client sees
     */
    public DownstreamAccessException(String api, Reason reason, String message) {
        super(message);
        this.api = api;
        this.reason = reason;
    }

    /**
     * The API's name.
     *
     * @return the name given in {@link OnBehalfOf}
     */
    public String api() {
        return api;
    }

    /**
     * Why no token was obtained.
     *
     * @return the reason
     */
    public Reason reason() {
        return reason;
    }
}
