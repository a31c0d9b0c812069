package dev.mcpauth.runtime.auth;

import static dev.mcpauth.McpConfigKeys.AUTH_AUTHORIZATION_SERVERS;
import static dev.mcpauth.McpConfigKeys.AUTH_CHALLENGE_SCOPES;
import static dev.mcpauth.McpConfigKeys.AUTH_ENABLED;
import static dev.mcpauth.McpConfigKeys.AUTH_HTTP_TIMEOUT_MS;
import static dev.mcpauth.McpConfigKeys.AUTH_INTROSPECTION_CACHE_TTL;
import static dev.mcpauth.McpConfigKeys.AUTH_INTROSPECTION_CLIENT_AUTH;
import static dev.mcpauth.McpConfigKeys.AUTH_INTROSPECTION_CLIENT_ID;
import static dev.mcpauth.McpConfigKeys.AUTH_INTROSPECTION_CLIENT_SECRET;
import static dev.mcpauth.McpConfigKeys.AUTH_INTROSPECTION_ENDPOINT;
import static dev.mcpauth.McpConfigKeys.AUTH_RESOURCE;
import static dev.mcpauth.McpConfigKeys.AUTH_RESOURCE_DOCUMENTATION;
import static dev.mcpauth.McpConfigKeys.AUTH_RESOURCE_NAME;
import static dev.mcpauth.McpConfigKeys.AUTH_SCOPES_SUPPORTED;
import static dev.mcpauth.McpConfigKeys.AUTH_SCOPE_IMPLICATIONS;
import static dev.mcpauth.McpConfigKeys.AUTH_TOKEN_CACHE_SIZE;
import static dev.mcpauth.McpConfigKeys.AUTH_VERIFIER;
import static dev.mcpauth.McpConfigKeys.DEFAULT_CLOCK_SKEW_SECONDS;
import static dev.mcpauth.McpConfigKeys.DEFAULT_HTTP_TIMEOUT_MS;
import static dev.mcpauth.McpConfigKeys.DEFAULT_INTROSPECTION_CACHE_TTL_SECONDS;
import static dev.mcpauth.McpConfigKeys.DEFAULT_SERVER_NAME;
import static dev.mcpauth.McpConfigKeys.DEFAULT_TOKEN_CACHE_SIZE;
import static dev.mcpauth.McpConfigKeys.JWT_AUDIENCES;
import static dev.mcpauth.McpConfigKeys.JWT_CLOCK_SKEW;
import static dev.mcpauth.McpConfigKeys.JWT_ISSUER;
import static dev.mcpauth.McpConfigKeys.JWT_JWKS_LOCATION;
import static dev.mcpauth.McpConfigKeys.SERVER_NAME;
import static dev.mcpauth.McpConfigKeys.SERVER_TITLE;

import dev.mcpauth.runtime.tools.ScopeRequirement;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.Config;

/**
 * The resource server's configuration, read once from MicroProfile Config and checked as a whole, so a
 * missing or contradictory key fails the deployment with a message naming it.
 *
 * @param enabled whether requests need a token
 * @param resource the canonical resource URI (RFC 8707), the PRM {@code resource}
 * @param issuer the required {@code iss}
 * @param jwksLocation the JWKS URL, or empty to discover it from the issuer's metadata
 * @param audiences the accepted audiences, at least the resource
 * @param clockSkewSeconds allowed clock skew for {@code exp}/{@code nbf}
 * @param authorizationServers the PRM {@code authorization_servers}
 * @param scopesSupported the PRM {@code scopes_supported}, or empty to use the scopes of the tools
 * @param challengeScopes the 401 challenge's {@code scope}, or empty to use the minimal set of the tools
 * @param resourceName the PRM {@code resource_name}
 * @param resourceDocumentation the PRM {@code resource_documentation}, or empty
 * @param httpTimeoutMillis the timeout for metadata and JWKS requests
 * @param tokenCacheSize how many verified tokens to remember (0: none)
 * @param verifier how tokens are verified
 * @param introspection the introspection client, when the verifier uses introspection
 * @param scopeImplications each scope and every scope it implies (transitively), from the scope hierarchy
 */
