package dev.mcpauth.runtime.downstream;

import dev.mcpauth.DownstreamAccessException;
import dev.mcpauth.DownstreamAccessException.Reason;
import dev.mcpauth.McpCaller;
import dev.mcpauth.runtime.auth.AuditLog;
import dev.mcpauth.runtime.auth.DeadlineHttp;
import dev.mcpauth.runtime.auth.HttpsRule;
import dev.mcpauth.runtime.auth.IssuerMetadata;
import dev.mcpauth.runtime.messages.Message;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Tokens for the APIs tools call on behalf of the caller ({@link dev.mcpauth.OnBehalfOf}): from the cache while one is
 * fresh, else by a token exchange at the caller's issuer (or the API's configured token endpoint). Every exchange is
 * audited; failures become {@link DownstreamAccessException}s whose messages the model and the user can act on, with
 * the detail for the operator in the log.
 */
public final class DownstreamTokens {

    private static final Logger LOG = Logger.getLogger(DownstreamTokens.class.getName());

    private final DownstreamSettings settings;
    private final HttpsRule https;
    private final AuditLog audit;
    private final DeadlineHttp http;
    private final TokenExchangeClient exchange;
    private final ExchangedTokenCache cache;
    private final Map<String, URI> tokenEndpoints = new ConcurrentHashMap<>();

    /**
     * The service for a deployment.
     *
     * @param settings the APIs and the MCP server's client
     * @param https where cleartext is acceptable (the client secret and the caller's token travel to the endpoint)
     * @param audit the audit log
     * @param clock the clock tokens expire by
     */
    public DownstreamTokens(DownstreamSettings settings, HttpsRule https, AuditLog audit, Clock clock) {
        this.settings = settings;
        this.https = https;
        this.audit = audit;
        this.http = new DeadlineHttp(settings.timeout());
        this.exchange = settings.client() == null ? null : new TokenExchangeClient(http, settings.client(), clock);
        this.cache = new ExchangedTokenCache(settings.cacheSize(), clock);
    }

    /**
     * A token for the API in the caller's name.
     *
     * @param apiName the API's name in {@code @OnBehalfOf}
     * @param caller the MCP caller, or null outside a request
     * @param callerToken the caller's access token, or null when there is none
     * @return the token to send to the API as a bearer token
     * @throws DownstreamAccessException when no token can be had, with a message for the model and the user
     */
    public String tokenFor(String apiName, McpCaller caller, String callerToken) {
        DownstreamApi api = settings.apis().get(apiName);
        if (api == null || exchange == null) {
            LOG.severe(() -> Message.TOKEN_EXCHANGE_UNAVAILABLE.format(
                    apiName, "-", "the API is not configured (mcp.downstream." + apiName + ".audience)"));
            throw failure(apiName, Reason.MISCONFIGURED, "not configured");
        }
        if (caller == null || callerToken == null || caller.issuer() == null) {
            throw new DownstreamAccessException(
                    apiName,
                    Reason.REFUSED,
                    "Calling " + apiName + " needs a signed-in user, and this request has none.");
        }
        return cache.get(callerToken, apiName, () -> exchange(api, caller, callerToken))
                .value();
    }

    private ExchangedToken exchange(DownstreamApi api, McpCaller caller, String callerToken) {
        URI endpoint = endpoint(api, caller);
        try {
            ExchangedToken token = exchange.exchange(endpoint, callerToken, api);
            audit.exchanged(caller, api.name(), "issued", null);
            return token;
        } catch (TokenExchangeClient.ExchangeFailure e) {
            audit.exchanged(caller, api.name(), e.reason().name().toLowerCase(Locale.ROOT), e.getMessage());
            switch (e.reason()) {
                case MISCONFIGURED ->
                    LOG.severe(() -> Message.TOKEN_EXCHANGE_CREDENTIALS_REFUSED.format(endpoint, e.getMessage()));
                case UNAVAILABLE ->
                    LOG.warning(() -> Message.TOKEN_EXCHANGE_UNAVAILABLE.format(api.name(), endpoint, e.getMessage()));
                case REFUSED -> {
                    // the audit line says it: a user's refusal is not the operator's problem
                }
            }
            throw failure(api.name(), e.reason(), e.getMessage());
        }
    }

    /** The API's configured endpoint, else the caller's issuer's, discovered once per issuer. */
    private URI endpoint(DownstreamApi api, McpCaller caller) {
        URI endpoint = api.tokenEndpoint().orElse(null);
        if (endpoint == null) {
            endpoint = tokenEndpoints.get(caller.issuer());
        }
        if (endpoint == null) {
            try {
                endpoint = IssuerMetadata.discoverEndpoint(caller.issuer(), "token_endpoint", http, https);
                tokenEndpoints.put(caller.issuer(), endpoint);
            } catch (IOException e) {
                String why = "its token endpoint cannot be discovered (" + e.getMessage() + ")";
                LOG.warning(() -> Message.TOKEN_EXCHANGE_UNAVAILABLE.format(api.name(), caller.issuer(), why));
                audit.exchanged(caller, api.name(), "unavailable", why);
                throw failure(api.name(), Reason.UNAVAILABLE, why);
            }
        }
        if (!https.permits(endpoint)) {
            URI refused = endpoint;
            String why = "plain http to a host that is not loopback would expose the tokens";
            LOG.severe(() -> Message.TOKEN_EXCHANGE_UNAVAILABLE.format(api.name(), refused, why));
            audit.exchanged(caller, api.name(), "misconfigured", why);
            throw failure(api.name(), Reason.MISCONFIGURED, why);
        }
        return endpoint;
    }

    /** The exception the tool sees: a message for the model and the user, by reason; the detail went to the log. */
    private static DownstreamAccessException failure(String api, Reason reason, String detail) {
        String message = switch (reason) {
            case REFUSED ->
                "The authorization server refused to issue a token for " + api + " on your behalf: you"
                        + " may not use it, or your sign-in has ended (then sign in again).";
            case UNAVAILABLE ->
                "Cannot reach " + api + " on your behalf right now: the authorization server did not"
                        + " issue a token. Try again later.";
            case MISCONFIGURED ->
                "This server is not set up to call " + api
                        + " on your behalf. The operator must fix this; trying again will not help.";
        };
        return new DownstreamAccessException(api, reason, message);
    }

    /** How many exchanged tokens are kept, for tests and diagnostics. */
    int cached() {
        return cache.size();
    }
}
