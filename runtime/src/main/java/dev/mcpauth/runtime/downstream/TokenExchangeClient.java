package dev.mcpauth.runtime.downstream;

import dev.mcpauth.DownstreamAccessException.Reason;
import dev.mcpauth.runtime.auth.DeadlineHttp;
import dev.mcpauth.runtime.jsonrpc.Jsonp;
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
import java.util.Set;

/**
 * One token exchange (RFC 8693): the caller's access token as the subject, the API's audience and scopes asked for,
 * the MCP server authenticated as its own client. Turns every outcome into a token or an {@link ExchangeFailure} of the
 * right {@link Reason}; it never logs or returns the tokens in a message.
 */
final class TokenExchangeClient {

    static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:token-exchange";
    static final String ACCESS_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:access_token";

    /** A token answer is a few kilobytes. */
    private static final int MAX_ANSWER_BYTES = 64 * 1024;

    /** A token is sent no later than this before it expires, so it does not expire on the way to the API. */
    static final Duration EXPIRY_MARGIN = Duration.ofSeconds(30);

    /** Reuse a token that names no lifetime (RFC 8693 makes {@code expires_in} only recommended) this long. */
    static final Duration UNSTATED_LIFETIME = Duration.ofSeconds(60);

    /**
     * Token endpoint errors (RFC 6749 §5.2, RFC 8693 §2.2.2) that mean this user may not have this token: among them
     * {@code invalid_request}, which RFC 8693 also uses for a subject token the server no longer accepts (Keycloak: a
     * token not issued for the MCP server's client, or of an ended session).
     */
    private static final Set<String> REFUSALS = Set.of(
            "invalid_request",
            "invalid_grant",
            "access_denied",
            "invalid_target",
            "invalid_scope",
            "unauthorized_client");

    private final DeadlineHttp http;
    private final ClientCredentials client;
    private final Clock clock;

    TokenExchangeClient(DeadlineHttp http, ClientCredentials client, Clock clock) {
        this.http = http;
        this.client = client;
        this.clock = clock;
    }

    /**
     * Exchanges the caller's token for one for the API.
     *
     * @param endpoint the token endpoint
     * @param subjectToken the caller's access token
     * @param api the API
     * @return the new token
     * @throws ExchangeFailure when the endpoint refuses ({@link Reason#REFUSED}), rejects our own credentials
     *     ({@link Reason#MISCONFIGURED}), or cannot be used ({@link Reason#UNAVAILABLE})
     */
    ExchangedToken exchange(URI endpoint, String subjectToken, DownstreamApi api) {
        StringBuilder form = new StringBuilder("grant_type=")
                .append(encode(GRANT_TYPE))
                .append("&subject_token=")
                .append(encode(subjectToken))
                .append("&subject_token_type=")
                .append(encode(ACCESS_TOKEN_TYPE))
                .append("&requested_token_type=")
                .append(encode(ACCESS_TOKEN_TYPE))
                .append("&audience=")
                .append(encode(api.audience()));
        if (!api.scopes().isEmpty()) {
            form.append("&scope=").append(encode(String.join(" ", api.scopes())));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json");
        client.authenticate(request, form, endpoint);
        DeadlineHttp.Answer answer;
        try {
            answer = http.send(request.POST(HttpRequest.BodyPublishers.ofString(form.toString())), MAX_ANSWER_BYTES);
        } catch (IOException | RuntimeException e) {
            throw new ExchangeFailure(Reason.UNAVAILABLE, "the token endpoint cannot be reached: " + e.getMessage());
        }
        JsonObject body = json(answer.body());
        if (answer.status() == 200) {
            return token(body);
        }
        String error = body == null ? null : string(body, "error");
        // the authorization server's own words, for the operator (never a token: RFC 6749 §5.2 descriptions are text)
        String said = "HTTP " + answer.status() + (error == null ? "" : " " + error)
                + (body != null && string(body, "error_description") != null
                        ? " (" + string(body, "error_description") + ")"
                        : "");
        if (answer.status() == 401 || "invalid_client".equals(error)) {
            throw new ExchangeFailure(
                    Reason.MISCONFIGURED, "the token endpoint refused this server's credentials: " + said);
        }
        if ((answer.status() == 400 || answer.status() == 403) && error != null && REFUSALS.contains(error)) {
            throw new ExchangeFailure(Reason.REFUSED, said);
        }
        throw new ExchangeFailure(Reason.UNAVAILABLE, "the token endpoint answered " + said);
    }

    private ExchangedToken token(JsonObject body) {
        if (body == null) {
            throw new ExchangeFailure(Reason.UNAVAILABLE, "the token endpoint answered something other than JSON");
        }
        String value = string(body, "access_token");
        String tokenType = string(body, "token_type");
        if (value == null || value.isEmpty()) {
            throw new ExchangeFailure(Reason.UNAVAILABLE, "the token endpoint's answer has no access_token");
        }
        // RFC 8693 §2.2.1: "Bearer" or "N_A"; a DPoP-bound token would need a proof this server cannot make for it
        if (tokenType != null && !tokenType.equalsIgnoreCase("Bearer") && !tokenType.equalsIgnoreCase("N_A")) {
            throw new ExchangeFailure(
                    Reason.UNAVAILABLE, "the token endpoint issued a token of type " + tokenType + ", not Bearer");
        }
        String issuedType = string(body, "issued_token_type");
        if (issuedType != null && !issuedType.equals(ACCESS_TOKEN_TYPE) && !issuedType.endsWith(":jwt")) {
            throw new ExchangeFailure(
                    Reason.UNAVAILABLE, "the token endpoint issued a " + issuedType + ", not an access token");
        }
        Duration lifetime = UNSTATED_LIFETIME;
        JsonValue expiresIn = body.get("expires_in");
        if (expiresIn != null && expiresIn.getValueType() == JsonValue.ValueType.NUMBER) {
            lifetime = Duration.ofSeconds(body.getJsonNumber("expires_in").longValue());
        }
        return new ExchangedToken(value, clock.instant().plus(lifetime).minus(EXPIRY_MARGIN));
    }

    /** An exchange that gave no token: why, and what the token endpoint said, for the log and the audit line. */
    static final class ExchangeFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final Reason reason;

        ExchangeFailure(Reason reason, String detail) {
            super(detail, null, false, false);
            this.reason = reason;
        }

        Reason reason() {
            return reason;
        }
    }

    private static JsonObject json(byte[] body) {
        try (JsonReader reader = Jsonp.reader(new ByteArrayInputStream(body))) {
            return reader.readObject();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String string(JsonObject object, String name) {
        JsonValue value = object.get(name);
        return value instanceof JsonString text ? text.getString() : null;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "TokenExchangeClient[" + client + "]";
    }
}
