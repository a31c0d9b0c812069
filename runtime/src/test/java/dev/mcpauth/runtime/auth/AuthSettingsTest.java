package dev.mcpauth.runtime.auth;

import static dev.mcpauth.runtime.auth.AuthFixtures.ISSUER;
import static dev.mcpauth.runtime.auth.AuthFixtures.RESOURCE;
import static dev.mcpauth.runtime.auth.AuthFixtures.config;
import static dev.mcpauth.runtime.auth.AuthFixtures.minimal;
import static dev.mcpauth.runtime.auth.AuthFixtures.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading the resource server's configuration: defaults, and one message per problem naming its key. */
class AuthSettingsTest {

    /** The single problem {@code values} has; fails unless there is exactly one and no settings. */
    private static String onlyProblem(Map<String, String> values) {
        AuthSettings.Loaded loaded = AuthSettings.load(config(values));
        assertNull(loaded.settings());
        assertEquals(1, loaded.problems().size(), loaded.problems().toString());
        return loaded.problems().get(0);
    }

    private static void assertNames(String problem, String id, String key) {
        assertTrue(problem.startsWith(id + ": "), problem);
        assertTrue(problem.contains(key), problem);
    }

    @Test
    void theResourceAndIssuerAloneGiveWorkingDefaults() {
        AuthSettings settings = settings(minimal(Map.of()));
        assertTrue(settings.enabled());
        assertEquals(URI.create(RESOURCE), settings.metadata().resource());
        assertEquals(ISSUER, settings.token().issuer());
        assertEquals(Optional.empty(), settings.token().jwksLocation());
        assertEquals(Set.of(RESOURCE), settings.token().audiences());
        assertEquals(60, settings.token().clockSkewSeconds());
        assertEquals(List.of(ISSUER), settings.metadata().authorizationServers());
        assertEquals(Optional.empty(), settings.metadata().scopesSupported());
        assertEquals(Optional.empty(), settings.metadata().challengeScopes());
        assertEquals("mcp-server", settings.metadata().resourceName());
        assertEquals(Optional.empty(), settings.metadata().resourceDocumentation());
        assertEquals(2000, settings.token().httpTimeoutMillis());
    }

    @Test
    void theResourceNameFallsBackFromItsOwnKeyToTheServerTitleToTheServerName() {
        assertEquals(
                "tickets",
                settings(minimal(Map.of("mcp.server.name", "tickets")))
                        .metadata()
                        .resourceName());
        assertEquals(
                "Ticket Desk",
                settings(minimal(Map.of("mcp.server.name", "tickets", "mcp.server.title", "Ticket Desk")))
                        .metadata()
                        .resourceName());
        assertEquals(
                "Desk API",
                settings(minimal(Map.of(
                                "mcp.server.name",
                                "tickets",
                                "mcp.server.title",
                                "Ticket Desk",
                                "mcp.auth.resource-name",
                                "Desk API")))
                        .metadata()
                        .resourceName());
    }

    @Test
    void configuredValuesReplaceTheDefaults() {
        AuthSettings settings = settings(minimal(Map.of(
                "mp.jwt.verify.publickey.location", "https://idp.example.com/keys",
                "mp.jwt.verify.audiences", "https://a.example.com, mcp-api",
                "mp.jwt.verify.clock.skew", "5",
                "mcp.auth.authorization-servers", "https://as1.example.com,https://as2.example.com",
                "mcp.auth.scopes-supported", "tickets:read,tickets:write",
                "mcp.auth.challenge-scopes", "tickets:read",
                "mcp.auth.resource-documentation", "https://docs.example.com/mcp",
                "mcp.auth.http-timeout-ms", "500")));
        assertEquals(
                Optional.of(URI.create("https://idp.example.com/keys")),
                settings.token().jwksLocation());
        assertEquals(
                Set.of("https://a.example.com", "mcp-api"), settings.token().audiences());
        assertEquals(5, settings.token().clockSkewSeconds());
        assertEquals(
                List.of("https://as1.example.com", "https://as2.example.com"),
                settings.metadata().authorizationServers());
        assertEquals(
                Optional.of(List.of("tickets:read", "tickets:write")),
                settings.metadata().scopesSupported());
        assertEquals(Optional.of(List.of("tickets:read")), settings.metadata().challengeScopes());
        assertEquals(
                Optional.of("https://docs.example.com/mcp"), settings.metadata().resourceDocumentation());
        assertEquals(500, settings.token().httpTimeoutMillis());
    }

    @Test
    void disabledAuthNeedsNoOtherKey() {
        AuthSettings.Loaded loaded = AuthSettings.load(config(Map.of("mcp.auth.enabled", "false")));
        assertEquals(List.of(), loaded.problems());
        assertFalse(loaded.settings().enabled());
    }

