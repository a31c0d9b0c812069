package dev.mcpauth.runtime.transport;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The notification streams this instance holds, each by how it ends, so that stopping the application ends each one
 * (a 2026-07-28 subscription with its graceful closing response) instead of leaving clients on a dead connection.
 */
final class OpenStreams {

    private final Set<Runnable> open = ConcurrentHashMap.newKeySet();

    void add(Runnable end) {
        open.add(end);
    }

    void remove(Runnable end) {
        open.remove(end);
    }

    void endAll() {
        open.forEach(Runnable::run);
        open.clear();
    }
}
