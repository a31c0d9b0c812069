package dev.mcpauth.runtime.auth;

import static dev.mcpauth.runtime.auth.AuthFixtures.ISSUER;
import static dev.mcpauth.runtime.auth.AuthFixtures.minimal;
import static dev.mcpauth.runtime.auth.AuthFixtures.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mcpauth.McpCaller;
import dev.mcpauth.spi.TokenVerifier.TokenRejectedException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who a verified token stands for, as a tool's {@link McpCaller} parameter sees it. */
class CallerClaimsTest {

    private static final String PARTNER = "https://partners.example.org";
    private static final CallerClaims DEFAULTS = new CallerClaims(settings(minimal(Map.of())));
    private static final CallerClaims TWO_ISSUERS =
            new CallerClaims(settings(minimal(Map.of("mcp.auth.issuers", ISSUER + "," + PARTNER))));

    private static Map<String, Object> claims(Object... namesAndValues) {
        Map<String, Object> claims = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            claims.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return claims;
    }

    private static McpCaller caller(Object... namesAndValues) throws TokenRejectedException {
        return DEFAULTS.toCaller(claims(namesAndValues), ISSUER);
    }

    private static String rejection(CallerClaims rules, String issuer, Object... namesAndValues) {
        return assertThrows(TokenRejectedException.class, () -> rules.toCaller(claims(namesAndValues), issuer))
                .getMessage();
    }

    @Test
    void theSubjectIsSubAndTheClientIsClientIdBeforeAzp() throws Exception {
        McpCaller caller =
                caller("sub", "alice", "client_id", "desk-app", "azp", "other-app", "preferred_username", "al");
        assertEquals("alice", caller.subject());
        assertEquals("desk-app", caller.clientId());
        assertEquals(ISSUER, caller.issuer());
    }

    @Test
    void azpNamesTheClientWhenClientIdIsMissing() throws Exception {
        assertEquals("desk-app", caller("sub", "alice", "azp", "desk-app").clientId());
    }

    @Test
    void aTokenWithoutSubIsRefusedByDefault() {
        // before: the subject fell back to preferred_username, client_id, azp, then "unknown"
        assertEquals(
                "The token has no subject",
                rejection(DEFAULTS, ISSUER, "preferred_username", "al", "client_id", "desk-app"));
        assertEquals("The token has no subject", rejection(DEFAULTS, ISSUER, "azp", "other-app"));
        assertEquals("The token has no subject", rejection(DEFAULTS, ISSUER, "sub", "", "client_id", "desk-app"));
        assertEquals("The token has no subject", rejection(DEFAULTS, ISSUER));
    }

    @Test
    void configuredFallbackClaimsNameTheCallerInOrder() throws Exception {
        CallerClaims rules = new CallerClaims(
                settings(minimal(Map.of("mcp.auth.subject-fallback-claims", "preferred_username, client_id"))));
        assertEquals(
                "al",
                rules.toCaller(claims("preferred_username", "al", "client_id", "desk-app"), ISSUER)
                        .subject());
        assertEquals(
                "desk-app",
                rules.toCaller(claims("client_id", "desk-app", "azp", "other-app"), ISSUER)
                        .subject());
        assertEquals(
                "alice",
                rules.toCaller(claims("sub", "alice", "client_id", "desk-app"), ISSUER)
                        .subject());
        assertEquals(
                "The token has no subject", rejection(rules, ISSUER, "azp", "other-app", "preferred_username", 42));
    }

    @Test
    void emptyOrNonStringClientNamesAreSkipped() throws Exception {
        McpCaller caller = caller("sub", "alice", "client_id", 42, "azp", "desk-app");
        assertEquals("desk-app", caller.clientId());
        assertNull(caller("sub", "alice").clientId());
    }

    @Test
    void scopesComeFromScopeAndScp() throws Exception {
        assertEquals(
                Set.of("tickets:read", "tickets:write", "admin"),
                caller("sub", "alice", "scope", "tickets:read tickets:write", "scp", List.of("admin", "tickets:read"))
                        .scopes());
    }

    @Test
    void nullClaimsAreDroppedAndTheOthersKept() throws Exception {
        McpCaller caller = caller("sub", "alice", "email", null, "scope", null, "exp", 1700000000L);
        assertEquals(Map.of("sub", "alice", "exp", 1700000000L), caller.claims());
        assertFalse(caller.claim("email").isPresent());
        assertEquals(Set.of(), caller.scopes());
    }

    @Test
    void theSameSubOfAnotherIssuerIsAnotherCaller() throws Exception {
        McpCaller primary = TWO_ISSUERS.toCaller(claims("sub", "alice"), ISSUER);
        McpCaller partner = TWO_ISSUERS.toCaller(claims("sub", "alice"), PARTNER);
        assertEquals("alice", primary.subject());
        assertEquals("alice@" + PARTNER, partner.subject());
        assertEquals(PARTNER, partner.issuer());
        assertNotEquals(primary.subject(), partner.subject());
    }

    @Test
    void aPrimarySubjectShapedLikeAQualifiedOneIsRefused() {
        assertEquals("The token's subject is ambiguous", rejection(TWO_ISSUERS, ISSUER, "sub", "alice@" + PARTNER));
    }

    @Test
    void anIssuerLimitedToSomeScopesGrantsOnlyThose() throws Exception {
        CallerClaims rules = new CallerClaims(settings(minimal(Map.of(
                "mcp.auth.issuers", ISSUER + "," + PARTNER, "mcp.auth.issuer-scopes", PARTNER + "=tickets:read"))));
        assertEquals(
                Set.of("tickets:read"),
                rules.toCaller(claims("sub", "bob", "scope", "tickets:read tickets:write admin"), PARTNER)
                        .scopes());
        assertEquals(
                Set.of("tickets:read", "tickets:write", "admin"),
                rules.toCaller(claims("sub", "alice", "scope", "tickets:read tickets:write admin"), ISSUER)
                        .scopes(),
                "an issuer not listed is not limited");
    }

    @Test
    void anIdTokenIsNotAnAccessToken() {
        assertEquals(
                "An ID token is not an access token",
                rejection(DEFAULTS, ISSUER, "sub", "alice", "nonce", "n-0S6_WzA2Mj"));
        assertEquals("An ID token is not an access token", rejection(DEFAULTS, ISSUER, "sub", "alice", "typ", "ID"));
        assertEquals("An ID token is not an access token", rejection(DEFAULTS, ISSUER, "sub", "alice", "typ", "id"));
    }

    @Test
    void keycloaksBearerTypClaimIsAnAccessToken() throws Exception {
        assertEquals("alice", caller("sub", "alice", "typ", "Bearer").subject());
    }
}
