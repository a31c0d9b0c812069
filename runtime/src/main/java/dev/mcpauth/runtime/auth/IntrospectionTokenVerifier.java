package dev.mcpauth.runtime.auth;

import dev.mcpauth.McpCaller;
import dev.mcpauth.runtime.jsonrpc.Jsonp;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Verifies tokens by asking the authorization server (OAuth 2.0 Token Introspection, RFC 7662), for opaque
 * tokens that carry no signature to check. The resource server authenticates at the endpoint with its own
 * client credentials; the answer must say {@code active}, name this resource in {@code aud} and, when it
 * names an issuer, the configured one. Answers are reused until the token expires, at most for the
 * configured time, so a revoked token stops working within that time.
 */
public final class IntrospectionTokenVerifier implements TokenVerifier {

    private static final Logger LOG = Logger.getLogger(IntrospectionTokenVerifier.class.getName());
    private static final int MAX_RESPONSE_BYTES = 256 * 1024;

    private final AuthSettings settings;
    private final AuthSettings.Introspection client;
    private final HttpClient http;
    private final Duration timeout;
    private final VerifiedTokenCache cache;
    private final Clock clock;
    private volatile URI endpoint;

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
        this.timeout = Duration.ofMillis(settings.httpTimeoutMillis());
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.cache = new VerifiedTokenCache(client.cacheTtlSeconds() == 0 ? 0 : settings.tokenCacheSize(), 0);
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
        JsonObject answer = introspect(token);
        if (answer.get("active") != JsonValue.TRUE) {
            throw new TokenRejectedException("The token is not active");
        }
        checkClaims(answer, now);
        McpCaller caller = CallerClaims.toCaller(toJava(answer));
        long validUntil = now + client.cacheTtlSeconds() * 1000L;
        if (answer.get("exp") instanceof JsonNumber exp) {
            validUntil = Math.min(validUntil, exp.longValue() * 1000);
        }
        cache.put(token, caller, validUntil);
        return caller;
    }

    private void checkClaims(JsonObject answer, long now) throws TokenRejectedException {
        long skew = settings.clockSkewSeconds() * 1000L;
        if (answer.get("exp") instanceof JsonNumber exp && exp.longValue() * 1000 + skew < now) {
            throw new TokenRejectedException("The token has expired");
        }
        if (answer.get("nbf") instanceof JsonNumber nbf && nbf.longValue() * 1000 - skew > now) {
            throw new TokenRejectedException("The token is not valid yet (nbf)");
        }
        if (answer.containsKey("iss") && !(answer.get("iss") instanceof JsonString iss && iss.getString().equals(settings.issuer()))) {
            throw new TokenRejectedException("The token was issued by another issuer");
        }
        List<String> audience = strings(answer.get("aud"));
        if (audience.isEmpty()) {
            throw new TokenRejectedException("The token has no audience (aud)");
        }
        if (audience.stream().noneMatch(settings.audiences()::contains)) {
            throw new TokenRejectedException("The token is meant for another resource (aud)");
        }
    }

    private JsonObject introspect(String token) throws VerificationUnavailableException {
        URI target = endpoint();
        StringBuilder form = new StringBuilder("token=").append(encode(token)).append("&token_type_hint=access_token");
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json");
        if (client.basicAuth()) {
            // RFC 6749 §2.3.1: id and secret are form-encoded before they are joined and base64-encoded
            String credentials = encode(client.clientId()) + ":" + encode(client.clientSecret());
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        } else {
            form.append("&client_id=").append(encode(client.clientId())).append("&client_secret=").append(encode(client.clientSecret()));
        }
        try {
            HttpResponse<InputStream> response = http.send(request.POST(HttpRequest.BodyPublishers.ofString(form.toString())).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            byte[] body;
            try (InputStream in = response.body()) {
                body = in.readNBytes(MAX_RESPONSE_BYTES);
            }
            if (response.statusCode() == 401 || response.statusCode() == 403) {
                LOG.severe(() -> "MCPAUTH-0503: the introspection endpoint " + target + " refused this resource server's credentials"
                        + " (HTTP " + response.statusCode() + "); check mcp.auth.introspection.client-id and client-secret");
                throw new VerificationUnavailableException("the introspection endpoint refused our client credentials", null);
            }
            if (response.statusCode() != 200) {
                throw new VerificationUnavailableException("the introspection endpoint answered HTTP " + response.statusCode(), null);
            }
            try (JsonReader reader = Jsonp.reader(new ByteArrayInputStream(body))) {
                return reader.readObject();
            }
        } catch (IOException | RuntimeException e) {
            throw new VerificationUnavailableException("the introspection endpoint " + target + " cannot be used", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VerificationUnavailableException("interrupted while introspecting", e);
        }
    }

    private URI endpoint() throws VerificationUnavailableException {
        URI known = endpoint;
        if (known == null) {
            try {
                known = IssuerMetadata.discoverEndpoint(settings.issuer(), "introspection_endpoint", http, timeout);
                endpoint = known;
                URI found = known;
                LOG.info(() -> "MCPAUTH-0504: introspecting tokens of " + settings.issuer() + " at " + found);
            } catch (IOException e) {
                throw new VerificationUnavailableException("the issuer's metadata names no usable introspection endpoint", e);
            }
        }
        return known;
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

    /** The answer as JSON-like Java values, the form {@link McpCaller#claims()} promises. */
    static Map<String, Object> toJava(JsonObject object) {
        Map<String, Object> values = new LinkedHashMap<>();
        object.forEach((name, value) -> values.put(name, toJava(value)));
        return values;
    }

    private static Object toJava(JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> ((JsonNumber) value).isIntegral() ? (Object) ((JsonNumber) value).longValue() : ((JsonNumber) value).doubleValue();
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NULL -> null;
            case ARRAY -> ((JsonArray) value).stream().map(IntrospectionTokenVerifier::toJava).toList();
            case OBJECT -> toJava((JsonObject) value);
        };
    }
}
