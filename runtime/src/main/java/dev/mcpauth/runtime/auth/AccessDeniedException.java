package dev.mcpauth.runtime.auth;

/**
 * A refusal by {@link Authorizer}. It passes unchanged through tool invocation (it is never turned into a
 * tool result), so the MCP endpoint can answer with the HTTP status the refusal calls for; code that calls
 * a protected bean method outside an MCP request receives it as the method's exception.
 */
public abstract sealed class AccessDeniedException extends RuntimeException
        permits InsufficientScopeException, AccessForbiddenException, NotAuthenticatedException {

    private static final long serialVersionUID = 1L;

    AccessDeniedException(String description) {
        // no stack trace: a refusal is an expected outcome, and its message is the whole story
        super(description, null, false, false);
    }

    /**
     * Why, as the audit log and the metrics name it.
     *
     * @return the reason
     */
    public abstract AuditLog.Reason reason();
}
