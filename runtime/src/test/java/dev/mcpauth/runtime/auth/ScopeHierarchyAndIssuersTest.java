package dev.mcpauth.runtime.auth;

import static dev.mcpauth.runtime.auth.AuthFixtures.ISSUER;
import static dev.mcpauth.runtime.auth.AuthFixtures.config;
import static dev.mcpauth.runtime.auth.AuthFixtures.minimal;
import static dev.mcpauth.runtime.auth.AuthFixtures.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpauth.McpCaller;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The scope hierarchy, several issuers, introspection settings and the JWT-or-opaque decision. */
class ScopeHierarchyAndIssuersTest {

    @Test
    void impliedScopesAreAddedTransitively() {
        Map<String, Set<String>> hierarchy = settings(minimal(Map.of(
                        "mcp.auth.scope-implications", "tickets:admin=tickets:write, tickets:write=tickets:read")))
                .authorization()
                .scopeImplications();
        McpCaller admin = ScopeHierarchy.expand(new McpCaller("a", null, Set.of("tickets:admin"), Map.of()), hierarchy);
        assertEquals(Set.of("tickets:admin", "tickets:write", "tickets:read"), admin.scopes());
        McpCaller reader = new McpCaller("r", null, Set.of("tickets:read"), Map.of());
        assertSame(reader, ScopeHierarchy.expand(reader, hierarchy), "nothing implied, nothing copied");
    }

    @Test
    void aCycleInTheHierarchyEnds() {
        Map<String, Set<String>> hierarchy = settings(minimal(Map.of("mcp.auth.scope-implications", "a=b,b=a")))
                .authorization()
                .scopeImplications();
        assertEquals(Set.of("b"), hierarchy.get("a"));
    }

    @Test
    void aMalformedHierarchyEntryNamesTheKey() {
        List<String> problems = AuthSettings.load(
                        config(minimal(Map.of("mcp.auth.scope-implications", "tickets:admin"))))
                .problems();
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("MCPAUTH-0411: mcp.auth.scope-implications"), problems.get(0));
    }

    @Test
    void severalIssuersAreAllAuthorizationServers() {
        AuthSettings settings = settings(minimal(Map.of("mcp.auth.issuers", ISSUER + ",https://partners.example.org")));
        assertEquals(
                List.of(ISSUER, "https://partners.example.org"),
                settings.token().issuers());
        assertEquals(
                List.of(ISSUER, "https://partners.example.org"),
                settings.metadata().authorizationServers());
        assertEquals(
                "https://partners.example.org",
                settings.forIssuer("https://partners.example.org").token().issuer());
        assertTrue(
                settings.forIssuer("https://partners.example.org")
                        .token()
                        .jwksLocation()
                        .isEmpty(),
                "another issuer's keys come from its metadata");
    }

    @Test
    void issuersAloneAreEnough() {
        Map<String, String> values = new java.util.HashMap<>(Map.of(
                "mcp.auth.resource",
                AuthFixtures.RESOURCE,
                "mcp.auth.issuers",
                "https://a.example.com,https://b.example.com"));
        AuthSettings settings = settings(values);
        assertEquals("https://a.example.com", settings.token().issuer());
    }

    @Test
    void introspectionNeedsClientCredentials() {
        List<String> problems = AuthSettings.load(config(minimal(Map.of("mcp.auth.verifier", "introspection"))))
                .problems();
        assertTrue(problems.get(0).startsWith("MCPAUTH-0409"), problems.toString());
        AuthSettings settings = settings(minimal(Map.of(
                "mcp.auth.verifier",
                "jwt-or-introspection",
                "mcp.auth.introspection.client-id",
                "rs",
                "mcp.auth.introspection.client-secret",
                "secret",
                "mcp.auth.introspection.client-auth",
                "post")));
        assertEquals(AuthSettings.Verifier.JWT_OR_INTROSPECTION, settings.verifier());
        assertFalse(settings.introspection().orElseThrow().basicAuth());
        assertFalse(
                settings.introspection().orElseThrow().toString().contains("secret"), "the secret never reaches a log");
        List<String> bad = new ArrayList<>(AuthSettings.load(config(minimal(Map.of("mcp.auth.verifier", "magic"))))
                .problems());
        assertTrue(bad.get(0).startsWith("MCPAUTH-0408"), bad.toString());
    }

    @Test
    void onlyThreePartTokensCountAsJwts() {
        assertTrue(JwtOrIntrospectionVerifier.looksLikeJwt("a.b.c"));
        assertFalse(JwtOrIntrospectionVerifier.looksLikeJwt("2YotnFZFEjr1zCsicMWpAA"));
        assertFalse(JwtOrIntrospectionVerifier.looksLikeJwt("a.b.c.d.e"), "an encrypted JWT is not verified locally");
        assertFalse(JwtOrIntrospectionVerifier.looksLikeJwt("a.b"));
    }
}
