package dev.mcpauth.runtime.auth;

import dev.mcpauth.runtime.tools.ToolInvoker;
import java.util.List;

/**
 * The caller's token lacks scopes a call needs; the endpoint answers 403 with an {@code insufficient_scope}
 * challenge naming every scope the call needs, so the client can ask the user for them (MCP 2025-11-25,
 * Authorization, Scope Challenge Handling).
 */
public final class InsufficientScopeException extends RuntimeException implements ToolInvoker.PassThrough {

    private static final long serialVersionUID = 1L;

    private final List<String> required;
    private final List<String> missing;

    /**
     * A refusal.
     *
     * @param required every scope the call needs
     * @param missing those the caller lacks
     */
    public InsufficientScopeException(List<String> required, List<String> missing) {
        this(required, missing, "The call needs scope(s): " + String.join(" ", missing));
    }

    /**
     * A refusal with its own explanation (a missing role, say).
     *
     * @param required every scope the call needs
     * @param missing those the caller lacks
     * @param description the client-facing explanation
     */
    public InsufficientScopeException(List<String> required, List<String> missing, String description) {
        super(description, null, false, false);
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
}
