package dev.mcpauth.runtime.auth;

import static dev.mcpauth.runtime.auth.AuthFixtures.ISSUER;
import static dev.mcpauth.runtime.auth.AuthFixtures.RESOURCE;
import static dev.mcpauth.runtime.auth.AuthFixtures.minimal;
import static dev.mcpauth.runtime.auth.AuthFixtures.settings;
import static dev.mcpauth.runtime.auth.AuthFixtures.tool;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mcpauth.McpCaller;
import dev.mcpauth.runtime.tools.ToolDefinition;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The endpoint as a protected resource: its metadata document, its challenges and its scope decisions. */
class ProtectedResourceTest {

    /** list and read need tickets:read (class level); close adds tickets:write on its method; ping needs nothing. */
    private static final List<ToolDefinition> TOOLS = List.of(
            tool("list", false, "tickets:read"),
            tool("read", false, "tickets:read"),
            tool("close", true, "tickets:read", "tickets:write"),
            tool("ping", false),
            tool("audit", false, "admin"));

    private static ProtectedResource resource(Map<String, String> extra, String contextPath) {
        return new ProtectedResource(settings(minimal(extra)), token -> McpCaller.ANONYMOUS, TOOLS, contextPath);
    }

    private static McpCaller caller(String... scopes) {
        return new McpCaller("alice", "desk-app", Set.of(scopes), Map.of());
    }

    private static List<String> strings(JsonObject object, String name) {
        return object.getJsonArray(name).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    private static List<String> names(List<ToolDefinition> tools) {
        return tools.stream().map(ToolDefinition::name).toList();
    }

    @Test
    void theMetadataHasExactlyTheRfc9728Fields() {
        JsonObject metadata = resource(Map.of("mcp.server.name", "tickets"), "").metadata();
        assertEquals(Set.of("resource", "authorization_servers", "scopes_supported", "bearer_methods_supported", "resource_name"),
                metadata.keySet());
        assertEquals(RESOURCE, metadata.getString("resource"));
        assertEquals(List.of(ISSUER), strings(metadata, "authorization_servers"));
        assertEquals(List.of("admin", "tickets:read", "tickets:write"), strings(metadata, "scopes_supported"));
        assertEquals(List.of("header"), strings(metadata, "bearer_methods_supported"));
        assertEquals("tickets", metadata.getString("resource_name"));
    }

    @Test
    void configuredScopesAndDocumentationAppearInTheMetadata() {
        JsonObject metadata = resource(Map.of("mcp.auth.scopes-supported", "tickets:write,tickets:read",
                "mcp.auth.resource-documentation", "https://docs.example.com/mcp"), "").metadata();
        assertEquals(List.of("tickets:write", "tickets:read"), strings(metadata, "scopes_supported"));
        assertEquals("https://docs.example.com/mcp", metadata.getString("resource_documentation"));
    }

    @Test
    void withoutToolScopesScopesSupportedIsAnEmptyArray() {
        ProtectedResource resource = new ProtectedResource(settings(minimal(Map.of())), token -> McpCaller.ANONYMOUS,
                List.of(tool("ping", false)), "");
        assertEquals(List.of(), strings(resource.metadata(), "scopes_supported"));
        assertEquals("Bearer resource_metadata=\"https://mcp.example.com/.well-known/oauth-protected-resource/mcp\"",
                resource.challenge(null, null));
    }

    @Test
    void theMetadataUrlInsertsTheWellKnownSuffixAfterTheContextRoot() {
        assertEquals("https://mcp.example.com/.well-known/oauth-protected-resource/mcp", resource(Map.of(), "").metadataUrl());
        assertEquals("https://mcp.example.com/tickets/.well-known/oauth-protected-resource/mcp", resource(Map.of(), "/tickets").metadataUrl());
        assertEquals("/mcp", resource(Map.of(), "/tickets").resourcePath());
    }

    @Test
    void theMetadataUrlKeepsThePortOfTheResource() {
        assertEquals("http://localhost:9080/app/.well-known/oauth-protected-resource/app/mcp",
                resource(Map.of("mcp.auth.resource", "http://localhost:9080/app/mcp"), "/app").metadataUrl());
    }

    @Test
    void theChallengeAsksForTheScopesOfToolsWithoutMethodLevelScopes() {
        assertEquals("Bearer scope=\"admin tickets:read\","
                        + " resource_metadata=\"https://mcp.example.com/.well-known/oauth-protected-resource/mcp\"",
                resource(Map.of(), "").challenge(null, null));
    }

    @Test
    void configuredChallengeScopesWin() {
        assertEquals("Bearer error=\"invalid_token\", error_description=\"The token has expired\", scope=\"tickets:read\","
                        + " resource_metadata=\"https://mcp.example.com/.well-known/oauth-protected-resource/mcp\"",
                resource(Map.of("mcp.auth.challenge-scopes", "tickets:read"), "")
                        .challenge(BearerChallenge.INVALID_TOKEN, "The token has expired"));
    }

    @Test
    void callersSeeOnlyTheToolsTheirScopesCover() {
        assertEquals(List.of("ping"), names(ProtectedResource.visibleTo(TOOLS, caller())));
        assertEquals(List.of("list", "read", "ping"), names(ProtectedResource.visibleTo(TOOLS, caller("tickets:read"))));
        assertEquals(List.of("list", "read", "close", "ping"),
                names(ProtectedResource.visibleTo(TOOLS, caller("tickets:read", "tickets:write", "other"))));
    }

    @Test
    void aCallLackingScopesIsRefusedWithEveryRequiredAndTheMissingOnes() {
        ToolDefinition close = TOOLS.get(2);
        InsufficientScopeException refusal = assertThrows(InsufficientScopeException.class,
                () -> ProtectedResource.requireScopes(close, caller("tickets:read")));
        assertEquals(List.of("tickets:read", "tickets:write"), refusal.required());
        assertEquals(List.of("tickets:write"), refusal.missing());
        assertEquals("The call needs scope(s): tickets:write", refusal.getMessage());
    }

    @Test
    void theForbiddenChallengeAsksForEveryScopeTheCallNeeds() {
        InsufficientScopeException refusal = assertThrows(InsufficientScopeException.class,
                () -> ProtectedResource.requireScopes(TOOLS.get(2), caller()));
        assertEquals("Bearer error=\"insufficient_scope\", error_description=\"The call needs scope(s): tickets:read tickets:write\","
                        + " scope=\"tickets:read tickets:write\","
                        + " resource_metadata=\"https://mcp.example.com/.well-known/oauth-protected-resource/mcp\"",
                resource(Map.of(), "").insufficientScope(refusal));
    }

    @Test
    void aCallWithEveryScopeOrOfAToolWithoutScopesPasses() {
        assertDoesNotThrow(() -> ProtectedResource.requireScopes(TOOLS.get(2), caller("tickets:write", "tickets:read")));
        assertDoesNotThrow(() -> ProtectedResource.requireScopes(TOOLS.get(3), caller()));
        assertFalse(ProtectedResource.visibleTo(TOOLS, caller()).isEmpty());
    }
}
