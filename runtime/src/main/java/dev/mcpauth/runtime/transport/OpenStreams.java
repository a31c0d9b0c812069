package dev.mcpauth.runtime.transport;

import jakarta.json.JsonObject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The notification streams this instance holds, so that stopping the application ends each one (a 2026-07-28
 * subscription with its graceful closing response) instead of leaving clients on a dead connection.
 */
final class OpenStreams {

    private final Map<NotificationStream, JsonObject> open = new ConcurrentHashMap<>();

    void add(NotificationStream stream, JsonObject closing) {
        open.put(stream, closing);
    }

    void remove(NotificationStream stream) {
        open.remove(stream);
    }

    void endAll() {
        open.forEach((stream, closing) -> stream.end(closing == JsonObject.EMPTY_JSON_OBJECT ? null : closing));
        open.clear();
    }
}
