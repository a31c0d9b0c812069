package dev.mcpauth.runtime.auth;

import dev.mcpauth.McpCaller;
import dev.mcpauth.runtime.jsonrpc.Jsonp;
import dev.mcpauth.runtime.tools.ToolDefinition;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URI;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * This MCP endpoint as an OAuth 2.1 protected resource: its metadata document (RFC 9728), the challenges
 * it sends (RFC 6750 §3), and the scope decisions it makes. Everything here is computed once, at startup.
 */
public final class ProtectedResource {

    /** The well-known suffix of RFC 9728 §3. */
    public static final String WELL_KNOWN = "/.well-known/oauth-protected-resource";

    private final AuthSettings settings;
    private final TokenVerifier verifier;
    private final String metadataUrl;
    private final String resourcePath;
    private final List<String> challengeScopes;
    private final JsonObject metadata;
    private final String[] rolesClaimPath;

    /**
     * The resource of this deployment.
     *
     * @param settings the checked settings, with auth enabled
     * @param verifier how tokens are verified
     * @param tools every tool of the deployment
     * @param contextPath the WAR's context path ({@code ""} at the root)
     */
    public ProtectedResource(AuthSettings settings, TokenVerifier verifier, List<ToolDefinition> tools, String contextPath) {
        this.settings = settings;
        this.verifier = verifier;
        URI resource = settings.metadata().resource();
        // RFC 9728 §3.1: a terminating slash after the host is removed before the suffix is inserted
        this.resourcePath = resource.getRawPath() == null || resource.getRawPath().equals("/") ? "" : resource.getRawPath();
        // RFC 9728 §3.1 inserts the well-known suffix between host and path; a WAR below the root serves the
        // same path under its context root, which is what the challenge then points to
        this.metadataUrl = resource.getScheme() + "://" + resource.getRawAuthority() + contextPath + WELL_KNOWN + resourcePath;
        this.challengeScopes = settings.metadata().challengeScopes().orElseGet(() -> basicScopes(tools));
        this.metadata = metadataDocument(settings, settings.metadata().scopesSupported().orElseGet(() -> allScopes(tools)));
        this.rolesClaimPath = settings.authorization().rolesClaim().split("\\.");
    }

    /** The scopes of the tools that add no method-level requirement: what a client needs for basic use. */
    static List<String> basicScopes(List<ToolDefinition> tools) {
        Set<String> scopes = new TreeSet<>();
        tools.stream().filter(tool -> !tool.methodLevelScopes()).forEach(tool -> scopes.addAll(tool.requiredScopes()));
        return List.copyOf(scopes);
    }

    static List<String> allScopes(List<ToolDefinition> tools) {
        Set<String> scopes = new TreeSet<>();
        tools.forEach(tool -> scopes.addAll(tool.requiredScopes()));
        return List.copyOf(scopes);
    }

    private static JsonObject metadataDocument(AuthSettings settings, List<String> scopesSupported) {
        JsonArrayBuilder servers = Jsonp.array();
        settings.metadata().authorizationServers().forEach(servers::add);
        JsonArrayBuilder scopes = Jsonp.array();
        scopesSupported.forEach(scopes::add);
        JsonObjectBuilder document = Jsonp.object()
                .add("resource", settings.metadata().resource().toString())
                .add("authorization_servers", servers)
                .add("scopes_supported", scopes)
                .add("bearer_methods_supported", Jsonp.array().add("header"))
                .add("resource_name", settings.metadata().resourceName());
        settings.metadata().resourceDocumentation().ifPresent(url -> document.add("resource_documentation", url));
        return document.build();
    }

    /** The RFC 9728 document. */
    public JsonObject metadata() {
        return metadata;
    }

    /** Where the challenge says the metadata is. */
    public String metadataUrl() {
        return metadataUrl;
    }

    /** The path of the resource URL, which the path-inserted metadata location repeats. */
    public String resourcePath() {
        return resourcePath;
    }

    /** The token verifier. */
    public TokenVerifier verifier() {
        return verifier;
    }

