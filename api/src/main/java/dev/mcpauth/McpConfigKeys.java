package dev.mcpauth;

/**
 * The MicroProfile Config keys the runtime reads. Any config source works: {@code
 * microprofile-config.properties}, system properties, or environment variables ({@code MCP_SERVER_NAME}
 * for {@code mcp.server.name}, by the MicroProfile Config mapping rules).
 */
public final class McpConfigKeys {

    /** The {@code serverInfo.name} reported by {@code initialize}. Default: {@value #DEFAULT_SERVER_NAME}. */
    public static final String SERVER_NAME = "mcp.server.name";

    /** The {@code serverInfo.version} reported by {@code initialize}. Default: {@value #DEFAULT_SERVER_VERSION}. */
    public static final String SERVER_VERSION = "mcp.server.version";

    /** The {@code serverInfo.title} reported by {@code initialize}. Default: none. */
    public static final String SERVER_TITLE = "mcp.server.title";

    /** The {@code instructions} text returned by {@code initialize}, a hint for the model. Default: none. */
    public static final String SERVER_INSTRUCTIONS = "mcp.server.instructions";

    /**
     * Comma-separated origins (such as {@code https://app.example.com}) whose browser requests are
     * allowed besides same-origin ones; {@code *} allows any. Default: none, so a request with a foreign
     * {@code Origin} header gets 403 (MCP 2025-11-25, Transports, Security Warning).
     */
    public static final String ALLOWED_ORIGINS = "mcp.allowed-origins";

    /** How many tools one {@code tools/list} page holds. Default: {@value #DEFAULT_PAGE_SIZE}. */
    public static final String TOOLS_PAGE_SIZE = "mcp.tools.page-size";

    /** Largest request body accepted, in bytes; larger bodies get 413. Default: {@value #DEFAULT_MAX_BODY_BYTES}. */
    public static final String MAX_BODY_BYTES = "mcp.max-body-bytes";

    /**
     * Whether MCP requests need a bearer token. Default {@code true}; {@code false} serves every request as
     * {@link McpCaller#ANONYMOUS} and logs a warning at startup (development only).
     */
    public static final String AUTH_ENABLED = "mcp.auth.enabled";

    /**
     * The canonical URI of the MCP endpoint, such as {@code https://mcp.example.com/mcp}: the
     * {@code resource} of the protected resource metadata (RFC 9728) and the audience every token must
     * name (RFC 8707). Required when auth is enabled; absolute http(s), no fragment.
     */
    public static final String AUTH_RESOURCE = "mcp.auth.resource";

    /**
     * Comma-separated issuers whose JWTs are accepted, each verified with its own keys (found through its own
     * metadata); a token is checked against the issuer it names, and only that one. Default: {@link #JWT_ISSUER}.
     */
    public static final String AUTH_ISSUERS = "mcp.auth.issuers";

    /** Comma-separated issuer URLs listed as {@code authorization_servers}. Default: every accepted issuer. */
    public static final String AUTH_AUTHORIZATION_SERVERS = "mcp.auth.authorization-servers";

    /** Comma-separated {@code scopes_supported} of the metadata. Default: every scope a {@link RequiresScope} names. */
    public static final String AUTH_SCOPES_SUPPORTED = "mcp.auth.scopes-supported";

    /**
     * The {@code scope} of the 401 challenge: what a client should ask for first. Default: the scopes the tools
     * without a method-level {@link RequiresScope} need, the minimal set for basic use.
     */
    public static final String AUTH_CHALLENGE_SCOPES = "mcp.auth.challenge-scopes";

    /** The {@code resource_name} of the metadata. Default: {@link #SERVER_TITLE}, else {@link #SERVER_NAME}. */
    public static final String AUTH_RESOURCE_NAME = "mcp.auth.resource-name";

    /** The {@code resource_documentation} URL of the metadata. Default: none. */
    public static final String AUTH_RESOURCE_DOCUMENTATION = "mcp.auth.resource-documentation";

    /** Timeout in milliseconds for fetching the issuer's metadata and JWKS. Default: {@value #DEFAULT_HTTP_TIMEOUT_MS}. */
    public static final String AUTH_HTTP_TIMEOUT_MS = "mcp.auth.http-timeout-ms";

    /**
     * How many verified tokens to remember, so their next requests skip the signature check; {@code 0} switches
     * the cache off. Default: {@value #DEFAULT_TOKEN_CACHE_SIZE}.
     */
    public static final String AUTH_TOKEN_CACHE_SIZE = "mcp.auth.token-cache-size";

    /** Default of {@link #AUTH_TOKEN_CACHE_SIZE}. */
    public static final int DEFAULT_TOKEN_CACHE_SIZE = 10_000;

