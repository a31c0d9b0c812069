package dev.mcpauth.runtime.auth;

import dev.mcpauth.McpCaller;

/**
 * When a caller's token expires, from its {@code exp} claim: what decides whether something that outlives the request
 * (a session's notification, a task's status) may still reach that caller.
 */
public final class TokenExpiry {

    private TokenExpiry() {}

    /**
     * The expiry of the caller's token.
     *
     * @param caller the caller
     * @return epoch seconds, or 0 when the token has no {@code exp}
     */
    public static long of(McpCaller caller) {
        return caller.claim("exp")
                .map(exp -> exp instanceof Number n ? n.longValue() : 0L)
                .orElse(0L);
    }
}
