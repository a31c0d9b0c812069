package dev.mcpauth.runtime.messages;

import java.util.Locale;

/**
 * Every message of the runtime that carries an id, in one place, so a user who searches for {@code MCPAUTH-0102}
 * finds its meaning here and in the table in docs/messages.md, and no two places hand out the same id.
 *
 * <p>Ids are grouped by hundreds: {@code 00xx} start-up, {@code 01xx} tool definitions (deployment fails),
 * {@code 02xx} tool calls, {@code 03xx} transport and common configuration, {@code 04xx} authorization
 * configuration (deployment fails), {@code 05xx} the authorization server, {@code 06xx} token verification at
 * request time, {@code 09xx} unexpected failures. An id keeps its meaning once released: retire it, never reuse it.
 *
 * <p>Use: {@code problems.add(Message.CONFIG_NOT_BOOLEAN.format(key, value))}.
 */
public enum Message {

    // 00xx: start-up

    /** Logged at start-up: how many tools were found, and their names. Args: count, names. */
    TOOLS_FOUND("MCPAUTH-0001", "%d MCP tool(s) found: %s"),

    /** Logged at start-up when authorization is on: the resource and the issuer whose tokens it accepts. Args: resource, issuer. */
    AUTH_ENABLED("MCPAUTH-0002", "MCP resource %s accepts tokens of %s"),

    /** Logged at start-up when {@code mcp.auth.enabled=false}: every request is served without a token. */
    AUTH_DISABLED(
            "MCPAUTH-0003",
            "mcp.auth.enabled=false: the MCP endpoint serves EVERY request without a token. Use this for development only."),

    /** Logged when the protected resource metadata is first served: the resource and its metadata URL. Args: resource, URL. */
    METADATA_PUBLISHED("MCPAUTH-0004", "protected resource metadata of %s at %s"),

    /** Logged when the servlet context path cannot be read (no servlet API): the metadata URL assumes the root. */
    CONTEXT_PATH_UNREADABLE("MCPAUTH-0005", "cannot read the context path; assuming the WAR is at the root"),

    /** Logged at start-up when the server offers MicroProfile Metrics: decisions are counted. Args: metric name. */
    METRICS_ENABLED("MCPAUTH-0006", "counting authorization decisions as MicroProfile metric %s"),

    /**
     * Thrown when a bean asks for the settings although reading the configuration failed; only reachable after the
     * deployment failed already. (Formerly also numbered 0006, which is the metrics line's id.)
     */
    CONFIGURATION_NOT_READ("MCPAUTH-0007", "the MCP configuration was not read; see the deployment errors"),

    /** No {@code mcp.request-state.keys}: this instance made up a key. */
    REQUEST_STATE_RANDOM_KEY(
            "MCPAUTH-0008",
            "mcp.request-state.keys is not set: multi round-trip states are sealed with a"
                    + " random key of this instance, so they do not survive a restart and another instance refuses them; set the"
                    + " same Base64 AES key (16, 24 or 32 bytes) on every instance"),

    /** Logged at start-up: where sessions and other shared state live. Args: the engine. */
    STATE_ENGINE_STARTED("MCPAUTH-0010", "sessions and shared state: %s"),

    /**
     * A request reached the MCP endpoint without the runtime's filters (or the endpoint was made with {@code new}, so
     * it has no runtime): it is refused. No args.
     */
    ENDPOINT_UNFILTERED(
            "MCPAUTH-0009",
            "a request reached the MCP endpoint without the runtime's filters and was refused: the runtime"
                    + " publishes McpEndpoint at /mcp with its filters (McpApplication); an application's own Jakarta"
                    + " REST application must not list it, scan it or create it with new"),

    /**
     * The application has tools that run as tasks, and the server offers no Jakarta Concurrency managed executor: the
     * application does not start. Args: the tools.
     */
    TASKS_NEED_CONCURRENCY(
            "MCPAUTH-0011",
            "tools %s run as tasks, which need the server's default managed executor"
                    + " (java:comp/DefaultManagedExecutorService, Jakarta Concurrency): enable the server's"
                    + " concurrency feature (Open Liberty: concurrent-3.0)"),

    /** A task ended with an unexpected failure outside the tool's own code. Args: tool, class, incident. */
    TASK_FAILED_UNEXPECTEDLY("MCPAUTH-0012", "a task of tool %s failed unexpectedly (%s); incident %s"),

