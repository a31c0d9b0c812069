package dev.mcpauth.runtime.session;

import dev.mcpauth.McpCaller;
import dev.mcpauth.McpClient;
import dev.mcpauth.runtime.state.SharedMap;
import dev.mcpauth.runtime.state.SharedState;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The 2025-era sessions on the shared state: opened by {@code initialize}, bound to the caller who opened it, kept
 * alive by use, ended by {@code DELETE} or when idle too long. Any instance serves any session.
 */
public final class Sessions {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SharedMap sessions;
    private final SharedMap byOwner;
    private final SessionSettings settings;

    /**
     * The sessions.
     *
     * @param state where they are kept
     * @param settings idle time and limits
     */
    public Sessions(SharedState state, SessionSettings settings) {
        this.sessions = state.map("mcp.sessions");
        this.byOwner = state.map("mcp.sessions.by-owner");
        this.settings = settings;
    }

    /** Whether {@code initialize} opens sessions at all. */
    public boolean enabled() {
        return settings.enabled();
    }

    /** Why a session could not be opened: the deployment's limit is reached. */
    public static final class LimitReached extends RuntimeException {

        private static final long serialVersionUID = 1L;

        LimitReached(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Opens a session for the caller that sent {@code initialize}.
     *
     * @param caller the verified caller
     * @param roles the caller's roles
     * @param client what the client declared
     * @return the session
     * @throws LimitReached when the deployment has as many sessions as allowed (a caller at its own limit loses its
     *     oldest session instead)
     */
    public Session open(McpCaller caller, Set<String> roles, McpClient client) {
        Session.Owner owner = Session.Owner.of(caller);
        Set<String> mine = live(owner);
        // with authentication off every client is the one anonymous caller: only the total applies
        // the caller's own oldest sessions make room: a client restarted without DELETE does not lock its user out
        while (!Session.anonymous(owner) && mine.size() >= settings.maxPerCaller()) {
            String oldest = mine.iterator().next();
            sessions.remove(oldest);
            mine.remove(oldest);
        }
        if (sessions.size() >= settings.maxTotal()) {
            throw new LimitReached("The server has as many open sessions as it allows; try again later");
        }
        String id = newId();
        Session session =
                new Session(id, owner, client, null, Set.of(), caller.scopes(), roles, Session.expiry(caller));
        sessions.put(id, session.toJson(), settings.idleTimeout());
        if (!Session.anonymous(owner)) {
            mine.add(id);
            byOwner.put(owner.key(), String.join(" ", mine), settings.idleTimeout());
        }
        return session;
    }

    /**
     * The session with this id, if the caller is its owner. An unknown id and another caller's id answer alike;
     * using it refreshes the session's idle time.
     *
     * @param id the {@code Mcp-Session-Id}
     * @param caller the caller of the request
     * @param roles the caller's roles
     * @return the session, or why there is none
     */
    public Lookup find(String id, McpCaller caller, Set<String> roles) {
        Optional<Session> stored = read(id);
        if (stored.isEmpty()) {
            return new Lookup(null, false);
        }
        if (!stored.get().ownedBy(caller)) {
            return new Lookup(null, true);
        }
        Session seen = stored.get().seenWith(caller, roles);
        // a write per request keeps the idle clock right on every member (and the latest token's scopes with it)
        sessions.put(id, seen.toJson(), settings.idleTimeout());
        return new Lookup(seen, false);
    }

    /**
     * What {@link #find} found.
     *
     * @param session the session, null when none may be used
     * @param foreign true when the id names another caller's session
     */
    public record Lookup(Session session, boolean foreign) {

        /** The session, if there is one for this caller. */
        public Optional<Session> found() {
            return Optional.ofNullable(session);
        }
    }

    /**
     * A session as stored, whoever owns it (for notifications).
     *
     * @param id the id
     * @return the session, empty when it ended or expired
     */
    public Optional<Session> read(String id) {
        if (id == null || id.isEmpty() || id.length() > 128) {
            return Optional.empty();
        }
        return sessions.get(id).map(Session::fromJson);
    }

    /**
     * Stores a changed session (its log level or subscriptions).
     *
     * @param session the session
     */
    void save(Session session) {
        sessions.put(session.id(), session.toJson(), settings.idleTimeout());
    }

    /**
     * Sets the log level of a session ({@code logging/setLevel}).
     *
     * @param session the session
     * @param level the level
     * @return the session with it
     */
    public Session setLogLevel(Session session, String level) {
        Session changed = session.withLogLevel(level);
        save(changed);
        return changed;
    }

    /**
     * Adds or removes a subscription.
     *
     * @param session the session
     * @param uri the resource URI
     * @param subscribed true to subscribe, false to unsubscribe
     * @return the session with it
     */
    public Session subscribe(Session session, String uri, boolean subscribed) {
        // read again: another request of the same session may have changed it since this one found it
        Session current = read(session.id()).orElse(session);
        Set<String> uris = new LinkedHashSet<>(current.subscriptions());
        if (subscribed) {
            uris.add(uri);
        } else {
            uris.remove(uri);
        }
        Session changed = current.withSubscriptions(uris);
        save(changed);
        return changed;
    }

    /**
     * Ends a session ({@code DELETE}).
     *
     * @param session the session, found for its owner
     */
    public void end(Session session) {
        sessions.remove(session.id());
        Set<String> mine = live(session.owner());
        mine.remove(session.id());
        if (mine.isEmpty()) {
            byOwner.remove(session.owner().key());
        } else {
            byOwner.put(session.owner().key(), String.join(" ", mine), settings.idleTimeout());
        }
    }

    /** The owner's sessions that still live (the index may name ended or expired ones). */
    private Set<String> live(Session.Owner owner) {
        Set<String> live = new LinkedHashSet<>();
        if (Session.anonymous(owner)) {
            return live; // not indexed: see open
        }
        for (String id : byOwner.get(owner.key()).orElse("").split(" ")) {
            if (!id.isEmpty() && sessions.get(id).isPresent()) {
                live.add(id);
            }
        }
        return live;
    }

    /** 32 random bytes, base64url: visible ASCII as the transport asks, and unguessable. */
    private static String newId() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The idle time after which a session ends. */
    public Duration idleTimeout() {
        return settings.idleTimeout();
    }
}
