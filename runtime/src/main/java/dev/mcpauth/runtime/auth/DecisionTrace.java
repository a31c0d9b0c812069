package dev.mcpauth.runtime.auth;

import dev.mcpauth.McpCaller;
import java.util.List;

/**
 * Puts each authorization decision on the trace of the request it was made for (the current span), so an operator who
 * follows a trace sees whether the call was allowed, or refused and why; {@link #NONE} without tracing. Never a token,
 * and of the caller only the OAuth client.
 */
public interface DecisionTrace {

    /** Records nothing. */
    DecisionTrace NONE = (decision, status, reason, caller, missingScopes) -> {};

    /**
     * Records one decision on the current span.
     *
     * @param decision {@code allow} or {@code deny}
     * @param status the HTTP status sent
     * @param reason why
     * @param caller who called, or null before authentication
     * @param missingScopes the scopes the caller lacks, possibly none
     */
    void decided(String decision, int status, AuditLog.Reason reason, McpCaller caller, List<String> missingScopes);
}
