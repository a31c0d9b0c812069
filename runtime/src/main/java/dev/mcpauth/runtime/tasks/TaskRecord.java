package dev.mcpauth.runtime.tasks;

import dev.mcpauth.runtime.jsonrpc.Jsonp;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.time.Instant;

/**
 * A task as the instance that runs it last wrote it: whose it is, which tool, when, and where it stands while it
 * runs ({@code working}, or {@code input_required} with the questions still open). How it ended is written apart
 * ({@link TaskEnd}), once, by whoever ends it first. Stored as JSON text on the shared engine.
 *
 * @param taskId the task's id: 32 random bytes, so nobody can guess one
 * @param owner who created it
 * @param tool the tool it runs, whose scopes are checked again before its result is read
 * @param createdAt when it was created
 * @param lastUpdatedAt when its status last changed
 * @param status {@code working} or {@code input_required}
 * @param statusMessage the latest progress message, or null
 * @param inputRequests the open questions by key, empty while {@code working}
 */
record TaskRecord(
        String taskId,
        TaskOwner owner,
        String tool,
        Instant createdAt,
        Instant lastUpdatedAt,
        String status,
        String statusMessage,
        JsonObject inputRequests) {

    static final String WORKING = "working";
    static final String INPUT_REQUIRED = "input_required";

    TaskRecord with(Instant now, JsonObject openQuestions, String message) {
        String next = openQuestions.isEmpty() ? WORKING : INPUT_REQUIRED;
        return new TaskRecord(taskId, owner, tool, createdAt, now, next, message, openQuestions);
    }

    String toJson() {
        JsonObjectBuilder json = Jsonp.object()
                .add("taskId", taskId)
                .add("owner", owner.toJson())
                .add("tool", tool)
                .add("createdAt", createdAt.toEpochMilli())
                .add("lastUpdatedAt", lastUpdatedAt.toEpochMilli())
                .add("status", status)
                .add("inputRequests", inputRequests);
        if (statusMessage != null) {
            json.add("statusMessage", statusMessage);
        }
        return json.build().toString();
    }

    static TaskRecord fromJson(String text) {
        JsonObject json = parse(text);
        return new TaskRecord(
                json.getString("taskId"),
                TaskOwner.fromJson(json.getJsonObject("owner")),
                json.getString("tool"),
                Instant.ofEpochMilli(json.getJsonNumber("createdAt").longValue()),
                Instant.ofEpochMilli(json.getJsonNumber("lastUpdatedAt").longValue()),
                json.getString("status"),
                json.getString("statusMessage", null),
                json.getJsonObject("inputRequests"));
    }

    static JsonObject parse(String text) {
        try (var reader = Jsonp.reader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