    // 01xx: tool definitions, each fails the deployment

    /** A {@code @Tool} name breaks the MCP tool-name rules. Args: method, name, longest length. */
    TOOL_NAME_INVALID(
            "MCPAUTH-0101",
            "@Tool %s has the invalid tool name '%s': a tool name is 1 to %d characters of"
                    + " ASCII letters, digits, '_', '-' and '.' (MCP 2025-11-25, Tools)"),

    /** Two tool methods have the same tool name. Args: name, first method, second method. */
    TOOL_NAME_DUPLICATE(
            "MCPAUTH-0102",
            "the tool name '%s' is used by both %s and %s: tool names must be unique,"
                    + " set @Tool(name = ...) on one of them"),

    /** A tool parameter's type cannot be described as JSON Schema or read from JSON. Args: method, parameter, reason. */
    TOOL_PARAMETER_UNSUPPORTED("MCPAUTH-0103", "@Tool %s parameter '%s' has an unsupported type: %s"),

    /** A tool method's return type cannot be turned into a tool result. Args: method, reason. */
    TOOL_RETURN_UNSUPPORTED("MCPAUTH-0104", "@Tool %s has an unsupported return type: %s"),

    /** A {@code @Tool} method is static or not public. Args: method. */
    TOOL_NOT_PUBLIC_INSTANCE_METHOD("MCPAUTH-0105", "@Tool %s must be a public instance method"),

    /**
     * A tool or prompt parameter has no name: compiled without {@code -parameters} and not named by its annotation.
     * Args: annotation, method, index, naming annotation.
     */
    TOOL_PARAMETER_UNNAMED(
            "MCPAUTH-0106",
            "%s %s parameter %d has no name: compile with '-parameters'"
                    + " (maven-compiler-plugin <parameters>true</parameters>) or set %s(name = ...)"),

    /** Two parameters of one tool or prompt method have the same argument name. Args: annotation, method, name. */
    TOOL_PARAMETER_DUPLICATE("MCPAUTH-0107", "%s %s has two parameters named '%s'"),

    /** A normal-scoped tool bean has no constructor CDI can proxy. Args: bean class, scope. */
    TOOL_BEAN_NOT_PROXYABLE(
            "MCPAUTH-0108",
            "tool bean %s is @%s but has no non-private constructor without"
                    + " parameters, so CDI cannot proxy it: add one (it may be protected), or use field injection"),

    /** {@code @RequiresScope} names a value that is not an OAuth scope token. Args: class or method, value. */
    REQUIRED_SCOPE_INVALID(
            "MCPAUTH-0109",
            "@RequiresScope on %s names '%s', which is not a valid OAuth scope:"
                    + " printable ASCII without spaces, quotes or backslashes (RFC 6749 §3.3)"),

    /** {@code McpCaller} is injected into a bean that lives longer than a request. Args: injection point, scope. */
    CALLER_IN_LONG_LIVED_BEAN(
            "MCPAUTH-0110",
            "%s injects McpCaller into a bean that outlives a request (%s), so it"
                    + " would keep the first caller and show it to every later one: take McpCaller as a @Tool method parameter,"
                    + " inject Instance<McpCaller> and call get() per call, or make the bean @RequestScoped"),

    /** {@code @ToolArg(header)} is not an HTTP token. Args: method, argument, header. */
    TOOL_HEADER_INVALID(
            "MCPAUTH-0111",
            "@Tool %s argument '%s' has @ToolArg(header = \"%s\"), which is not an HTTP token:"
                    + " use letters, digits and !#$%%&'*+-.^_`|~ only (RFC 9110; MCP 2026-07-28, Tools, x-mcp-header)"),

    /** Two arguments of one tool are mirrored into the same header. Args: method, header. */
    TOOL_HEADER_DUPLICATE(
            "MCPAUTH-0112",
            "@Tool %s mirrors two arguments into the header Mcp-Param-%s (header names"
                    + " are compared ignoring case): give each its own"),

    /** {@code @ToolArg(header)} on an argument that is not a string, integer or boolean. Args: method, argument, type. */
    TOOL_HEADER_TYPE(
            "MCPAUTH-0113",
            "@Tool %s argument '%s' is %s: only string, integer, boolean and enum arguments can be"
                    + " mirrored into a header (MCP 2026-07-28, Tools, x-mcp-header)"),

