package dev.mcpauth.runtime.auth;

import static dev.mcpauth.runtime.auth.AuthFixtures.ISSUER;
import static dev.mcpauth.runtime.auth.AuthFixtures.minimal;
import static dev.mcpauth.runtime.auth.AuthFixtures.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mcpauth.McpCaller;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Roles for {@code @RolesAllowed}: from the roles claim of trusted issuers, never from scopes unless asked. */
class CallerRolesTest {

    private static final String PARTNER = "https://partners.example.org";

    private static McpCaller caller(String issuer, Set<String> scopes, Map<String, Object> claims) {
        return new McpCaller("alice", "desk-app", scopes, claims, issuer);
    }

    @Test
    void rolesComeFromTheRolesClaimOnlyNotFromScopes() {
        CallerRoles roles = new CallerRoles(settings(minimal(Map.of())));
        // before: a client could ask for a scope named "admin" and pass @RolesAllowed("admin")
        assertEquals(
                Set.of("support"),
                roles.of(caller(ISSUER, Set.of("admin", "tickets:read"), Map.of("groups", List.of("support")))));
        assertEquals(Set.of(), roles.of(caller(ISSUER, Set.of("admin"), Map.of())));
    }

    @Test
    void scopesCountAsRolesWhenConfigured() {
        CallerRoles roles = new CallerRoles(settings(minimal(Map.of("mcp.auth.roles-include-scopes", "true"))));
        assertEquals(
                Set.of("support", "tickets:read"),
                roles.of(caller(ISSUER, Set.of("tickets:read"), Map.of("groups", List.of("support")))));
    }

    @Test
    void aDottedPathReachesNestedRoles() {
        CallerRoles roles = new CallerRoles(settings(minimal(Map.of("mcp.auth.roles-claim", "realm_access.roles"))));
        Map<String, Object> claims = new HashMap<>();
        claims.put("realm_access", Map.of("roles", List.of("admin", "user")));
        assertEquals(Set.of("admin", "user"), roles.of(caller(ISSUER, Set.of(), claims)));
        assertEquals(
                Set.of("solo"), roles.of(caller(ISSUER, Set.of(), Map.of("realm_access", Map.of("roles", "solo")))));
    }

    @Test
    void byDefaultOnlyThePrimaryIssuersRolesClaimCounts() {
        CallerRoles roles = new CallerRoles(settings(minimal(Map.of("mcp.auth.issuers", ISSUER + "," + PARTNER))));
        Map<String, Object> claims = Map.of("groups", List.of("admin"));
        assertEquals(Set.of("admin"), roles.of(caller(ISSUER, Set.of(), claims)));
        assertEquals(Set.of(), roles.of(caller(PARTNER, Set.of(), claims)));
        assertEquals(
                Set.of("admin"),
                roles.of(caller(null, Set.of(), claims)),
                "a custom verifier's caller counts as the primary issuer's");
    }

    @Test
    void listedIssuersMayGrantRoles() {
        CallerRoles roles = new CallerRoles(settings(minimal(Map.of(
                "mcp.auth.issuers", ISSUER + "," + PARTNER, "mcp.auth.roles-claim-issuers", ISSUER + "," + PARTNER))));
        assertEquals(Set.of("admin"), roles.of(caller(PARTNER, Set.of(), Map.of("groups", List.of("admin")))));
    }
}
