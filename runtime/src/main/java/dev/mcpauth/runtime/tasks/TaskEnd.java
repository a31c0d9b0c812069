package dev.mcpauth.runtime.tasks;

import dev.mcpauth.runtime.jsonrpc.Jsonp;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;

/**
 * How a task ended: {@code completed} with the tool's result (a tool error included), {@code failed} with the
 * JSON-RPC error, or {@code cancelled}. Written once, by whoever ends the task first: the instance that ran it, a
 * {@code tasks/cancel}, or a reader that finds the running instance gone.
 *
 * @param status {@code completed}, {@code failed} or {@code cancelled}
 * @param result the {@code CallToolResult} of a completed task, or null
 * @param error the JSON-RPC error of a failed one, or null
 * @param statusMessage what to tell the client about it, or null
 * @param at when it ended
 */
record TaskEnd(String status, JsonObject result, JsonObject error, String statusMessage, Instant at) {

    static TaskEnd completed(JsonObject result, Instant at) {
        return new TaskEnd("completed", result, null, null, at);
    }

    static TaskEnd failed(int code, String message, Instant at) {
        JsonObject error =
                Jsonp.object().add("code", code).add("message", message).build();
        return new TaskEnd("failed", null, error, message, at);
    }

    static TaskEnd cancelled(Instant at) {
        return new TaskEnd("cancelled", null, null, "Cancelled by the client.", at);
    }

    String toJson() {
        JsonObjectBuilder json = Jsonp.object().add("status", status).add("at", at.toEpochMilli());
        if (result != null) {
            json.add("result", result);
        }
        if (error != null) {
            json.add("error", error);
        }
        if (statusMessage != null) {
            json.add("statusMessage", statusMessage);
        }
        return json.build().toString();
    }

    static TaskEnd fromJson(String text) {
        JsonObject json = TaskRecord.parse(text);
        return new TaskEnd(
                json.getString("status"),
                json.getJsonObject("result"),
                json.getJsonObject("error"),
                json.getString("statusMessage", null),
                Instant.ofEpochMilli(json.getJsonNumber("at").longValue()));
    }
}
