package dev.mcpauth.runtime.auth;

/**
 * The caller lacks a role the operation needs, or the operation denies everyone ({@code @DenyAll}). No
 * new token can change that, so the endpoint answers a plain 403 without an {@code insufficient_scope}
 * challenge: a client must not be sent back to the authorization server for scopes that would not help.
 */
public final class AccessForbiddenException extends AccessDeniedException {

    private static final long serialVersionUID = 1L;

    /**
     * A refusal.
     *
     * @param description the client-facing explanation
     */
    public AccessForbiddenException(String description) {
        super(description);
    }

    @Override
    public AuditLog.Reason reason() {
        return AuditLog.Reason.FORBIDDEN;
    }
}
