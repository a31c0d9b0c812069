package dev.mcpauth.runtime.auth;

import dev.mcpauth.McpCaller;
import jakarta.enterprise.context.RequestScoped;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The caller of the current HTTP request, set by the authentication filter once the token is verified. */
@RequestScoped
public class CallerHolder {

    private McpCaller caller;
    private String rawToken;
    private Set<String> roles = Set.of();
    private boolean dpop;

    /**
     * Records the verified caller.
     *
     * @param caller who calls
     * @param rawToken the token they presented, or null without auth; only for {@code JsonWebToken#getRawToken}
     */
    public void set(McpCaller caller, String rawToken) {
        set(caller, rawToken, caller.scopes());
    }

    /**
     * Records the verified caller and their roles.
     *
     * @param caller who calls
     * @param rawToken the token they presented
     * @param roles their roles for {@code @RolesAllowed}
     */
    public void set(McpCaller caller, String rawToken, Set<String> roles) {
        this.caller = caller;
        this.rawToken = rawToken;
        this.roles = roles;
    }

    /**
     * Records that the caller presented a DPoP-bound token with its proof (RFC 9449), so that a refusal challenges
     * with the DPoP scheme.
     *
     * @param used whether the request used the {@code DPoP} scheme
     */
    public void usedDpop(boolean used) {
        this.dpop = used;
    }

    /**
     * Whether the caller presented a DPoP-bound token with its proof.
     *
     * @return true for the {@code DPoP} scheme
     */
    public boolean dpop() {
        return dpop;
    }

    /**
     * The caller's roles: their scopes and the roles claim.
     *
     * @return the roles, empty outside an authenticated MCP request
     */
    public Set<String> roles() {
        return roles;
    }

    /**
     * The caller, or null outside an MCP request that passed authentication.
     *
     * @return the caller
     */
    public McpCaller caller() {
        return caller;
    }

    /**
     * The access token the caller presented, for a token exchange on their behalf; never log or forward it.
     *
     * @return the token, or null outside an authenticated MCP request
     */
    public String rawToken() {
        return rawToken;
    }

    /**
     * The caller as MicroProfile JWT's view, for code written against {@code JsonWebToken}.
     *
     * @return the token view; one without claims outside an authenticated MCP request
     */
    public JsonWebToken jsonWebToken() {
        return new CallerJsonWebToken(caller == null ? McpCaller.ANONYMOUS : caller, rawToken);
    }
}