    @Test
    void aMissingResourceIsReported() {
        assertNames(onlyProblem(Map.of("mp.jwt.verify.issuer", ISSUER)), "MCPAUTH-0401", "mcp.auth.resource");
    }

    @Test
    void aMissingIssuerIsReported() {
        assertNames(onlyProblem(Map.of("mcp.auth.resource", RESOURCE)), "MCPAUTH-0402", "mp.jwt.verify.issuer");
    }

    /** The problems {@code values} has; fails if there are none. */
    private static List<String> problems(Map<String, String> values) {
        AuthSettings.Loaded loaded = AuthSettings.load(config(values));
        assertNull(loaded.settings());
        assertFalse(loaded.problems().isEmpty());
        return loaded.problems();
    }

    @Test
    void aResourceWithAFragmentIsReported() {
        String problem = problems(minimal(Map.of("mcp.auth.resource", RESOURCE + "#part")))
                .get(0);
        assertNames(problem, "MCPAUTH-0403", "mcp.auth.resource");
        assertTrue(problem.contains(RESOURCE + "#part"), problem);
    }

    @Test
    void aResourceThatIsNotAnHttpUrlIsReported() {
        assertNames(
                problems(minimal(Map.of("mcp.auth.resource", "urn:mcp:tickets")))
                        .get(0),
                "MCPAUTH-0404",
                "mcp.auth.resource");
    }

