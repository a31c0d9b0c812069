package dev.mcpauth.runtime.auth;

import static dev.mcpauth.runtime.auth.AuthFixtures.ISSUER;
import static dev.mcpauth.runtime.auth.AuthFixtures.RESOURCE;
import static dev.mcpauth.runtime.auth.AuthFixtures.minimal;
import static dev.mcpauth.runtime.auth.AuthFixtures.requirement;
import static dev.mcpauth.runtime.auth.AuthFixtures.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mcpauth.McpCaller;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The endpoint as a protected resource: its metadata document and its challenges. */
class ProtectedResourceTest {

    /** list and read need tickets:read (class level); close adds tickets:write on its method; ping needs nothing. */
    private static final List<AccessRequirement> TOOLS = List.of(
            requirement(false, "tickets:read"),
            requirement(false, "tickets:read"),
            requirement(true, "tickets:read", "tickets:write"),
            requirement(false),
            requirement(false, "admin"));

    private static ProtectedResource resource(Map<String, String> extra, String contextPath) {
        return new ProtectedResource(settings(minimal(extra)), token -> McpCaller.ANONYMOUS, TOOLS, contextPath);
    }

    private static List<String> strings(JsonObject object, String name) {
        return object.getJsonArray(name).getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .toList();
    }

    @Test
    void theMetadataHasExactlyTheRfc9728Fields() {
        JsonObject metadata = resource(Map.of("mcp.server.name", "tickets"), "").metadata();
        assertEquals(
                Set.of(
                        "resource",
                        "authorization_servers",
                        "scopes_supported",
                        "bearer_methods_supported",
                        "resource_name",
                        // DPoP is accepted by default (mcp.auth.dpop=optional), so the proof algorithms are named
                        "dpop_signing_alg_values_supported"),
                metadata.keySet());
        assertEquals(
                List.of("ES256", "ES384", "PS256", "RS256"), strings(metadata, "dpop_signing_alg_values_supported"));
        assertEquals(RESOURCE, metadata.getString("resource"));
        assertEquals(List.of(ISSUER), strings(metadata, "authorization_servers"));
        assertEquals(List.of("admin", "tickets:read", "tickets:write"), strings(metadata, "scopes_supported"));
        assertEquals(List.of("header"), strings(metadata, "bearer_methods_supported"));
        assertEquals("tickets", metadata.getString("resource_name"));
    }

    @Test
    void configuredScopesAndDocumentationAppearInTheMetadata() {
        JsonObject metadata = resource(
                        Map.of(
                                "mcp.auth.scopes-supported",
                                "tickets:write,tickets:read",
                                "mcp.auth.resource-documentation",
                                "https://docs.example.com/mcp"),
                        "")
                .metadata();
        assertEquals(List.of("tickets:write", "tickets:read"), strings(metadata, "scopes_supported"));
        assertEquals("https://docs.example.com/mcp", metadata.getString("resource_documentation"));
    }

    @Test
    void withoutToolScopesScopesSupportedIsAnEmptyArray() {
        ProtectedResource resource = new ProtectedResource(
                settings(minimal(Map.of())), token -> McpCaller.ANONYMOUS, List.of(requirement(false)), "");
        assertEquals(List.of(), strings(resource.metadata(), "scopes_supported"));
        assertEquals(
                "Bearer resource_metadata=\"https://mcp.example.com/.well-known/oauth-protected-resource/mcp\"",
                resource.challenge(null, null));
    }

    @Test
    void theMetadataUrlInsertsTheWellKnownSuffixAfterTheContextRoot() {
        assertEquals(
                "https://mcp.example.com/.well-known/oauth-protected-resource/mcp",
                resource(Map.of(), "").metadataUrl());
        assertEquals(
                "https://mcp.example.com/tickets/.well-known/oauth-protected-resource/mcp",
                resource(Map.of(), "/tickets").metadataUrl());
        assertEquals("/mcp", resource(Map.of(), "/tickets").resourcePath());
    }

    @Test
    void theMetadataUrlKeepsThePortOfTheResource() {
        assertEquals(
                "http://localhost:9080/app/.well-known/oauth-protected-resource/app/mcp",
                resource(Map.of("mcp.auth.resource", "http://localhost:9080/app/mcp"), "/app")
                        .metadataUrl());
    }

    @Test
    void theChallengeAsksForTheScopesOfToolsWithoutMethodLevelScopes() {
        assertEquals(
                "Bearer scope=\"admin tickets:read\","
                        + " resource_metadata=\"https://mcp.example.com/.well-known/oauth-protected-resource/mcp\"",
                resource(Map.of(), "").challenge(null, null));
    }

    @Test
    void configuredChallengeScopesWin() {
        assertEquals(
                "Bearer error=\"invalid_token\", error_description=\"The token has expired\", scope=\"tickets:read\","
                        + " resource_metadata=\"https://mcp.example.com/.well-known/oauth-protected-resource/mcp\"",
                resource(Map.of("mcp.auth.challenge-scopes", "tickets:read"), "")
                        .challenge(BearerChallenge.INVALID_TOKEN, "The token has expired"));
    }

    @Test
    void theForbiddenChallengeAsksForEveryScopeTheCallNeeds() {
        InsufficientScopeException refusal = new InsufficientScopeException(
                List.of("tickets:read", "tickets:write"), List.of("tickets:read", "tickets:write"));
        assertEquals(
                "Bearer error=\"insufficient_scope\", error_description=\"The call needs scope(s): tickets:read tickets:write\","
                        + " scope=\"tickets:read tickets:write\","
                        + " resource_metadata=\"https://mcp.example.com/.well-known/oauth-protected-resource/mcp\"",
                resource(Map.of(), "").insufficientScope(refusal));
    }
}
