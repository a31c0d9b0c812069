package dev.mcpauth.runtime.auth;

import static dev.mcpauth.McpConfigKeys.AUTH_ISSUER_SCOPES;
import static dev.mcpauth.McpConfigKeys.AUTH_ROLES_CLAIM;
import static dev.mcpauth.McpConfigKeys.AUTH_ROLES_CLAIM_ISSUERS;
import static dev.mcpauth.McpConfigKeys.AUTH_ROLES_INCLUDE_SCOPES;
import static dev.mcpauth.McpConfigKeys.AUTH_SCOPE_IMPLICATIONS;
import static dev.mcpauth.McpConfigKeys.DEFAULT_ROLES_CLAIM;

import dev.mcpauth.runtime.config.ConfigReader;
import dev.mcpauth.runtime.messages.Message;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a verified caller may do beyond its token's literal scopes: the scope hierarchy, which scopes each issuer
 * may grant, and where roles come from.
 *
 * @param rolesClaim the claim (a dotted path) holding the caller's roles
 * @param rolesClaimIssuers the issuers whose roles claim is honoured
 * @param rolesIncludeScopes whether granted scopes count as roles too
 * @param scopeImplications each scope and every scope it implies (transitively), from the scope hierarchy
 * @param issuerScopes for each limited issuer, the only scopes its tokens may grant; an issuer not in the map is unlimited
 */
public record AuthorizationSettings(
        String rolesClaim,
        Set<String> rolesClaimIssuers,
        boolean rolesIncludeScopes,
        Map<String, Set<String>> scopeImplications,
        Map<String, Set<String>> issuerScopes) {

    static AuthorizationSettings disabled() {
        return new AuthorizationSettings(DEFAULT_ROLES_CLAIM, Set.of(), false, Map.of(), Map.of());
    }

    /**
     * Reads the authorization keys.
     *
     * @param issuers the accepted issuers, the primary one first (empty when that key is missing, already reported)
     */
    static AuthorizationSettings read(ConfigReader config, List<String> issuers) {
        String rolesClaim = config.string(AUTH_ROLES_CLAIM)
                .filter(claim -> !claim.isEmpty())
                .orElse(DEFAULT_ROLES_CLAIM);
        Set<String> rolesClaimIssuers = new LinkedHashSet<>();
        for (String listed :
                config.list(AUTH_ROLES_CLAIM_ISSUERS).orElse(issuers.isEmpty() ? List.of() : List.of(issuers.get(0)))) {
            if (issuers.contains(listed)) {
                rolesClaimIssuers.add(listed);
            } else if (!issuers.isEmpty()) {
                config.problem(
                        Message.CONFIG_ROLES_CLAIM_ISSUER_UNKNOWN.format(AUTH_ROLES_CLAIM_ISSUERS, listed, issuers));
            }
        }
        boolean includeScopes = config.bool(AUTH_ROLES_INCLUDE_SCOPES, false);
        Map<String, Set<String>> implications = config.list(AUTH_SCOPE_IMPLICATIONS)
                .map(entries -> ScopeHierarchy.parse(entries, AUTH_SCOPE_IMPLICATIONS, config))
                .orElse(Map.of());
        Map<String, Set<String>> issuerScopes = new LinkedHashMap<>();
        for (String entry : config.list(AUTH_ISSUER_SCOPES).orElse(List.of())) {
            // RFC 8414 §2: an issuer has no query, so its URL holds no '=' and the first one ends it
            int equals = entry.indexOf('=');
            String issuer = equals < 0 ? "" : entry.substring(0, equals).trim();
            String scopes = equals < 0 ? "" : entry.substring(equals + 1).trim();
            List<String> granted = scopes.isEmpty() ? List.of() : List.of(scopes.split("\\s+"));
            if (!issuers.contains(issuer) || !granted.stream().allMatch(Scopes::isScopeToken)) {
                if (!issuers.isEmpty()) {
                    config.problem(Message.CONFIG_ISSUER_SCOPES_INVALID.format(AUTH_ISSUER_SCOPES, entry, issuers));
                }
                continue;
            }
            issuerScopes.computeIfAbsent(issuer, i -> new LinkedHashSet<>()).addAll(granted);
        }
        issuerScopes.replaceAll((issuer, scopes) -> Set.copyOf(scopes));
        return new AuthorizationSettings(
                rolesClaim, Set.copyOf(rolesClaimIssuers), includeScopes, implications, Map.copyOf(issuerScopes));
    }
}