    /** A {@code @Tool(inputSchema)} cannot be read or is not an object schema. Args: method, path, why. */
    TOOL_SCHEMA_UNREADABLE("MCPAUTH-0116", "@Tool %s: its inputSchema %s cannot be used: %s"),

    /** A hand-written input schema has constraints the runtime cannot check. Args: method, path, what. */
    TOOL_SCHEMA_UNENFORCEABLE(
            "MCPAUTH-0117",
            "@Tool %s: its inputSchema %s has what the runtime cannot check arguments against: %s. Remove it or"
                    + " check it in the method"),

    /** A tool parameter is not in its hand-written input schema, or names a header there. Args: method, argument, path. */
    TOOL_SCHEMA_PARAMETER(
            "MCPAUTH-0118",
            "@Tool %s: argument '%s' must be a property of its inputSchema %s (and a mirror header is named there,"
                    + " with x-mcp-header, not in @ToolArg)"),

    /** A resource, template, prompt or completion method is not a public instance method. Args: annotation, method. */
    FEATURE_NOT_PUBLIC_INSTANCE_METHOD("MCPAUTH-0114", "%s %s must be a public instance method"),

    /** A feature method takes a context argument its kind cannot use. Args: annotation, method, type, kind, kinds that may. */
    CONTEXT_ARGUMENT_NOT_ALLOWED(
            "MCPAUTH-0115",
            "%s %s takes an %s, which a %s cannot use (only: %s): a resource read and a"
                    + " completion have no rounds to ask in, and only a tool's answer can be a stream of progress"),

    // 012x: resources and resource templates, each fails the deployment

    /** An {@code @McpResource} URI is not an absolute URI. Args: method, URI. */
    RESOURCE_URI_INVALID(
            "MCPAUTH-0120",
            "@McpResource %s has the URI '%s', which is not an absolute URI with a scheme"
                    + " (such as tickets://open)"),

    /** An {@code @McpResourceTemplate} is not an RFC 6570 level 1 template. Args: method, template, why. */
    RESOURCE_TEMPLATE_INVALID(
            "MCPAUTH-0121",
            "@McpResourceTemplate %s has the template '%s', which is not an RFC 6570 level 1" + " URI template: %s"),

    /** A resource method parameter is not a template variable (nor McpCaller/McpClient). Args: method, parameter, hint. */
    RESOURCE_PARAMETER_NOT_VARIABLE(
            "MCPAUTH-0122",
            "%s parameter '%s' is not a variable of its template (%s); a resource"
                    + " method takes template variables by name (compile with -parameters), McpCaller and McpClient"),

    /** A template variable has no parameter. Args: method, variable. */
    RESOURCE_VARIABLE_UNBOUND("MCPAUTH-0123", "%s has no parameter for the template variable '%s'"),

    /** A template variable's parameter has a type it cannot be converted to. Args: method, parameter, type. */
    RESOURCE_PARAMETER_TYPE(
            "MCPAUTH-0124",
            "%s parameter '%s' is a %s: template variables bind to String, int/Integer" + " or long/Long"),

    /** Two resources share a URI, or two templates a template text. Args: URI or template, first method, second method. */
    RESOURCE_DUPLICATE(
            "MCPAUTH-0125", "the resource '%s' is served by both %s and %s: each URI and template must be unique"),

    /** A resource method returns nothing. Args: method. */
    RESOURCE_RETURNS_NOTHING(
            "MCPAUTH-0126",
            "%s returns nothing: a resource method returns its contents (String, byte[],"
                    + " ResourceContents, or an object sent as JSON)"),

    /** A method has both resource annotations. Args: method. */
    RESOURCE_BOTH_KINDS("MCPAUTH-0127", "%s has both @McpResource and @McpResourceTemplate: choose one"),

    // 013x: prompts, each fails the deployment

    /** A prompt parameter is not a String, {@code Optional<String>}, McpCaller or McpClient. Args: method, parameter, type. */
    PROMPT_PARAMETER_TYPE(
            "MCPAUTH-0130",
            "@Prompt %s parameter '%s' is a %s: prompt arguments are String (or"
                    + " Optional<String> when not required); McpCaller and McpClient are allowed too"),

    /** A prompt method returns something that is not messages. Args: method, type. */
    PROMPT_RETURN_TYPE(
            "MCPAUTH-0131",
            "@Prompt %s returns %s: a prompt returns a String (one user message), a"
                    + " PromptMessage, or a List<PromptMessage>"),

