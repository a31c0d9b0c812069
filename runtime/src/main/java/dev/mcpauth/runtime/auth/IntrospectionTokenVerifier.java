package dev.mcpauth.runtime.auth;

import dev.mcpauth.McpCaller;
import dev.mcpauth.runtime.jsonrpc.Jsonp;
import dev.mcpauth.runtime.messages.Message;
import dev.mcpauth.spi.TokenVerifier;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * Verifies tokens by asking the authorization server (OAuth 2.0 Token Introspection, RFC 7662), for opaque
 * tokens that carry no signature to check. The resource server authenticates at the endpoint with its own
 * client credentials; the answer must say {@code active}, name this resource in {@code aud} and, when it
 * names an issuer, the configured one. Answers are reused until the token expires, at most for the
 * configured time, so a revoked token stops working within that time.
 *
 * <p>The authorization server is spared: a refusal is repeated from memory for {@link RecentRefusals#TTL}, at most
 * {@code mcp.auth.introspection.max-concurrent} introspections run at once (the next caller gets 503 at once rather
 * than a place in a queue), a failed endpoint discovery is not retried for {@link #DISCOVERY_RETRY}, and every
 * exchange ends within {@code mcp.auth.http-timeout-ms}, body included.
 */
public final class IntrospectionTokenVerifier implements TokenVerifier {

    private static final Logger LOG = Logger.getLogger(IntrospectionTokenVerifier.class.getName());
    private static final int MAX_RESPONSE_BYTES = 256 * 1024;
    /** How long to wait before asking for the issuer's metadata again after a failure, as for the JWKS. */
    static final Duration DISCOVERY_RETRY = DiscoveringJwkSource.DISCOVERY_RETRY;
    /** At most one warning about a full introspection pool in this interval. */
    private static final long SATURATION_LOG_INTERVAL_NANOS =
            Duration.ofSeconds(10).toNanos();

    private final AuthSettings settings;
    private final IntrospectionSettings client;
    private final DeadlineHttp http;
    private final VerifiedTokenCache cache;
    private final RecentRefusals refusals = new RecentRefusals();
    private final Semaphore inFlight;
    private final CallerClaims callers;
    private final Clock clock;
    private volatile URI endpoint;
    private volatile long nextDiscoveryNanos = System.nanoTime();
    private final AtomicLong nextSaturationLogNanos = new AtomicLong(System.nanoTime());

    /**
     * A verifier for the configured issuer and introspection client.
     *
     * @param settings the resource server settings, with introspection configured
     */
    public IntrospectionTokenVerifier(AuthSettings settings) {
        this(settings, Clock.systemUTC());
    }

    IntrospectionTokenVerifier(AuthSettings settings, Clock clock) {
        this.settings = settings;
        this.client = settings.introspection().orElseThrow();
        this.http = new DeadlineHttp(Duration.ofMillis(settings.token().httpTimeoutMillis()));
        this.cache = new VerifiedTokenCache(
                client.cacheTtlSeconds() == 0 ? 0 : settings.token().tokenCacheSize(), 0);
        this.inFlight = new Semaphore(client.maxConcurrent());
        this.callers = new CallerClaims(settings);
        this.clock = clock;
        this.endpoint = client.endpoint().orElse(null);
    }

    @Override
    public McpCaller verify(String token) throws TokenRejectedException, VerificationUnavailableException {
        long now = clock.millis();
        McpCaller known = cache.get(token, now);
        if (known != null) {
            return known;
        }
        String refused = refusals.get(token, now);
        if (refused != null) {
            throw new TokenRejectedException(refused);
        }
        // a bounded pool, not a queue: when the authorization server is slow, waiting callers would pile up
        // request threads, so the surplus is told to come back later (503) at once
        if (!inFlight.tryAcquire()) {
            long due = nextSaturationLogNanos.get();
            if (System.nanoTime() - due >= 0
                    && nextSaturationLogNanos.compareAndSet(due, System.nanoTime() + SATURATION_LOG_INTERVAL_NANOS)) {
                LOG.warning(() -> Message.INTROSPECTION_SATURATED.format(client.maxConcurrent()));
            }
            throw new VerificationUnavailableException("too many introspections in progress", null);
        }
        try {
            McpCaller caller = callerOf(introspect(token), now);
            long validUntil = now + client.cacheTtlSeconds() * 1000L;
            if (caller.claims().get("exp") instanceof Number exp) {
                validUntil = Math.min(validUntil, exp.longValue() * 1000);
            }
            cache.put(token, caller, validUntil, cache.generation());
            return caller;
        } catch (TokenRejectedException e) {
            refusals.put(token, e.getMessage(), now);
            throw e;
        } finally {
            inFlight.release();
        }
    }

    private McpCaller callerOf(JsonObject answer, long now) throws TokenRejectedException {
        if (answer.get("active") != JsonValue.TRUE) {
            throw new TokenRejectedException("The token is not active");
        }
        checkClaims(answer, now);
        return callers.toCaller(Jsonp.toJava(answer), settings.token().issuer());
    }

    private void checkClaims(JsonObject answer, long now) throws TokenRejectedException {
        long skew = settings.token().clockSkewSeconds() * 1000L;
        if (answer.get("exp") instanceof JsonNumber exp && exp.longValue() * 1000 + skew < now) {
            throw new TokenRejectedException("The token has expired");
        }
        if (answer.get("nbf") instanceof JsonNumber nbf && nbf.longValue() * 1000 - skew > now) {
            throw new TokenRejectedException("The token is not valid yet (nbf)");
        }
        if (answer.containsKey("iss")
                && !(answer.get("iss") instanceof JsonString iss
                        && iss.getString().equals(settings.token().issuer()))) {
            throw new TokenRejectedException("The token was issued by another issuer");
        }
        List<String> audience = strings(answer.get("aud"));
        if (audience.isEmpty()) {
            throw new TokenRejectedException("The token has no audience (aud)");
        }
        if (audience.stream().noneMatch(settings.token().audiences()::contains)) {
            throw new TokenRejectedException("The token is meant for another resource (aud)");
        }
    }

    private JsonObject introspect(String token) throws VerificationUnavailableException {
        URI target = endpoint();
        StringBuilder form = new StringBuilder("token=").append(encode(token)).append("&token_type_hint=access_token");
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json");
        if (client.basicAuth()) {
            request.header("Authorization", ClientSecretBasic.header(client.clientId(), client.clientSecret()));
        } else {
            form.append("&client_id=")
                    .append(encode(client.clientId()))
                    .append("&client_secret=")
                    .append(encode(client.clientSecret()));
        }
        DeadlineHttp.Answer response;
        try {
            response =
                    http.send(request.POST(HttpRequest.BodyPublishers.ofString(form.toString())), MAX_RESPONSE_BYTES);
        } catch (IOException | RuntimeException e) {
            throw new VerificationUnavailableException("the introspection endpoint " + target + " cannot be used", e);
        }
        if (response.status() == 401 || response.status() == 403) {
            LOG.severe(() -> Message.INTROSPECTION_CREDENTIALS_REFUSED.format(target, response.status()));
            throw new VerificationUnavailableException(
                    "the introspection endpoint refused our client credentials", null);
        }
        if (response.status() != 200) {
            throw new VerificationUnavailableException(
                    "the introspection endpoint answered HTTP " + response.status(), null);
        }
        try (JsonReader reader = Jsonp.reader(new ByteArrayInputStream(response.body()))) {
            return reader.readObject();
        } catch (RuntimeException e) {
            throw new VerificationUnavailableException(
                    "the introspection endpoint " + target + " answered something other than JSON", e);
        }
    }

    /** The endpoint, configured or discovered; after a failed discovery, not asked again for {@link #DISCOVERY_RETRY}. */
    private URI endpoint() throws VerificationUnavailableException {
        URI known = endpoint;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (endpoint != null) {
                return endpoint;
            }
            if (System.nanoTime() - nextDiscoveryNanos < 0) {
                throw new VerificationUnavailableException(
                        "the issuer's metadata was unavailable moments ago; retrying in at most "
                                + DISCOVERY_RETRY.toSeconds() + " s",
                        null);
            }
            try {
                URI found = IssuerMetadata.discoverEndpoint(
                        settings.token().issuer(),
                        "introspection_endpoint",
                        http,
                        settings.token().httpsRule());
                endpoint = found;
                LOG.info(() ->
                        Message.INTROSPECTION_DISCOVERED.format(settings.token().issuer(), found));
                return found;
            } catch (IOException e) {
                nextDiscoveryNanos = System.nanoTime() + DISCOVERY_RETRY.toNanos();
                LOG.warning(() -> Message.INTROSPECTION_DISCOVERY_FAILED.format(
                        settings.token().issuer(), e.getMessage(), DISCOVERY_RETRY.toSeconds()));
                throw new VerificationUnavailableException(
                        "the issuer's metadata names no usable introspection endpoint", e);
            }
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static List<String> strings(JsonValue value) {
        List<String> values = new ArrayList<>();
        if (value instanceof JsonString single) {
            values.add(single.getString());
        } else if (value instanceof JsonArray array) {
            array.forEach(item -> {
                if (item instanceof JsonString text) {
                    values.add(text.getString());
                }
            });
        }
        return values;
    }
}
