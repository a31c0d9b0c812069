package dev.mcpauth.runtime.auth;

/**
 * A protected operation was invoked without a verified caller while authentication is on: from code outside
 * an MCP request (another bean, a REST resource of the application), or through an MCP endpoint that was
 * published without the authentication filter. Fail closed.
 */
public final class NotAuthenticatedException extends AccessDeniedException {

    private static final long serialVersionUID = 1L;

    /** A refusal. */
    public NotAuthenticatedException() {
        super("The operation needs an authenticated MCP caller");
    }

    @Override
    public AuditLog.Reason reason() {
        return AuditLog.Reason.NOT_AUTHENTICATED;
    }
}