    /** Two prompts share a name. Args: name, first method, second method. */
    PROMPT_NAME_DUPLICATE(
            "MCPAUTH-0132", "the prompt name '%s' is used by both %s and %s: set @Prompt(name = ...) on one"),

    // 014x: completions, each fails the deployment

    /** A completion method does not take one String and return a list of strings. Args: annotation, method. */
    COMPLETION_SIGNATURE(
            "MCPAUTH-0140",
            "%s %s must take the partial value as one String parameter (McpCaller and"
                    + " McpClient are allowed too) and return a List<String> of suggestions"),

    /** A completion names a prompt argument or template variable that does not exist. Args: method, what. */
    COMPLETION_TARGET_UNKNOWN(
            "MCPAUTH-0141",
            "%s completes %s, which does not exist: check the prompt name or template and"
                    + " the argument or variable name"),

    /** Two completions for one argument. Args: what, first method, second method. */
    COMPLETION_DUPLICATE("MCPAUTH-0142", "%s is completed by both %s and %s: keep one"),

    // 02xx: tool calls

    /** A tool, resource, prompt or completion method threw something other than a {@code McpException}; the client sees only the incident. Args: kind, name, method, exception class, incident. */
    FEATURE_FAILED_UNEXPECTEDLY("MCPAUTH-0201", "%s %s (%s) threw %s, incident %s"),

    // 03xx: transport and common configuration

    /** An entry of {@code mcp.allowed-origins} is not an origin. Args: key, entry. */
    CONFIG_ORIGIN_INVALID("MCPAUTH-0301", "%s holds '%s', which is not an origin such as https://app.example.com"),

    /** A key that takes a positive integer holds something else. Args: key, value. */
    CONFIG_NOT_POSITIVE_INTEGER("MCPAUTH-0302", "%s must be a positive integer, not '%s'"),

    /** A request came from a browser origin that is not allowed (MCP transport DNS-rebinding guard). Args: origin. */
    ORIGIN_REFUSED(
            "MCPAUTH-0303",
            "refused a request from origin %s; add it to mcp.allowed-origins if it is a trusted web client"),

    /** A request-state key is not Base64 of an AES key. Args: key name. */
    REQUEST_STATE_KEY_INVALID("MCPAUTH-0304", "%s holds a value that is not the Base64 of a 16, 24 or 32 byte AES key"),

    /** {@code mcp.state.engine} names no engine. Args: key, value. */
    CONFIG_STATE_ENGINE("MCPAUTH-0305", "%s must be memory or hazelcast, not '%s'"),

    /** The Hazelcast engine without members. Args: members key, engine key. */
    CONFIG_HAZELCAST_MEMBERS(
            "MCPAUTH-0306",
            "%s must list every member as host:port when %s=hazelcast (members join by that list only)"),

    /** A Hazelcast member that is not host:port. Args: key, value. */
    CONFIG_HAZELCAST_MEMBER("MCPAUTH-0307", "%s holds '%s', which is not host:port"),

    // 04xx: authorization configuration, each fails the deployment

    /** {@code mcp.auth.resource} is not set while authorization is on. Args: resource key, enabled key. */
    CONFIG_RESOURCE_REQUIRED(
            "MCPAUTH-0401",
            "%s is required: the canonical URL of this MCP endpoint,"
                    + " such as https://mcp.example.com/mcp (or set %s=false for development)"),

    /** No issuer is configured while authorization is on. Args: issuer key, issuers key. */
    CONFIG_ISSUER_REQUIRED(
            "MCPAUTH-0402",
            "%s is required: the issuer URL of the authorization server whose"
                    + " tokens this resource accepts (or list several in %s)"),

    /** {@code mcp.auth.resource} has a fragment, which RFC 8707 §2 forbids. Args: key, value. */
    CONFIG_RESOURCE_FRAGMENT("MCPAUTH-0403", "%s must not have a fragment (RFC 8707 §2): '%s'"),

    /** A key (or an item of a list key) that takes an http(s) URL holds something else. Args: key, value. */
    CONFIG_NOT_HTTP_URL("MCPAUTH-0404", "%s must be an absolute http(s) URL, not '%s'"),

    /** A scope list key holds a value that is not an OAuth scope token. Args: key, value. */
    CONFIG_SCOPE_INVALID("MCPAUTH-0405", "%s holds '%s', which is not a valid OAuth scope (RFC 6749 §3.3)"),

