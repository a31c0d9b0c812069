package dev.mcpauth.runtime.transport;

import dev.mcpauth.McpCaller;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.Set;

/**
 * The JAX-RS view of the caller: the principal is the token's subject, and the roles are the granted scopes
 * plus the roles claim ({@code mcp.auth.roles-claim}), so {@code isUserInRole("tickets:write")} asks for a scope.
 */
final class CallerSecurityContext implements SecurityContext {

    private final McpCaller caller;
    private final Set<String> roles;
    private final boolean secure;

    /**
     * The security context of a verified caller.
     *
     * @param caller the caller
     * @param roles the caller's roles (scopes and the roles claim)
     * @param secure whether the request came over https
     */
    CallerSecurityContext(McpCaller caller, Set<String> roles, boolean secure) {
        this.caller = caller;
        this.roles = roles;
        this.secure = secure;
    }

    @Override
    public Principal getUserPrincipal() {
        return caller::subject;
    }

    @Override
    public boolean isUserInRole(String role) {
        return roles.contains(role);
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
