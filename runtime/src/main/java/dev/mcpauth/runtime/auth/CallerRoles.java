package dev.mcpauth.runtime.auth;

import dev.mcpauth.McpCaller;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A caller's roles for Jakarta {@code @RolesAllowed} and {@code SecurityContext.isUserInRole}: the strings of the
 * claim {@code mcp.auth.roles-claim} names (a dotted path, such as {@code realm_access.roles}), honoured only for
 * tokens of the issuers {@code mcp.auth.roles-claim-issuers} lists (default: the primary issuer), so another trusted
 * issuer cannot hand out this application's roles. Scopes are not roles: a client asks for scopes, a user is given
 * roles; they count as roles only with {@code mcp.auth.roles-include-scopes=true}.
 */
public final class CallerRoles {

    private final String[] claimPath;
    private final Set<String> claimIssuers;
    private final String primaryIssuer;
    private final boolean includeScopes;

    /**
     * The rules of the configuration.
     *
     * @param settings the resource server settings, with auth enabled
     */
    public CallerRoles(AuthSettings settings) {
        this.claimPath = settings.authorization().rolesClaim().split("\\.");
        this.claimIssuers = settings.authorization().rolesClaimIssuers();
        this.primaryIssuer = settings.token().primaryIssuer();
        this.includeScopes = settings.authorization().rolesIncludeScopes();
    }

    /**
     * The roles of a caller.
     *
     * @param caller a verified caller; one without an issuer (from a custom verifier that names none) counts as the
     *     primary issuer's
     * @return the roles, in claim order, then the scopes when they count as roles
     */
    public Set<String> of(McpCaller caller) {
        Set<String> roles = new LinkedHashSet<>();
        String issuer = caller.issuer() == null ? primaryIssuer : caller.issuer();
        if (claimIssuers.contains(issuer)) {
            Object claim = caller.claims();
            for (String step : claimPath) {
                claim = claim instanceof Map<?, ?> map ? map.get(step) : null;
            }
            if (claim instanceof String single && !single.isEmpty()) {
                roles.add(single);
            } else if (claim instanceof Collection<?> values) {
                values.forEach(value -> {
                    if (value instanceof String role && !role.isEmpty()) {
                        roles.add(role);
                    }
                });
            }
        }
        if (includeScopes) {
            roles.addAll(caller.scopes());
        }
        return Collections.unmodifiableSet(roles);
    }
}