public record AuthSettings(
        boolean enabled,
        URI resource,
        String issuer,
        Optional<URI> jwksLocation,
        Set<String> audiences,
        int clockSkewSeconds,
        List<String> authorizationServers,
        Optional<List<String>> scopesSupported,
        Optional<List<String>> challengeScopes,
        String resourceName,
        Optional<String> resourceDocumentation,
        int httpTimeoutMillis,
        int tokenCacheSize,
        Verifier verifier,
        Optional<Introspection> introspection,
        Map<String, Set<String>> scopeImplications) {

    /** How tokens are verified ({@code mcp.auth.verifier}). */
    public enum Verifier {
        /** JWTs, by signature against the issuer's JWKS. */
        JWT,
        /** Any token, by RFC 7662 introspection at the authorization server. */
        INTROSPECTION,
        /** JWTs locally, other (opaque) tokens by introspection. */
        JWT_OR_INTROSPECTION
    }

    /**
     * The introspection client (RFC 7662 §2.1: the resource server authenticates at the endpoint).
     *
     * @param endpoint the endpoint, or empty to discover it from the issuer's metadata
     * @param clientId this resource server's client id
     * @param clientSecret its secret
     * @param basicAuth whether to authenticate with HTTP Basic (else with form parameters)
     * @param cacheTtlSeconds at most how long a result is reused
     */
    public record Introspection(Optional<URI> endpoint, String clientId, String clientSecret, boolean basicAuth, int cacheTtlSeconds) {
        @Override
        public String toString() {
            return "Introspection[endpoint=" + endpoint + ", clientId=" + clientId + ", clientSecret=***]";
        }
    }

    /** The result of reading the configuration: settings when it is complete, else one message per problem. */
    public record Loaded(AuthSettings settings, List<String> problems) {
    }

    /**
     * Reads and checks every auth key.
     *
     * @param config the application's configuration
     * @return the settings, or the problems found
     */
    public static Loaded load(Config config) {
        List<String> problems = new ArrayList<>();
        boolean enabled = config.getOptionalValue(AUTH_ENABLED, String.class).map(v -> parseBoolean(v, problems)).orElse(true);
        String name = config.getOptionalValue(AUTH_RESOURCE_NAME, String.class)
                .or(() -> config.getOptionalValue(SERVER_TITLE, String.class))
                .or(() -> config.getOptionalValue(SERVER_NAME, String.class))
                .orElse(DEFAULT_SERVER_NAME);
        if (!enabled) {
            return new Loaded(new AuthSettings(false, null, null, Optional.empty(), Set.of(), 0, List.of(),
                    Optional.empty(), Optional.empty(), name, Optional.empty(), DEFAULT_HTTP_TIMEOUT_MS, 0, Verifier.JWT,
                    Optional.empty(), Map.of()), problems);
        }

        Optional<String> rawResource = config.getOptionalValue(AUTH_RESOURCE, String.class);
        URI resource = rawResource.map(value -> resourceUri(value, problems)).orElse(null);
        if (rawResource.isEmpty()) {
            problems.add("MCPAUTH-0401: " + AUTH_RESOURCE + " is required: the canonical URL of this MCP endpoint,"
                    + " such as https://mcp.example.com/mcp (or set " + AUTH_ENABLED + "=false for development)");
        }
        String issuer = config.getOptionalValue(JWT_ISSUER, String.class).map(String::trim).orElse(null);
        if (issuer == null) {
            problems.add("MCPAUTH-0402: " + JWT_ISSUER + " is required: the issuer URL of the authorization server whose"
                    + " tokens this resource accepts");
        } else if (httpUrl(issuer, JWT_ISSUER, problems) == null) {
            issuer = null;
        }
        Optional<URI> jwks = config.getOptionalValue(JWT_JWKS_LOCATION, String.class)
                .map(value -> httpUrl(value.trim(), JWT_JWKS_LOCATION, problems));

        Set<String> audiences = new LinkedHashSet<>(list(config, JWT_AUDIENCES).orElse(List.of()));
        if (audiences.isEmpty() && resource != null) {
            audiences.add(resource.toString());
        }
        int skew = config.getOptionalValue(JWT_CLOCK_SKEW, String.class)
                .map(value -> nonNegativeInt(value, JWT_CLOCK_SKEW, problems)).orElse(DEFAULT_CLOCK_SKEW_SECONDS);
        int timeout = config.getOptionalValue(AUTH_HTTP_TIMEOUT_MS, String.class)
                .map(value -> nonNegativeInt(value, AUTH_HTTP_TIMEOUT_MS, problems)).orElse(DEFAULT_HTTP_TIMEOUT_MS);
        int cacheSize = config.getOptionalValue(AUTH_TOKEN_CACHE_SIZE, String.class)
                .map(value -> nonNegativeInt(value, AUTH_TOKEN_CACHE_SIZE, problems)).orElse(DEFAULT_TOKEN_CACHE_SIZE);

        List<String> servers = list(config, AUTH_AUTHORIZATION_SERVERS).orElse(issuer == null ? List.of() : List.of(issuer));
        for (String server : servers) {
            httpUrl(server, AUTH_AUTHORIZATION_SERVERS, problems);
        }
        Optional<List<String>> scopesSupported = list(config, AUTH_SCOPES_SUPPORTED);
        Optional<List<String>> challengeScopes = list(config, AUTH_CHALLENGE_SCOPES);
        scopesSupported.ifPresent(scopes -> checkScopes(scopes, AUTH_SCOPES_SUPPORTED, problems));
        challengeScopes.ifPresent(scopes -> checkScopes(scopes, AUTH_CHALLENGE_SCOPES, problems));
        Optional<String> documentation = config.getOptionalValue(AUTH_RESOURCE_DOCUMENTATION, String.class).map(String::trim);
        documentation.ifPresent(url -> httpUrl(url, AUTH_RESOURCE_DOCUMENTATION, problems));

        Verifier verifier = config.getOptionalValue(AUTH_VERIFIER, String.class).map(value -> verifier(value, problems)).orElse(Verifier.JWT);
        Optional<Introspection> introspection = verifier == Verifier.JWT ? Optional.empty() : Optional.ofNullable(introspection(config, problems));
        Map<String, Set<String>> implications = list(config, AUTH_SCOPE_IMPLICATIONS)
                .map(entries -> ScopeHierarchy.parse(entries, AUTH_SCOPE_IMPLICATIONS, problems)).orElse(Map.of());

        if (!problems.isEmpty()) {
            return new Loaded(null, problems);
        }
        return new Loaded(new AuthSettings(true, resource, issuer, jwks, Set.copyOf(audiences), skew, List.copyOf(servers),
                scopesSupported, challengeScopes, name, documentation, timeout, cacheSize, verifier, introspection, implications), problems);
    }

    private static Verifier verifier(String value, List<String> problems) {
        switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "jwt":
                return Verifier.JWT;
            case "introspection":
                return Verifier.INTROSPECTION;
            case "jwt-or-introspection":
                return Verifier.JWT_OR_INTROSPECTION;
            default:
                problems.add("MCPAUTH-0408: " + AUTH_VERIFIER + " must be jwt, introspection or jwt-or-introspection, not '" + value + "'");
                return Verifier.JWT;
        }
    }

    private static Introspection introspection(Config config, List<String> problems) {
        Optional<URI> endpoint = config.getOptionalValue(AUTH_INTROSPECTION_ENDPOINT, String.class)
                .map(value -> httpUrl(value.trim(), AUTH_INTROSPECTION_ENDPOINT, problems));
        Optional<String> clientId = config.getOptionalValue(AUTH_INTROSPECTION_CLIENT_ID, String.class).map(String::trim);
        Optional<String> secret = config.getOptionalValue(AUTH_INTROSPECTION_CLIENT_SECRET, String.class);
        if (clientId.isEmpty() || secret.isEmpty()) {
            problems.add("MCPAUTH-0409: " + AUTH_VERIFIER + " uses introspection, which needs " + AUTH_INTROSPECTION_CLIENT_ID
                    + " and " + AUTH_INTROSPECTION_CLIENT_SECRET + " (this resource server's client at the authorization server)");
            return null;
        }
        String auth = config.getOptionalValue(AUTH_INTROSPECTION_CLIENT_AUTH, String.class).orElse("basic").trim().toLowerCase(Locale.ROOT);
        if (!auth.equals("basic") && !auth.equals("post")) {
            problems.add("MCPAUTH-0410: " + AUTH_INTROSPECTION_CLIENT_AUTH + " must be basic or post, not '" + auth + "'");
        }
        int ttl = config.getOptionalValue(AUTH_INTROSPECTION_CACHE_TTL, String.class)
                .map(value -> nonNegativeInt(value, AUTH_INTROSPECTION_CACHE_TTL, problems)).orElse(DEFAULT_INTROSPECTION_CACHE_TTL_SECONDS);
        return new Introspection(endpoint.filter(uri -> uri != null), clientId.get(), secret.get(), !auth.equals("post"), ttl);
    }

    private static URI resourceUri(String value, List<String> problems) {
        URI uri = httpUrl(value.trim(), AUTH_RESOURCE, problems);
        if (uri != null && uri.getRawFragment() != null) {
            // RFC 8707 §2: the resource indicator "MUST NOT include a fragment component"
            problems.add("MCPAUTH-0403: " + AUTH_RESOURCE + " must not have a fragment (RFC 8707 §2): '" + value + "'");
            return null;
        }
        return uri;
    }

    private static URI httpUrl(String value, String key, List<String> problems) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        problems.add("MCPAUTH-0404: " + key + " must be an absolute http(s) URL, not '" + value + "'");
        return null;
    }

    private static Optional<List<String>> list(Config config, String key) {
        return config.getOptionalValues(key, String.class)
                .map(values -> values.stream().map(String::trim).filter(v -> !v.isEmpty()).toList());
    }

    private static void checkScopes(List<String> scopes, String key, List<String> problems) {
        for (String scope : scopes) {
            if (!ScopeRequirement.isScopeToken(scope)) {
                problems.add("MCPAUTH-0405: " + key + " holds '" + scope + "', which is not a valid OAuth scope (RFC 6749 §3.3)");
            }
        }
    }

    private static boolean parseBoolean(String value, List<String> problems) {
        String trimmed = value.trim().toLowerCase(Locale.ROOT);
        if (!trimmed.equals("true") && !trimmed.equals("false")) {
            problems.add("MCPAUTH-0406: " + AUTH_ENABLED + " must be true or false, not '" + value + "'");
            return true;
        }
        return trimmed.equals("true");
    }

    private static int nonNegativeInt(String value, String key, List<String> problems) {
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add("MCPAUTH-0407: " + key + " must be a whole number of at least 0, not '" + value + "'");
        return 0;
    }
}
