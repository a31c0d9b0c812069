package dev.mcpauth.runtime.auth;

import dev.mcpauth.McpCaller;
import jakarta.enterprise.context.RequestScoped;

/** The caller of the current HTTP request, set by the authentication filter once the token is verified. */
@RequestScoped
public class CallerHolder {

    private McpCaller caller;
    private String rawToken;

    /**
     * Records the verified caller.
     *
     * @param caller who calls
     * @param rawToken the token they presented, or null without auth; only for {@code JsonWebToken#getRawToken}
     */
    public void set(McpCaller caller, String rawToken) {
        this.caller = caller;
        this.rawToken = rawToken;
    }

    /**
     * The caller, or null outside an MCP request that passed authentication.
     *
     * @return the caller
     */
    public McpCaller caller() {
        return caller;
    }

    String rawToken() {
        return rawToken;
    }
}
