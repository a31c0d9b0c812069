package dev.mcpauth.runtime.session;

import dev.mcpauth.McpCaller;
import dev.mcpauth.McpClient;
import dev.mcpauth.runtime.auth.TokenExpiry;
import dev.mcpauth.runtime.jsonrpc.Jsonp;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A 2025-era session (MCP 2025-11-25, Streamable HTTP, Session Management) as the shared state keeps it: who opened
 * it, what the client declared in {@code initialize}, the log level it asked for and the resources it subscribed to.
 * The caller's scopes, roles and token expiry are those of its latest request, so a notification is only sent to a
 * session whose caller may still read what it is about.
 *
 * @param id the {@code Mcp-Session-Id}
 * @param owner who opened it: issuer, subject and client of the token
 * @param client what the client declared in {@code initialize}
 * @param logLevel the least severe log level asked for with {@code logging/setLevel}, or null for none
 * @param subscriptions the resource URIs subscribed to
 * @param scopes the scopes of the caller's latest token
 * @param roles the caller's roles at the latest request
 * @param tokenExpiresAt when the caller's latest token expires (epoch seconds), 0 when unknown
 */
public record Session(
        String id,
        Owner owner,
        McpClient client,
        String logLevel,
        Set<String> subscriptions,
        Set<String> scopes,
        Set<String> roles,
        long tokenExpiresAt) {

    /** Copies the sets. */
    public Session {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        subscriptions = Set.copyOf(subscriptions);
        scopes = Set.copyOf(scopes);
        roles = Set.copyOf(roles);
    }

    /**
     * Who a session belongs to: the issuer, subject and client of the token that opened it. Another caller's use of
     * the session id is answered like an unknown session.
     *
     * @param issuer the issuer, or null when unknown (authentication off)
     * @param subject the subject
     * @param clientId the OAuth client, or null
     */
    public record Owner(String issuer, String subject, String clientId) {

        /**
         * The owner a caller would be.
         *
         * @param caller the caller
         * @return the owner
         */
        public static Owner of(McpCaller caller) {
            return new Owner(caller.issuer(), caller.subject(), caller.clientId());
        }

        /** A key that names this owner in a map. */
        String key() {
            return issuer + "\n" + subject + "\n" + clientId;
        }
    }

    /** Whether the owner is the anonymous caller of a deployment with authentication off: per-caller limits do not apply. */
    static boolean anonymous(Owner owner) {
        return owner.equals(Owner.of(McpCaller.ANONYMOUS));
    }

    /**
     * Whether {@code caller} is who opened the session.
     *
     * @param caller the caller of a request
     * @return true when issuer, subject and client match
     */
    public boolean ownedBy(McpCaller caller) {
        return owner.equals(Owner.of(caller));
    }

    /**
     * The caller as the session last saw it, for the decision whether a notification may reach it.
     *
     * @return the caller with the scopes of its latest token
     */
    public McpCaller caller() {
        return new McpCaller(owner.subject(), owner.clientId(), scopes, Map.of(), owner.issuer());
    }

    /** This session with another log level. */
    Session withLogLevel(String level) {
        return new Session(id, owner, client, level, subscriptions, scopes, roles, tokenExpiresAt);
    }

    /** This session with another set of subscriptions. */
    Session withSubscriptions(Set<String> uris) {
        return new Session(id, owner, client, logLevel, uris, scopes, roles, tokenExpiresAt);
    }

    /** This session as seen by a later request of its owner. */
    Session seenWith(McpCaller caller, Set<String> callerRoles) {
        return new Session(id, owner, client, logLevel, subscriptions, caller.scopes(), callerRoles, expiry(caller));
    }

    /** When the caller's token expires, from its {@code exp} claim; 0 when it has none. */
    static long expiry(McpCaller caller) {
        return TokenExpiry.of(caller);
    }

    /** The session as JSON text, for the shared state. */
    String toJson() {
        JsonObjectBuilder clientJson = Jsonp.object()
                .add("protocolVersion", client.protocolVersion())
                .add("capabilities", Jsonp.toJson(client.capabilities()));
        optional(clientJson, "name", client.name());
        optional(clientJson, "version", client.version());
        JsonObjectBuilder json = Jsonp.object()
                .add("id", id)
                .add("subject", owner.subject())
                .add("client", clientJson)
                .add("subscriptions", array(subscriptions))
                .add("scopes", array(scopes))
                .add("roles", array(roles))
                .add("tokenExpiresAt", tokenExpiresAt);
        optional(json, "issuer", owner.issuer());
        optional(json, "clientId", owner.clientId());
        optional(json, "logLevel", logLevel);
        return json.build().toString();
    }

    /** A session read back from the shared state. */
    static Session fromJson(String text) {
        JsonObject json;
        try (JsonReader reader = Jsonp.reader(new StringReader(text))) {
            json = reader.readObject();
        }
        JsonObject client = json.getJsonObject("client");
        return new Session(
                json.getString("id"),
                new Owner(string(json, "issuer"), json.getString("subject"), string(json, "clientId")),
                new McpClient(
                        client.getString("protocolVersion"),
                        string(client, "name"),
                        string(client, "version"),
                        Jsonp.toJava(client.getJsonObject("capabilities")),
                        true),
                string(json, "logLevel"),
                set(json.getJsonArray("subscriptions")),
                set(json.getJsonArray("scopes")),
                set(json.getJsonArray("roles")),
                json.getJsonNumber("tokenExpiresAt").longValue());
    }

    private static void optional(JsonObjectBuilder json, String name, String value) {
        if (value != null) {
            json.add(name, value);
        }
    }

    private static String string(JsonObject json, String name) {
        return json.get(name) instanceof JsonString value ? value.getString() : null;
    }

    private static JsonArrayBuilder array(Set<String> values) {
        JsonArrayBuilder array = Jsonp.array();
        values.forEach(array::add);
        return array;
    }

    private static Set<String> set(JsonArray array) {
        Set<String> values = new LinkedHashSet<>();
        for (JsonValue value : array) {
            if (value instanceof JsonString s) {
                values.add(s.getString());
            }
        }
        return values;
    }
}