    /** The settings. */
    public AuthSettings settings() {
        return settings;
    }

    /**
     * The 401 challenge: no token, or (with {@code error}) a rejected one.
     *
     * @param error {@link BearerChallenge#INVALID_TOKEN}, {@link BearerChallenge#INVALID_REQUEST} or null
     * @param description why, or null
     * @return the {@code WWW-Authenticate} value
     */
    public String challenge(String error, String description) {
        return BearerChallenge.format(error, description, challengeScopes, metadataUrl);
    }

    /**
     * The 403 challenge for a call that needs more scopes.
     *
     * @param refusal what the call needs
     * @return the {@code WWW-Authenticate} value
     */
    public String insufficientScope(InsufficientScopeException refusal) {
        return BearerChallenge.format(BearerChallenge.INSUFFICIENT_SCOPE, refusal.getMessage(), refusal.required(), metadataUrl);
    }

    /**
     * Refuses a call the caller's scopes do not cover.
     *
     * @param tool the tool called
     * @param caller who calls
     * @throws InsufficientScopeException when scopes are missing
     */
    public static void requireScopes(ToolDefinition tool, McpCaller caller) {
        List<String> missing = Scopes.missing(tool.requiredScopes(), caller.scopes());
        if (!missing.isEmpty()) {
            throw new InsufficientScopeException(tool.requiredScopes(), missing);
        }
    }

    /**
     * Refuses a call the caller's roles do not cover: a tool with Jakarta {@code @RolesAllowed} needs one of them.
     *
     * @param tool the tool called
     * @param roles the caller's roles, from {@link #rolesOf(McpCaller)}
     * @throws InsufficientScopeException when the caller has none of the roles
     */
    public static void requireRole(ToolDefinition tool, Set<String> roles) {
        if (!hasRole(tool, roles)) {
            throw new InsufficientScopeException(tool.requiredScopes(), List.of(),
                    "The call needs one of the roles: " + String.join(" ", tool.rolesAllowed()));
        }
    }

    /**
     * The tools a caller may call, in order.
     *
     * @param tools all tools
     * @param caller who asks
     * @param roles the caller's roles, from {@link #rolesOf(McpCaller)}
     * @return those whose scopes and roles the caller has
     */
    public static List<ToolDefinition> visibleTo(List<ToolDefinition> tools, McpCaller caller, Set<String> roles) {
        return tools.stream().filter(tool -> caller.scopes().containsAll(tool.requiredScopes()) && hasRole(tool, roles)).toList();
    }

    /**
     * The tools a caller may call, in order, when roles are the caller's scopes.
     *
     * @param tools all tools
     * @param caller who asks
     * @return those whose scopes the caller has
     */
    public static List<ToolDefinition> visibleTo(List<ToolDefinition> tools, McpCaller caller) {
        return visibleTo(tools, caller, caller.scopes());
    }

    private static boolean hasRole(ToolDefinition tool, Set<String> roles) {
        return tool.rolesAllowed().isEmpty() || tool.rolesAllowed().stream().anyMatch(roles::contains);
    }

    /**
     * The caller's roles for {@code @RolesAllowed} and {@code SecurityContext.isUserInRole}: the granted scopes
     * plus the strings of the claim {@code mcp.auth.roles-claim} names (a dotted path, such as
     * {@code realm_access.roles}).
     *
     * @param caller a verified caller
     * @return the roles
     */
    public Set<String> rolesOf(McpCaller caller) {
        Object claim = caller.claims();
        for (String step : rolesClaimPath) {
            claim = claim instanceof Map<?, ?> map ? map.get(step) : null;
        }
        if (!(claim instanceof Collection<?> || claim instanceof String)) {
            return caller.scopes();
        }
        Set<String> roles = new LinkedHashSet<>(caller.scopes());
        if (claim instanceof String single) {
            roles.add(single);
        } else {
            ((Collection<?>) claim).forEach(role -> roles.add(String.valueOf(role)));
        }
        return roles;
    }
}
