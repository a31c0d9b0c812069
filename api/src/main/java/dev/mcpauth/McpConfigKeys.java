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

    /**
     * How long, in milliseconds, a 2026-07-28 client may reuse a list or {@code server/discover} result
     * ({@code ttlMs} of {@code CacheableResult}). At least 0. Default: {@value #DEFAULT_CACHE_TTL_MS}.
     */
    public static final String CACHE_TTL_MS = "mcp.cache.ttl-ms";

    /**
     * The AES keys that seal the {@code requestState} of multi round-trip calls, as comma-separated Base64 of 16, 24
     * or 32 bytes: the first seals, every one opens, so a key rotates by putting the new one first and dropping the
     * old one after {@link #REQUEST_STATE_TTL_SECONDS}. Every instance of a deployment needs the same keys. Default:
     * a random key per instance (logged).
     */
    public static final String REQUEST_STATE_KEYS = "mcp.request-state.keys";

    /** How long, in seconds, a {@code requestState} stays valid. Positive. Default: {@value #DEFAULT_REQUEST_STATE_TTL_SECONDS}. */
    public static final String REQUEST_STATE_TTL_SECONDS = "mcp.request-state.ttl-seconds";

    /** Default of {@link #REQUEST_STATE_TTL_SECONDS}: ten minutes for a user to answer. */
    public static final int DEFAULT_REQUEST_STATE_TTL_SECONDS = 600;

    /** Default of {@link #CACHE_TTL_MS}: five minutes; the tools are fixed at deployment. */
    public static final int DEFAULT_CACHE_TTL_MS = 300_000;

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

    /**
     * Total deadline in milliseconds for each exchange with the authorization server (metadata, JWKS,
     * introspection), from connecting until the last byte of the body. Positive. Default: {@value #DEFAULT_HTTP_TIMEOUT_MS}.
     */
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

    /**
     * Sender-constrained tokens (DPoP, RFC 9449): {@code optional} (the default: {@code Authorization: DPoP} with a
     * {@code DPoP} proof as well as {@code Bearer}), {@code required} (only DPoP-bound tokens) or {@code disabled} (only
     * {@code Bearer}, one challenge). In every mode a token bound to a DPoP key ({@code cnf.jkt}) sent as
     * {@code Bearer} is refused.
     */
    public static final String AUTH_DPOP = "mcp.auth.dpop";

    /** The signature algorithms accepted for DPoP proofs. Default: {@value #DEFAULT_DPOP_ALGORITHMS}. */
    public static final String AUTH_DPOP_ALGORITHMS = "mcp.auth.dpop.algorithms";

    /** Default of {@link #AUTH_DPOP_ALGORITHMS}: asymmetric algorithms only. */
    public static final String DEFAULT_DPOP_ALGORITHMS = "ES256,ES384,PS256,RS256";

    /**
     * Seconds a DPoP proof's {@code iat} may be from the server's clock, either way; a proof is remembered (on every
     * instance) for twice this, so it is good for one request. Default: {@value #DEFAULT_DPOP_MAX_AGE_SECONDS}.
     */
    public static final String AUTH_DPOP_MAX_AGE_SECONDS = "mcp.auth.dpop.max-age-seconds";

    /** Default of {@link #AUTH_DPOP_MAX_AGE_SECONDS}. */
    public static final int DEFAULT_DPOP_MAX_AGE_SECONDS = 60;

    /**
     * Whether DPoP proofs must carry a nonce the server issued (RFC 9449 §8): a proof without a fresh one gets
     * {@code 401} with {@code error="use_dpop_nonce"} and a {@code DPoP-Nonce} header to retry with. Nonces are sealed
     * with {@code mcp.request-state.keys}, so every instance accepts the others'. Default: {@code false}.
     */
    public static final String AUTH_DPOP_NONCE = "mcp.auth.dpop.nonce";

    /** Seconds a server-issued DPoP nonce is accepted. Default: {@value #DEFAULT_DPOP_NONCE_SECONDS}. */
    public static final String AUTH_DPOP_NONCE_SECONDS = "mcp.auth.dpop.nonce-seconds";

    /** Default of {@link #AUTH_DPOP_NONCE_SECONDS}. */
    public static final int DEFAULT_DPOP_NONCE_SECONDS = 300;

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
     * At most how many introspection requests run at once; a request that finds them all busy is answered
     * with 503 at once instead of queueing. Positive. Default: {@value #DEFAULT_INTROSPECTION_MAX_CONCURRENT}.
     */
    public static final String AUTH_INTROSPECTION_MAX_CONCURRENT = "mcp.auth.introspection.max-concurrent";

    /** Default of {@link #AUTH_INTROSPECTION_MAX_CONCURRENT}. */
    public static final int DEFAULT_INTROSPECTION_MAX_CONCURRENT = 16;

    /**
     * Which scopes each issuer may grant: comma-separated entries {@code <issuer-url>=<scope> <scope> ...},
     * each naming one of the accepted issuers. A token of a listed issuer keeps only the listed scopes (the
     * others are dropped before the scope hierarchy applies); an issuer not listed may grant any scope.
     * Default: none (every issuer unlimited).
     */
    public static final String AUTH_ISSUER_SCOPES = "mcp.auth.issuer-scopes";

    /**
     * Claims tried in order, when a token has no {@code sub}, to name the caller (such as
     * {@code preferred_username,client_id}). Default: none: a token without {@code sub} is refused, so users
     * of one client never share one identity.
     */
    public static final String AUTH_SUBJECT_FALLBACK_CLAIMS = "mcp.auth.subject-fallback-claims";

    /**
     * Whether a JWT's header must say {@code typ: at+jwt} (or {@code application/at+jwt}), the access-token
     * type of RFC 9068 §2.1. Default: {@code false} (many servers, Keycloak among them, send {@code JWT});
     * ID tokens are refused either way.
     */
    public static final String AUTH_REQUIRE_AT_JWT = "mcp.auth.require-at-jwt";

    /**
     * Whether the issuer, JWKS, introspection and discovered endpoints may be plain {@code http} for hosts other
     * than loopback ({@code localhost}, {@code 127.0.0.0/8}, {@code [::1]}). Default: {@code false}: https is
     * required there, since keys fetched in cleartext can be replaced on the way.
     */
    public static final String AUTH_ALLOW_INSECURE_HTTP = "mcp.auth.allow-insecure-http";

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
     * Where the caller's roles for Jakarta {@code @RolesAllowed} on tool beans come from: a claim name or a dotted
     * path into the token, such as {@code realm_access.roles} for Keycloak realm roles. Honoured only for tokens of
     * the issuers {@link #AUTH_ROLES_CLAIM_ISSUERS} lists. Default: {@value #DEFAULT_ROLES_CLAIM}.
     */
    public static final String AUTH_ROLES_CLAIM = "mcp.auth.roles-claim";

    /** Default of {@link #AUTH_ROLES_CLAIM}. */
    public static final String DEFAULT_ROLES_CLAIM = "groups";

    /**
     * Comma-separated issuers whose tokens' roles claim ({@link #AUTH_ROLES_CLAIM}) is honoured; each must be an
     * accepted issuer. Default: the primary issuer only ({@link #JWT_ISSUER}, else the first of {@link #AUTH_ISSUERS}),
     * so a partner's authorization server cannot hand out this application's roles.
     */
    public static final String AUTH_ROLES_CLAIM_ISSUERS = "mcp.auth.roles-claim-issuers";

    /**
     * Whether the granted scopes also count as roles for {@code @RolesAllowed}. Default: {@code false}: a scope is
     * something a client may ask for, a role is something the user was given, and they are kept apart.
     */
    public static final String AUTH_ROLES_INCLUDE_SCOPES = "mcp.auth.roles-include-scopes";

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

    /**
     * Whether {@code initialize} opens a 2025-era session ({@code Mcp-Session-Id}), bound to the caller, which
     * questions to the client in the middle of a call (elicitation, sampling, roots), {@code logging/setLevel} and
     * resource subscriptions of 2025-era clients need. Default: {@code false}, so every request is served
     * statelessly. With several instances, turn it on only with {@code mcp.state.engine=hazelcast}, or a session
     * opened on one instance is unknown (404) on the others.
     */
    public static final String SESSIONS_ENABLED = "mcp.sessions.enabled";

    /** Seconds a session lives without a request before it ends. Default: {@value #DEFAULT_SESSION_IDLE_SECONDS}. */
    public static final String SESSION_IDLE_SECONDS = "mcp.sessions.idle-timeout-seconds";

    /** Default of {@link #SESSION_IDLE_SECONDS}: 30 minutes. */
    public static final int DEFAULT_SESSION_IDLE_SECONDS = 1800;

    /** Most open sessions per caller (issuer, subject, client). Default: {@value #DEFAULT_SESSIONS_PER_CALLER}. */
    public static final String SESSIONS_PER_CALLER = "mcp.sessions.max-per-caller";

    /** Default of {@link #SESSIONS_PER_CALLER}. */
    public static final int DEFAULT_SESSIONS_PER_CALLER = 16;

    /** Most open sessions of the deployment, on all instances. Default: {@value #DEFAULT_SESSIONS_TOTAL}. */
    public static final String SESSIONS_TOTAL = "mcp.sessions.max";

    /** Default of {@link #SESSIONS_TOTAL}. */
    public static final int DEFAULT_SESSIONS_TOTAL = 10_000;

    /**
     * Seconds a tool waits for the client's answer to a question sent on a 2025-era stream (elicitation, sampling,
     * roots) before the call ends with an error. Default: {@value #DEFAULT_CLIENT_ANSWER_SECONDS}.
     */
    public static final String CLIENT_ANSWER_SECONDS = "mcp.client-requests.timeout-seconds";

    /** Default of {@link #CLIENT_ANSWER_SECONDS}: 5 minutes, time for a person to read and answer. */
    public static final int DEFAULT_CLIENT_ANSWER_SECONDS = 300;

    /** Most questions waiting for a client's answer at once, per caller. Default: {@value #DEFAULT_PENDING_PER_CALLER}. */
    public static final String PENDING_PER_CALLER = "mcp.client-requests.max-per-caller";

    /** Default of {@link #PENDING_PER_CALLER}. */
    public static final int DEFAULT_PENDING_PER_CALLER = 8;

    /**
     * Seconds a task ({@link TaskSupport}) stays readable with {@code tasks/get} after it was created; its
     * {@code ttlMs}. A task still running then ends as failed. Default: {@value #DEFAULT_TASK_TTL_SECONDS}.
     */
    public static final String TASK_TTL_SECONDS = "mcp.tasks.ttl-seconds";

    /** Default of {@link #TASK_TTL_SECONDS}: one hour. */
    public static final int DEFAULT_TASK_TTL_SECONDS = 3600;

    /** Most tasks running at once on one instance. Default: {@value #DEFAULT_TASKS_RUNNING}. */
    public static final String TASKS_RUNNING = "mcp.tasks.max-running";

    /** Default of {@link #TASKS_RUNNING}. */
    public static final int DEFAULT_TASKS_RUNNING = 64;

    /**
     * Most tasks running at once per caller (issuer, subject, client) on one instance. Default:
     * {@value #DEFAULT_TASKS_PER_CALLER}.
     */
    public static final String TASKS_PER_CALLER = "mcp.tasks.max-running-per-caller";

    /** Default of {@link #TASKS_PER_CALLER}. */
    public static final int DEFAULT_TASKS_PER_CALLER = 8;

    /**
     * Seconds after which a task whose instance stopped renewing it (the instance died) ends as failed. Default:
     * {@value #DEFAULT_TASK_LEASE_SECONDS}.
     */
    public static final String TASK_LEASE_SECONDS = "mcp.tasks.lease-seconds";

    /** Default of {@link #TASK_LEASE_SECONDS}. */
    public static final int DEFAULT_TASK_LEASE_SECONDS = 15;

    /** The {@code pollIntervalMs} the server suggests to clients. Default: {@value #DEFAULT_TASK_POLL_INTERVAL_MS}. */
    public static final String TASK_POLL_INTERVAL_MS = "mcp.tasks.poll-interval-ms";

    /** Default of {@link #TASK_POLL_INTERVAL_MS}. */
    public static final int DEFAULT_TASK_POLL_INTERVAL_MS = 1000;

    /** Most open notification streams (2025 {@code GET}, 2026 {@code subscriptions/listen}) per instance. Default: {@value #DEFAULT_STREAMS_TOTAL}. */
    public static final String STREAMS_TOTAL = "mcp.streams.max";

    /** Default of {@link #STREAMS_TOTAL}. */
    public static final int DEFAULT_STREAMS_TOTAL = 1_000;

    /** Most open notification streams per caller, on one instance. Default: {@value #DEFAULT_STREAMS_PER_CALLER}. */
    public static final String STREAMS_PER_CALLER = "mcp.streams.max-per-caller";

    /** Default of {@link #STREAMS_PER_CALLER}. */
    public static final int DEFAULT_STREAMS_PER_CALLER = 8;

    /**
     * Where state shared between requests and instances lives: {@code memory} (default; one instance) or
     * {@code hazelcast} (embedded members; several instances, see the {@code mcp.state.hazelcast.*} keys).
     */
    public static final String STATE_ENGINE = "mcp.state.engine";

    /** The Hazelcast cluster's name; members of other names never join. Default: {@code mcp}. */
    public static final String HAZELCAST_CLUSTER = "mcp.state.hazelcast.cluster-name";

    /** The address this member listens on, and the only one. Default: {@code 127.0.0.1}. */
    public static final String HAZELCAST_INTERFACE = "mcp.state.hazelcast.interface";

    /** The port this member listens on. Default: {@code 5701}. */
    public static final String HAZELCAST_PORT = "mcp.state.hazelcast.port";

    /** Every member, as {@code host:port}, comma-separated; required with {@code mcp.state.engine=hazelcast}. */
    public static final String HAZELCAST_MEMBERS = "mcp.state.hazelcast.members";

    /**
     * Prefix of the keys of an API called on the caller's behalf ({@link OnBehalfOf}): {@code mcp.downstream.<name>}
     * followed by {@link #DOWNSTREAM_AUDIENCE}, {@link #DOWNSTREAM_SCOPES} or {@link #DOWNSTREAM_TOKEN_ENDPOINT}.
     */
    public static final String DOWNSTREAM_PREFIX = "mcp.downstream.";

    /**
     * Suffix of {@code mcp.downstream.<name>.audience}: the audience the API's tokens must carry, asked for in the
     * exchange as {@code audience} (RFC 8693 §2.1). Required for every API named by {@code @OnBehalfOf}.
     */
    public static final String DOWNSTREAM_AUDIENCE = ".audience";

    /** Suffix of {@code mcp.downstream.<name>.scopes}, comma-separated scopes to ask for (default: none named). */
    public static final String DOWNSTREAM_SCOPES = ".scopes";

    /**
     * Suffix of {@code mcp.downstream.<name>.token-endpoint}, where to exchange (default: the {@code token_endpoint} of
     * the caller's issuer's metadata).
     */
    public static final String DOWNSTREAM_TOKEN_ENDPOINT = ".token-endpoint";

    /** The MCP server's own client id at the authorization server, for token exchange. Required with {@link OnBehalfOf}. */
    public static final String TOKEN_EXCHANGE_CLIENT_ID = "mcp.token-exchange.client-id";

    /**
     * How the MCP server authenticates when it exchanges: {@code client_secret_basic} (default),
     * {@code client_secret_post} (both with {@link #TOKEN_EXCHANGE_CLIENT_SECRET}) or {@code private_key_jwt} (with
     * {@link #TOKEN_EXCHANGE_CLIENT_KEY_FILE}).
     */
    public static final String TOKEN_EXCHANGE_CLIENT_AUTH = "mcp.token-exchange.client-auth";

    /** The client secret, for {@code client_secret_basic} and {@code client_secret_post}. Never logged. */
    public static final String TOKEN_EXCHANGE_CLIENT_SECRET = "mcp.token-exchange.client-secret";

    /**
     * A file holding the client's private key as a JWK (RSA or EC, with its {@code kid} as registered), for
     * {@code private_key_jwt} (RFC 7523): each exchange is authenticated by a fresh assertion signed with it.
     */
    public static final String TOKEN_EXCHANGE_CLIENT_KEY_FILE = "mcp.token-exchange.client-key-file";

    /** Most exchanged tokens kept, per instance. Default: {@value #DEFAULT_TOKEN_EXCHANGE_CACHE_SIZE}. */
    public static final String TOKEN_EXCHANGE_CACHE_SIZE = "mcp.token-exchange.cache-size";

    /** Default of {@link #TOKEN_EXCHANGE_CACHE_SIZE}. */
    public static final int DEFAULT_TOKEN_EXCHANGE_CACHE_SIZE = 10_000;

    /**
     * Milliseconds an exchange may take before the call fails as unavailable. Default:
     * {@value #DEFAULT_TOKEN_EXCHANGE_TIMEOUT_MS}.
     */
    public static final String TOKEN_EXCHANGE_TIMEOUT_MS = "mcp.token-exchange.timeout-ms";

    /** Default of {@link #TOKEN_EXCHANGE_TIMEOUT_MS}. */
    public static final int DEFAULT_TOKEN_EXCHANGE_TIMEOUT_MS = 5_000;

    private McpConfigKeys() {}
}
