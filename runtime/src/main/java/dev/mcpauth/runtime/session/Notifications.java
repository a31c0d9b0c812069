package dev.mcpauth.runtime.session;

import dev.mcpauth.McpCaller;
import dev.mcpauth.runtime.features.MessageSink;
import dev.mcpauth.runtime.jsonrpc.Jsonp;
import dev.mcpauth.runtime.state.SharedChannel;
import dev.mcpauth.runtime.state.SharedState;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Resource change notifications for the streams this instance holds: a 2025-era session's {@code GET} stream, which
 * hears the resources the session subscribed to, and a 2026-07-28 {@code subscriptions/listen} stream, which names
 * its resources itself. An application signals a change on any instance; the channel brings it to every instance,
 * and each sends {@code notifications/resources/updated} to its own streams whose caller may still read the
 * resource at that moment.
 */
public final class Notifications {

    private final SharedChannel updates;
    private final Sessions sessions;
    private final ReadAccess access;
    private final SessionSettings settings;
    private final Clock clock;
    private final Map<Long, Listener> listeners = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    /**
     * The notifications.
     *
     * @param state where changes travel between instances
     * @param sessions the sessions, whose subscriptions a 2025 stream follows
     * @param access whether a caller may read a resource
     * @param settings the stream limits
     * @param clock tells whether a caller's token expired
     */
    public Notifications(
            SharedState state, Sessions sessions, ReadAccess access, SessionSettings settings, Clock clock) {
        this.updates = state.channel("mcp.resource-updates");
        this.sessions = sessions;
        this.access = access;
        this.settings = settings;
        this.clock = clock;
        this.updates.listen(this::heard);
    }

    /**
     * Who a stream is for and what it hears.
     *
     * @param owner the caller's identity
     * @param sessionId a 2025 session whose subscriptions it follows, or null
     * @param caller the caller of a 2026 stream (its scopes decide), or null for a session's
     * @param roles the caller's roles for a 2026 stream
     * @param uris the resources a 2026 stream listens to
     * @param sink where the notifications go
     * @param end ends the stream (its session ended)
     */
    public record Listener(
            Session.Owner owner,
            String sessionId,
            McpCaller caller,
            Set<String> roles,
            Set<String> uris,
            MessageSink sink,
            Runnable end) {

        /**
         * A stream that nothing ends but its client.
         *
         * @param owner the caller's identity
         * @param sessionId a 2025 session whose subscriptions it follows, or null
         * @param caller the caller of a 2026 stream, or null for a session's
         * @param roles the caller's roles for a 2026 stream
         * @param uris the resources a 2026 stream listens to
         * @param sink where the notifications go
         */
        public Listener(
                Session.Owner owner,
                String sessionId,
                McpCaller caller,
                Set<String> roles,
                Set<String> uris,
                MessageSink sink) {
            this(owner, sessionId, caller, roles, uris, sink, () -> {});
        }
    }

    /** Why a stream could not be opened. */
    public static final class TooManyStreams extends RuntimeException {

        private static final long serialVersionUID = 1L;

        TooManyStreams(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Registers a stream until the handle is closed.
     *
     * @param listener the stream
     * @return closes the registration
     * @throws TooManyStreams when the instance holds as many streams as allowed (a caller at its own limit has its
     *     oldest stream ended instead, and a session's earlier GET stream is replaced)
     */
    public AutoCloseable open(Listener listener) {
        if (listener.sessionId() != null) {
            // a session's new GET stream replaces its earlier one: the client reconnected
            endWhere(other -> listener.sessionId().equals(other.sessionId()), Long.MAX_VALUE);
        }
        if (!Session.anonymous(listener.owner())) {
            // the caller's own oldest streams make room: a client that left without closing does not lock its user out
            long mine = listeners.values().stream()
                    .filter(other -> other.owner().equals(listener.owner()))
                    .count();
            endWhere(other -> other.owner().equals(listener.owner()), mine - settings.streamsPerCaller() + 1);
        }
        if (listeners.size() >= settings.streamsTotal()) {
            throw new TooManyStreams("The server holds as many notification streams as it allows; try again later");
        }
        long id = ids.incrementAndGet();
        listeners.put(id, listener);
        return () -> listeners.remove(id);
    }

    /** Ends up to {@code count} of the matching streams, oldest first. */
    private void endWhere(java.util.function.Predicate<Listener> match, long count) {
        listeners.entrySet().stream()
                .filter(entry -> match.test(entry.getValue()))
                .map(Map.Entry::getKey)
                .sorted()
                .limit(Math.max(0, count))
                .forEach(id -> {
                    Listener ended = listeners.remove(id);
                    if (ended != null) {
                        ended.end().run();
                    }
                });
    }

    /**
     * Signals that a resource changed: every subscriber on every instance that may still read it hears it.
     *
     * @param uri the resource's URI
     */
    public void resourceUpdated(String uri) {
        updates.publish(Jsonp.object().add("uri", uri).build().toString());
    }

    /**
     * Signals that a session ended ({@code DELETE}): its streams end on every instance.
     *
     * @param sessionId the session
     */
    public void sessionEnded(String sessionId) {
        updates.publish(Jsonp.object().add("ended", sessionId).build().toString());
    }

    /** How many streams this instance holds. */
    public int streamsHere() {
        return listeners.size();
    }

    private void heard(String message) {
        String uri;
        try (JsonReader reader = Jsonp.reader(new StringReader(message))) {
            JsonObject signal = reader.readObject();
            if (signal.get("ended") instanceof JsonString ended) {
                listeners.forEach((id, listener) -> {
                    if (ended.getString().equals(listener.sessionId()) && listeners.remove(id) != null) {
                        listener.end().run();
                    }
                });
                return;
            }
            if (!(signal.get("uri") instanceof JsonString value)) {
                return;
            }
            uri = value.getString();
        } catch (RuntimeException e) {
            return;
        }
        JsonObject notification = Jsonp.object()
                .add("jsonrpc", "2.0")
                .add("method", "notifications/resources/updated")
                .add("params", Jsonp.object().add("uri", uri))
                .build();
        listeners.forEach((id, listener) -> {
            if (hears(listener, uri) && !listener.sink().send(notification)) {
                listeners.remove(id); // the client is gone
            }
        });
    }

    private boolean hears(Listener listener, String uri) {
        long now = clock.instant().getEpochSecond();
        if (listener.sessionId() == null) {
            long expires = Session.expiry(listener.caller());
            return listener.uris().contains(uri)
                    && (expires == 0 || now < expires)
                    && access.mayRead(listener.caller(), listener.roles(), uri);
        }
        Optional<Session> session = sessions.read(listener.sessionId());
        return session.isPresent()
                && session.get().subscriptions().contains(uri)
                && (session.get().tokenExpiresAt() == 0 || now < session.get().tokenExpiresAt())
                && access.mayRead(session.get().caller(), session.get().roles(), uri);
    }
}