    /** A boolean key holds something other than true or false. Args: key, value. */
    CONFIG_NOT_BOOLEAN("MCPAUTH-0406", "%s must be true or false, not '%s'"),

    /** A key that takes a whole number of at least 0 holds something else. Args: key, value. */
    CONFIG_NOT_NON_NEGATIVE_INTEGER("MCPAUTH-0407", "%s must be a whole number of at least 0, not '%s'"),

    /** {@code mcp.auth.verifier} names an unknown verifier. Args: key, value. */
    CONFIG_VERIFIER_UNKNOWN("MCPAUTH-0408", "%s must be jwt, introspection or jwt-or-introspection, not '%s'"),

    /** Introspection is configured without the resource server's client id or secret. Args: verifier key, id key, secret key. */
    CONFIG_INTROSPECTION_CLIENT_REQUIRED(
            "MCPAUTH-0409",
            "%s uses introspection, which needs %s and %s"
                    + " (this resource server's client at the authorization server)"),

    /** {@code mcp.auth.introspection.client-auth} is neither basic nor post. Args: key, value. */
    CONFIG_INTROSPECTION_CLIENT_AUTH_UNKNOWN("MCPAUTH-0410", "%s must be basic or post, not '%s'"),

    /** An entry of the scope implications is not {@code scope=implied-scope ...}. Args: key, entry. */
    CONFIG_SCOPE_IMPLICATION_INVALID(
            "MCPAUTH-0411", "%s holds '%s'; each entry is scope=implied-scope implied-scope ..."),

    /** An authorization-server URL is plain http to a host that is not loopback. Args: key, URL, opt-out key. */
    CONFIG_INSECURE_HTTP(
            "MCPAUTH-0412",
            "%s is '%s': the authorization server must be reached over https"
                    + " (plain http only on localhost, 127.0.0.0/8 or [::1]), or set %s=true"),

    /** An entry of {@code mcp.auth.issuer-scopes} is malformed or names an issuer that is not accepted. Args: key, entry, issuers. */
    CONFIG_ISSUER_SCOPES_INVALID(
            "MCPAUTH-0413",
            "%s holds '%s'; each entry is <issuer>=scope scope ..." + " naming one of the accepted issuers %s"),

    /** {@code mcp.auth.roles-claim-issuers} names an issuer that is not accepted. Args: key, issuer, issuers. */
    CONFIG_ROLES_CLAIM_ISSUER_UNKNOWN("MCPAUTH-0414", "%s names '%s', which is not an accepted issuer %s"),

    /** {@code mcp.auth.dpop} names an unknown mode. Args: key, value. */
    CONFIG_DPOP_MODE("MCPAUTH-0415", "%s must be disabled, optional or required, not '%s'"),

    /** {@code mcp.auth.dpop.algorithms} names an algorithm that is not an asymmetric signature. Args: key, name. */
    CONFIG_DPOP_ALGORITHM(
            "MCPAUTH-0416", "%s names '%s', which is not an asymmetric JWS signature algorithm (such as ES256)"),

    /** An {@code @OnBehalfOf} API without its audience. Args: key, API name, interface. */
    CONFIG_DOWNSTREAM_AUDIENCE_MISSING(
            "MCPAUTH-0417",
            "%s is required: %s calls the API '%s' on behalf of the caller, with a token for that audience"),

    /** {@code @OnBehalfOf} is used but the MCP server's own client for token exchange is not configured. Args: what is missing. */
    CONFIG_TOKEN_EXCHANGE_CLIENT(
            "MCPAUTH-0418",
            "calls on behalf of the caller need the MCP server's own client at the authorization server: %s"),

    /** {@code mcp.token-exchange.client-auth} holds an unknown method. Args: key, value. */
    CONFIG_TOKEN_EXCHANGE_CLIENT_AUTH(
            "MCPAUTH-0419", "%s must be client_secret_basic, client_secret_post or private_key_jwt, not '%s'"),

    /** The private key file for {@code private_key_jwt} cannot be used. Args: key, file, why. */
    CONFIG_TOKEN_EXCHANGE_KEY(
            "MCPAUTH-0420", "%s names %s, which is not a usable private JWK (RSA or EC with a kid): %s"),

    // 05xx: the authorization server

    /** Logged when the issuer's key set was found: tokens are verified with it. Args: issuer, JWKS URL. */
    JWKS_DISCOVERED("MCPAUTH-0501", "verifying tokens of %s with the keys at %s"),

