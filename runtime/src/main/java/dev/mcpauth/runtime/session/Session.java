package dev.mcpauth.runtime.session;

import dev.mcpauth.McpCaller;
import dev.mcpauth.McpClient;
import dev.mcpauth.runtime.jsonrpc.Jsonp;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.util.Objects;

/**
 * A 2025-era session (MCP 2025-11-25, Streamable HTTP, Session Management) as the shared state keeps it: who opened
 * it, what the client declared in {@code initialize}, and the log level it asked for.
 *
 * @param id the {@code Mcp-Session-Id}
 * @param owner who opened it: issuer, subject and client of the token
 * @param client what the client declared in {@code initialize}
 * @param logLevel the least severe log level asked for with {@code logging/setLevel}, or null for none
 */
public record Session(String id, Owner owner, McpClient client, String logLevel) {

    /** Checks the parts. */
    public Session {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(client, "client");
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

    /** This session with another log level. */
    Session withLogLevel(String level) {
        return new Session(id, owner, client, level);
    }

    /** The session as JSON text, for the shared state. */
    String toJson() {
        JsonObjectBuilder clientJson = Jsonp.object()
                .add("protocolVersion", client.protocolVersion())
                .add("capabilities", Jsonp.toJson(client.capabilities()));
        optional(clientJson, "name", client.name());
        optional(clientJson, "version", client.version());
        JsonObjectBuilder json =
                Jsonp.object().add("id", id).add("subject", owner.subject()).add("client", clientJson);
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
                string(json, "logLevel"));
    }

    private static void optional(JsonObjectBuilder json, String name, String value) {
        if (value != null) {
            json.add(name, value);
        }
    }

    private static String string(JsonObject json, String name) {
        return json.get(name) instanceof JsonString value ? value.getString() : null;
    }
}
