package dev.mcpauth.runtime.auth;

import static dev.mcpauth.McpConfigKeys.AUTH_AUTHORIZATION_SERVERS;
import static dev.mcpauth.McpConfigKeys.AUTH_CHALLENGE_SCOPES;
import static dev.mcpauth.McpConfigKeys.AUTH_RESOURCE_DOCUMENTATION;
import static dev.mcpauth.McpConfigKeys.AUTH_RESOURCE_NAME;
import static dev.mcpauth.McpConfigKeys.AUTH_SCOPES_SUPPORTED;
import static dev.mcpauth.McpConfigKeys.DEFAULT_SERVER_NAME;
import static dev.mcpauth.McpConfigKeys.SERVER_NAME;
import static dev.mcpauth.McpConfigKeys.SERVER_TITLE;

import dev.mcpauth.runtime.config.ConfigReader;
import dev.mcpauth.runtime.messages.Message;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * What the resource says about itself: its protected resource metadata (RFC 9728 §2) and the scopes of its
 * 401 challenge (RFC 6750 §3).
 *
 * @param resource the canonical resource URI (RFC 8707), the PRM {@code resource}; null when auth is off
 * @param authorizationServers the PRM {@code authorization_servers}
 * @param scopesSupported the PRM {@code scopes_supported}, or empty to use the scopes of the tools
 * @param challengeScopes the 401 challenge's {@code scope}, or empty to use the minimal set of the tools
 * @param resourceName the PRM {@code resource_name}
 * @param resourceDocumentation the PRM {@code resource_documentation}, or empty
 */
public record ResourceMetadataSettings(
        URI resource,
        List<String> authorizationServers,
        Optional<List<String>> scopesSupported,
        Optional<List<String>> challengeScopes,
        String resourceName,
        Optional<String> resourceDocumentation) {

    /** The name the metadata gives the resource: its own key, else the server's title, else its name. */
    static String resourceName(ConfigReader config) {
        return config.string(AUTH_RESOURCE_NAME)
                .or(() -> config.string(SERVER_TITLE))
                .or(() -> config.string(SERVER_NAME))
                .orElse(DEFAULT_SERVER_NAME);
    }

    /** Only the name: what a deployment without auth still shows. */
    static ResourceMetadataSettings disabled(ConfigReader config) {
        return new ResourceMetadataSettings(
                null, List.of(), Optional.empty(), Optional.empty(), resourceName(config), Optional.empty());
    }

    static ResourceMetadataSettings read(ConfigReader config, URI resource, List<String> issuers) {
        Optional<List<String>> configuredServers = config.list(AUTH_AUTHORIZATION_SERVERS);
        configuredServers.ifPresent(
                listed -> listed.forEach(server -> config.httpUrl(AUTH_AUTHORIZATION_SERVERS, server)));
        Optional<List<String>> scopesSupported = config.list(AUTH_SCOPES_SUPPORTED);
        Optional<List<String>> challengeScopes = config.list(AUTH_CHALLENGE_SCOPES);
        scopesSupported.ifPresent(scopes -> checkScopes(scopes, AUTH_SCOPES_SUPPORTED, config));
        challengeScopes.ifPresent(scopes -> checkScopes(scopes, AUTH_CHALLENGE_SCOPES, config));
        Optional<String> documentation = config.string(AUTH_RESOURCE_DOCUMENTATION);
        documentation.ifPresent(url -> config.httpUrl(AUTH_RESOURCE_DOCUMENTATION, url));
        return new ResourceMetadataSettings(
                resource,
                List.copyOf(configuredServers.orElse(issuers)),
                scopesSupported,
                challengeScopes,
                resourceName(config),
                documentation);
    }

    static void checkScopes(List<String> scopes, String key, ConfigReader config) {
        for (String scope : scopes) {
            if (!Scopes.isScopeToken(scope)) {
                config.problem(Message.CONFIG_SCOPE_INVALID.format(key, scope));
            }
        }
    }
}
