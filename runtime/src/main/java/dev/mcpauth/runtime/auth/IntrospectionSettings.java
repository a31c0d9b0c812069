package dev.mcpauth.runtime.auth;

import static dev.mcpauth.McpConfigKeys.AUTH_INTROSPECTION_CACHE_TTL;
import static dev.mcpauth.McpConfigKeys.AUTH_INTROSPECTION_CLIENT_AUTH;
import static dev.mcpauth.McpConfigKeys.AUTH_INTROSPECTION_CLIENT_ID;
import static dev.mcpauth.McpConfigKeys.AUTH_INTROSPECTION_CLIENT_SECRET;
import static dev.mcpauth.McpConfigKeys.AUTH_INTROSPECTION_ENDPOINT;
import static dev.mcpauth.McpConfigKeys.AUTH_INTROSPECTION_MAX_CONCURRENT;
import static dev.mcpauth.McpConfigKeys.AUTH_VERIFIER;
import static dev.mcpauth.McpConfigKeys.DEFAULT_INTROSPECTION_CACHE_TTL_SECONDS;
import static dev.mcpauth.McpConfigKeys.DEFAULT_INTROSPECTION_MAX_CONCURRENT;

import dev.mcpauth.runtime.config.ConfigReader;
import dev.mcpauth.runtime.messages.Message;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * The introspection client (RFC 7662 §2.1: the resource server authenticates at the endpoint).
 *
 * @param endpoint the endpoint, or empty to discover it from the issuer's metadata
 * @param clientId this resource server's client id
 * @param clientSecret its secret
 * @param basicAuth whether to authenticate with HTTP Basic (else with form parameters)
 * @param cacheTtlSeconds at most how long a result is reused
 * @param maxConcurrent at most how many introspections run at once
 */
public record IntrospectionSettings(
        Optional<URI> endpoint,
        String clientId,
        String clientSecret,
        boolean basicAuth,
        int cacheTtlSeconds,
        int maxConcurrent) {

    @Override
    public String toString() {
        return "IntrospectionSettings[endpoint=" + endpoint + ", clientId=" + clientId + ", clientSecret=***]";
    }

    /** The client, or null when its credentials are missing (then a problem is recorded). */
    static IntrospectionSettings read(ConfigReader config, HttpsRule https) {
        Optional<URI> endpoint = config.httpUrl(AUTH_INTROSPECTION_ENDPOINT);
        endpoint.ifPresent(uri -> TokenSettings.requireHttps(uri, AUTH_INTROSPECTION_ENDPOINT, https, config));
        Optional<String> clientId = config.string(AUTH_INTROSPECTION_CLIENT_ID);
        Optional<String> secret = config.raw(AUTH_INTROSPECTION_CLIENT_SECRET);
        if (clientId.isEmpty() || secret.isEmpty()) {
            config.problem(Message.CONFIG_INTROSPECTION_CLIENT_REQUIRED.format(
                    AUTH_VERIFIER, AUTH_INTROSPECTION_CLIENT_ID, AUTH_INTROSPECTION_CLIENT_SECRET));
            return null;
        }
        String auth =
                config.string(AUTH_INTROSPECTION_CLIENT_AUTH).orElse("basic").toLowerCase(Locale.ROOT);
        if (!auth.equals("basic") && !auth.equals("post")) {
            config.problem(
                    Message.CONFIG_INTROSPECTION_CLIENT_AUTH_UNKNOWN.format(AUTH_INTROSPECTION_CLIENT_AUTH, auth));
        }
        int ttl = config.nonNegativeInt(AUTH_INTROSPECTION_CACHE_TTL, DEFAULT_INTROSPECTION_CACHE_TTL_SECONDS);
        int maxConcurrent = config.positiveInt(AUTH_INTROSPECTION_MAX_CONCURRENT, DEFAULT_INTROSPECTION_MAX_CONCURRENT);
        return new IntrospectionSettings(
                endpoint, clientId.get(), secret.get(), !auth.equals("post"), ttl, maxConcurrent);
    }
}
