package dev.mcpauth.runtime.tasks;

import dev.mcpauth.McpCaller;
import dev.mcpauth.runtime.jsonrpc.Jsonp;
import jakarta.json.JsonObject;

/**
 * Who created a task: issuer, subject and client of the token. Every other caller is told the task does not exist.
 *
 * @param issuer the token's issuer (null with authentication off)
 * @param subject its subject
 * @param clientId the client it was issued to
 */
record TaskOwner(String issuer, String subject, String clientId) {

    static TaskOwner of(McpCaller caller) {
        return new TaskOwner(caller.issuer(), caller.subject(), caller.clientId());
    }

    boolean is(McpCaller caller) {
        return equals(of(caller));
    }

    /** Whether this is the anonymous caller of a deployment with authentication off: per-caller limits do not apply. */
    boolean anonymous() {
        return is(McpCaller.ANONYMOUS);
    }

    JsonObject toJson() {
        var json = Jsonp.object();
        if (issuer != null) {
            json.add("iss", issuer);
        }
        if (subject != null) {
            json.add("sub", subject);
        }
        if (clientId != null) {
            json.add("client", clientId);
        }
        return json.build();
    }

    static TaskOwner fromJson(JsonObject json) {
        return new TaskOwner(json.getString("iss", null), json.getString("sub", null), json.getString("client", null));
    }
}