    /**
     * How tokens are verified: {@code jwt} (default: signature against the issuer's JWKS), {@code introspection}
     * (RFC 7662, for opaque tokens), or {@code jwt-or-introspection} (JWTs locally, anything else by introspection).
     */
    public static final String AUTH_VERIFIER = "mcp.auth.verifier";

    /** The RFC 7662 introspection endpoint. Default: {@code introspection_endpoint} of the issuer's metadata. */
    public static final String AUTH_INTROSPECTION_ENDPOINT = "mcp.auth.introspection.endpoint";

    /** This resource server's client id at the authorization server, for introspection. Required for introspection. */
    public static final String AUTH_INTROSPECTION_CLIENT_ID = "mcp.auth.introspection.client-id";

    /** This resource server's client secret, for introspection. Required for introspection. */
    public static final String AUTH_INTROSPECTION_CLIENT_SECRET = "mcp.auth.introspection.client-secret";

    /** How the client authenticates at the introspection endpoint: {@code basic} (default) or {@code post}. */
    public static final String AUTH_INTROSPECTION_CLIENT_AUTH = "mcp.auth.introspection.client-auth";

    /**
     * At most how many seconds an introspection result is reused (never beyond the token's {@code exp}).
     * Default: {@value #DEFAULT_INTROSPECTION_CACHE_TTL_SECONDS}; {@code 0} asks the server every time.
     */
    public static final String AUTH_INTROSPECTION_CACHE_TTL = "mcp.auth.introspection.cache-ttl";

    /** Default of {@link #AUTH_INTROSPECTION_CACHE_TTL}. */
    public static final int DEFAULT_INTROSPECTION_CACHE_TTL_SECONDS = 60;

    /**
     * Scope hierarchy: comma-separated entries {@code scope=implied implied ...}, such as
     * {@code tickets:admin=tickets:read tickets:write}; a token granting the scope on the left is treated as
     * granting those on the right too (transitively). Default: none.
     */
    public static final String AUTH_SCOPE_IMPLICATIONS = "mcp.auth.scope-implications";

    /**
     * The token issuer ({@code iss}); MicroProfile JWT's key. Required when auth is enabled, unless
     * {@link #AUTH_ISSUERS} lists the issuers (then this one, if set, is the one introspection and
     * {@link #JWT_JWKS_LOCATION} apply to; default: the first listed).
     */
    public static final String JWT_ISSUER = "mp.jwt.verify.issuer";

    /**
     * Where the caller's roles for Jakarta {@code @RolesAllowed} on tool beans come from, besides the granted scopes
     * (which always count as roles): a claim name or a dotted path into the token, such as {@code realm_access.roles}
     * for Keycloak realm roles. Default: {@value #DEFAULT_ROLES_CLAIM}.
     */
    public static final String AUTH_ROLES_CLAIM = "mcp.auth.roles-claim";

    /** Default of {@link #AUTH_ROLES_CLAIM}. */
    public static final String DEFAULT_ROLES_CLAIM = "groups";

    /** The JWKS URL; MicroProfile JWT's key. Default: the {@code jwks_uri} of the issuer's metadata. */
    public static final String JWT_JWKS_LOCATION = "mp.jwt.verify.publickey.location";

    /** Comma-separated accepted audiences; MicroProfile JWT's key. Default: {@link #AUTH_RESOURCE}. */
    public static final String JWT_AUDIENCES = "mp.jwt.verify.audiences";

    /** Allowed clock skew in seconds for {@code exp} and {@code nbf}; MicroProfile JWT's key. Default: {@value #DEFAULT_CLOCK_SKEW_SECONDS}. */
    public static final String JWT_CLOCK_SKEW = "mp.jwt.verify.clock.skew";

    /** Default of {@link #JWT_CLOCK_SKEW}. */
    public static final int DEFAULT_CLOCK_SKEW_SECONDS = 60;

    /** Default of {@link #AUTH_HTTP_TIMEOUT_MS}. */
    public static final int DEFAULT_HTTP_TIMEOUT_MS = 2000;

    /** Default of {@link #SERVER_NAME}. */
    public static final String DEFAULT_SERVER_NAME = "mcp-server";

    /** Default of {@link #SERVER_VERSION}. */
    public static final String DEFAULT_SERVER_VERSION = "1.0.0";

    /** Default of {@link #TOOLS_PAGE_SIZE}. */
    public static final int DEFAULT_PAGE_SIZE = 100;

    /** Default of {@link #MAX_BODY_BYTES}: 1 MiB. */
    public static final int DEFAULT_MAX_BODY_BYTES = 1_048_576;

    private McpConfigKeys() {
    }
}