    /** The issuer's metadata or key set cannot be fetched; requests with tokens get 503 meanwhile. Args: issuer, failure. */
    JWKS_DISCOVERY_FAILED(
            "MCPAUTH-0502", "cannot find the JWKS of %s: %s; requests with tokens get 503 until it is reachable"),

    /** The introspection endpoint answered 401 or 403 to this resource server's own credentials. Args: endpoint, status. */
    INTROSPECTION_CREDENTIALS_REFUSED(
            "MCPAUTH-0503",
            "the introspection endpoint %s refused this resource server's"
                    + " credentials (HTTP %d); check mcp.auth.introspection.client-id and client-secret"),

    /** Logged when the introspection endpoint was found in the issuer's metadata. Args: issuer, endpoint. */
    INTROSPECTION_DISCOVERED("MCPAUTH-0504", "introspecting tokens of %s at %s"),

    /** The issuer's metadata names a plain-http endpoint on a non-loopback host; it is not used. Args: issuer, endpoint kind, URL. */
    METADATA_ENDPOINT_INSECURE(
            "MCPAUTH-0505",
            "the metadata of %s names the %s %s, plain http to a host that is not"
                    + " loopback; it is not used (set mcp.auth.allow-insecure-http=true to allow it)"),

    /** Logged when a refresh of the key set shows a key was removed; cached verdicts are dropped. Args: issuer. */
    KEY_REMOVED("MCPAUTH-0506", "a key of %s left its key set; tokens verified earlier are checked again"),

    /** The introspection endpoint cannot be discovered; requests with tokens get 503 meanwhile. Args: issuer, failure, retry seconds. */
    INTROSPECTION_DISCOVERY_FAILED(
            "MCPAUTH-0507",
            "cannot find the introspection endpoint of %s: %s; requests with"
                    + " tokens get 503, the next attempt in %d s"),

    /** The token endpoint refused the MCP server's own credentials during a token exchange. Args: endpoint, what it said. */
    TOKEN_EXCHANGE_CREDENTIALS_REFUSED(
            "MCPAUTH-0508",
            "the token endpoint %s refused this server's client credentials for a token exchange (%s); check"
                    + " mcp.token-exchange.client-id and its secret or key, and that the client may exchange tokens"),

    /** A token exchange failed for a reason the user cannot fix (unreachable, 5xx, a malformed answer). Args: API, endpoint, why. */
    TOKEN_EXCHANGE_UNAVAILABLE("MCPAUTH-0509", "no token for the API '%s' from %s: %s; the call fails as unavailable"),

    // 06xx: token verification at request time

    /** A token could not be verified because the key source or introspection is unavailable; the request got 503. Args: reason. */
    VERIFICATION_UNAVAILABLE("MCPAUTH-0602", "cannot verify tokens now: %s"),

    /** Every introspection slot is busy; further requests with tokens get 503 (logged at most every 10 s). Args: slots. */
    INTROSPECTION_SATURATED(
            "MCPAUTH-0603",
            "all %d introspection slots are busy; further tokens get 503"
                    + " until one is free (mcp.auth.introspection.max-concurrent)"),

    /** The token verifier threw an unexpected exception; the token was refused with 401. Args: exception class, origin, incident. */
    VERIFIER_FAILED_UNEXPECTEDLY(
            "MCPAUTH-0604", "the token verifier failed unexpectedly (%s at %s), refused the token;" + " incident %s"),

    // 09xx: unexpected failures

    /** An exception reached the HTTP layer unhandled; the client got 500 with the incident id. Args: incident. */
    UNEXPECTED_FAILURE("MCPAUTH-0901", "unexpected failure, incident %s");

    private final String id;
    private final String template;

    Message(String id, String template) {
        this.id = id;
        this.template = template;
    }

    /**
     * The searchable id, as it starts every formatted message.
     *
     * @return {@code MCPAUTH-} and four digits
     */
    public String id() {
        return id;
    }

    /**
     * The message as logged or reported: the id, a colon, and the text with {@code args} filled in.
     *
     * @param args the values named by the constant's javadoc, in order
     * @return {@code "MCPAUTH-NNNN: "} followed by the text
     */
    public String format(Object... args) {
        // Locale.ROOT: %d would otherwise use the server's digits, and operators search logs for the same text
        // everywhere
        return id + ": " + String.format(Locale.ROOT, template, args);
    }
}