    @ParameterizedTest
    @ValueSource(strings = {RESOURCE + "#part", "urn:mcp:tickets"})
    void anInvalidResourceIsNotAlsoReportedAsMissing(String resource) {
        List<String> problems = problems(minimal(Map.of("mcp.auth.resource", resource)));
        assertEquals(1, problems.size(), problems.toString());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"idp.example.com", "ftp://idp.example.com", "/realms/mcp", "https://", "http://exa mple.com"})
    void anIssuerThatIsNotAnHttpUrlIsReported(String issuer) {
        String problem = onlyProblem(minimal(Map.of("mp.jwt.verify.issuer", issuer)));
        assertNames(problem, "MCPAUTH-0404", "mp.jwt.verify.issuer");
        assertTrue(problem.contains("'" + issuer + "'"), problem);
    }

    @Test
    void anInvalidScopeIsReported() {
        String problem = onlyProblem(minimal(Map.of("mcp.auth.scopes-supported", "tickets:read,tick\"ets")));
        assertNames(problem, "MCPAUTH-0405", "mcp.auth.scopes-supported");
        assertTrue(problem.contains("tick\"ets"), problem);
    }

    @Test
    void anEnabledFlagThatIsNotABooleanIsReported() {
        String problem = onlyProblem(minimal(Map.of("mcp.auth.enabled", "maybe")));
        assertNames(problem, "MCPAUTH-0406", "mcp.auth.enabled");
        assertTrue(problem.contains("'maybe'"), problem);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "soon", "1.5"})
    void aClockSkewThatIsNotANonNegativeWholeNumberIsReported(String skew) {
        assertNames(
                onlyProblem(minimal(Map.of("mp.jwt.verify.clock.skew", skew))),
                "MCPAUTH-0407",
                "mp.jwt.verify.clock.skew");
    }

    @Test
    void aZeroClockSkewIsAllowed() {
        assertEquals(
                0,
                settings(minimal(Map.of("mp.jwt.verify.clock.skew", "0")))
                        .token()
                        .clockSkewSeconds());
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        AuthSettings.Loaded loaded = AuthSettings.load(
                config(minimal(Map.of("mp.jwt.verify.clock.skew", "-5", "mcp.auth.challenge-scopes", "café"))));
        assertNull(loaded.settings());
        assertEquals(2, loaded.problems().size(), loaded.problems().toString());
        assertNames(loaded.problems().get(0), "MCPAUTH-0407", "mp.jwt.verify.clock.skew");
        assertNames(loaded.problems().get(1), "MCPAUTH-0405", "mcp.auth.challenge-scopes");
    }

    @Test
    void withNoKeysBothRequiredKeysAreReported() {
        List<String> problems = AuthSettings.load(config(Map.of())).problems();
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("MCPAUTH-0401"), problems.get(0));
        assertTrue(problems.get(1).startsWith("MCPAUTH-0402"), problems.get(1));
    }

    @Test
    void theNewKeysHaveSafeDefaults() {
        AuthSettings settings = settings(minimal(Map.of()));
        assertFalse(settings.token().requireAtJwt());
        assertFalse(settings.token().allowInsecureHttp());
        assertEquals(List.of(), settings.token().subjectFallbackClaims());
        assertEquals(ISSUER, settings.token().primaryIssuer());
        assertEquals("groups", settings.authorization().rolesClaim());
        assertEquals(Set.of(ISSUER), settings.authorization().rolesClaimIssuers());
        assertFalse(settings.authorization().rolesIncludeScopes());
        assertEquals(Map.of(), settings.authorization().issuerScopes());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"mp.jwt.verify.issuer", "mp.jwt.verify.publickey.location", "mcp.auth.introspection.endpoint"})
    void aCleartextAuthorizationServerUrlIsReported(String key) {
        Map<String, String> values = new java.util.HashMap<>(minimal(Map.of(
                "mcp.auth.verifier",
                "jwt-or-introspection",
                "mcp.auth.introspection.client-id",
                "rs",
                "mcp.auth.introspection.client-secret",
                "s")));
        values.put(key, "http://idp.example.com/realms/mcp");
        String problem = onlyProblem(values);
        assertNames(problem, "MCPAUTH-0412", key);
        assertTrue(problem.contains("mcp.auth.allow-insecure-http"), problem);
    }

    @Test
    void aCleartextIssuerAmongSeveralIsReported() {
        assertNames(
                onlyProblem(minimal(Map.of("mcp.auth.issuers", ISSUER + ",http://partners.example.org"))),
                "MCPAUTH-0412",
                "mcp.auth.issuers");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://localhost:8180/realms/mcp",
                "http://127.0.0.1:8180/realms/mcp",
                "http://127.1.2.3/realms/mcp",
                "http://[::1]:8180/realms/mcp",
                "http://LOCALHOST/realms/mcp"
            })
    void cleartextOnLoopbackIsAllowed(String issuer) {
        assertEquals(
                issuer,
                settings(minimal(Map.of(
                                "mp.jwt.verify.issuer", issuer, "mp.jwt.verify.publickey.location", issuer + "/certs")))
                        .token()
                        .issuer());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://localhost.example.com/realms/mcp",
                "http://127.0.0.1.nip.io/realms/mcp",
                "http://[::2]/realms/mcp",
                "http://10.0.0.1/realms/mcp",
                "http://128.0.0.1/realms/mcp"
            })
    void hostsThatOnlyLookLikeLoopbackAreNot(String issuer) {
        assertNames(
                onlyProblem(minimal(Map.of("mp.jwt.verify.issuer", issuer))), "MCPAUTH-0412", "mp.jwt.verify.issuer");
    }

    @Test
    void cleartextAnywhereIsAllowedWhenConfigured() {
        AuthSettings settings = settings(minimal(Map.of(
                "mp.jwt.verify.issuer", "http://idp.internal/realms/mcp", "mcp.auth.allow-insecure-http", "true")));
        assertTrue(settings.token().allowInsecureHttp());
    }

    @Test
    void issuerScopesAndRolesClaimIssuersMustNameAcceptedIssuers() {
        String partner = "https://partners.example.org";
        AuthSettings settings = settings(minimal(Map.of(
                "mcp.auth.issuers",
                ISSUER + "," + partner,
                "mcp.auth.issuer-scopes",
                partner + "=tickets:read tickets:write",
                "mcp.auth.roles-claim-issuers",
                partner)));
        assertEquals(
                Map.of(partner, Set.of("tickets:read", "tickets:write")),
                settings.authorization().issuerScopes());
        assertEquals(Set.of(partner), settings.authorization().rolesClaimIssuers());
        assertNames(
                onlyProblem(minimal(Map.of("mcp.auth.issuer-scopes", "https://stranger.example.com=tickets:read"))),
                "MCPAUTH-0413",
                "mcp.auth.issuer-scopes");
        assertNames(
                onlyProblem(minimal(Map.of("mcp.auth.issuer-scopes", ISSUER + "=tick\"ets"))),
                "MCPAUTH-0413",
                "mcp.auth.issuer-scopes");
        assertNames(
                onlyProblem(minimal(Map.of("mcp.auth.roles-claim-issuers", partner))),
                "MCPAUTH-0414",
                "mcp.auth.roles-claim-issuers");
    }

    @Test
    void badNewValuesNameTheirKeys() {
        assertNames(
                onlyProblem(minimal(Map.of("mcp.auth.require-at-jwt", "yes"))),
                "MCPAUTH-0406",
                "mcp.auth.require-at-jwt");
        assertNames(
                onlyProblem(minimal(Map.of("mcp.auth.http-timeout-ms", "0"))),
                "MCPAUTH-0302",
                "mcp.auth.http-timeout-ms");
        assertNames(
                onlyProblem(minimal(Map.of(
                        "mcp.auth.verifier",
                        "introspection",
                        "mcp.auth.introspection.client-id",
                        "rs",
                        "mcp.auth.introspection.client-secret",
                        "s",
                        "mcp.auth.introspection.max-concurrent",
                        "0"))),
                "MCPAUTH-0302",
                "mcp.auth.introspection.max-concurrent");
    }
}
