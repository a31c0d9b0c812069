package dev.mcpauth.runtime.auth;

import java.util.List;

/**
 * The caller's token lacks scopes a call needs; the endpoint answers 403 with an {@code insufficient_scope}
 * challenge naming every scope the call needs, so the client can ask the user for them (MCP 2025-11-25,
 * Authorization, Scope Challenge Handling; RFC 6750 §3.1).
 */
public final class InsufficientScopeException extends AccessDeniedException {

    private static final long serialVersionUID = 1L;

    private final List<String> required;
    private final List<String> missing;

    /**
     * A refusal.
     *
     * @param required every scope the call needs
     * @param missing those the caller lacks, not empty
     */
    public InsufficientScopeException(List<String> required, List<String> missing) {
        super("The call needs scope(s): " + String.join(" ", missing));
        this.required = List.copyOf(required);
        this.missing = List.copyOf(missing);
    }

    /** Every scope the call needs. */
    public List<String> required() {
        return required;
    }

    /** The scopes the caller lacks. */
    public List<String> missing() {
        return missing;
    }

    @Override
    public AuditLog.Reason reason() {
        return AuditLog.Reason.INSUFFICIENT_SCOPE;
    }
}
