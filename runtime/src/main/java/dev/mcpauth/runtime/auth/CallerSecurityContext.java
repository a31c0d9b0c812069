package dev.mcpauth.runtime.auth;

import dev.mcpauth.McpCaller;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;

/**
 * The JAX-RS view of the caller: the principal is the token's subject, and a "role" is a granted scope,
 * so {@code securityContext.isUserInRole("tickets:write")} asks for a scope.
 */
public final class CallerSecurityContext implements SecurityContext {

    private final McpCaller caller;
    private final boolean secure;

    /**
     * The security context of a verified caller.
     *
     * @param caller the caller
     * @param secure whether the request came over https
     */
    public CallerSecurityContext(McpCaller caller, boolean secure) {
        this.caller = caller;
        this.secure = secure;
    }

    @Override
    public Principal getUserPrincipal() {
        return caller::subject;
    }

    @Override
    public boolean isUserInRole(String role) {
        return caller.hasScope(role);
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public String getAuthenticationScheme() {
        return "Bearer";
    }
}
