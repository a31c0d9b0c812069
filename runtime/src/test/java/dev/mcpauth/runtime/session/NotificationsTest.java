package dev.mcpauth.runtime.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpauth.McpCaller;
import dev.mcpauth.runtime.state.InMemoryState;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Two {@link Notifications} on one state stand for two instances. */
class NotificationsTest {

    private final SessionSettings settings =
            new SessionSettings(true, Duration.ofSeconds(60), 4, 100, Duration.ofSeconds(2), 2, 3, 2);
    private final InMemoryState state = new InMemoryState();
    private final Sessions sessions = new Sessions(state, settings);
    private final Clock clock = Clock.fixed(Instant.ofEpochSecond(1_000), ZoneOffset.UTC);
    /** Only readers (tickets:read) may read tickets. */
    private final ReadAccess access = (caller, roles, uri) -> caller.scopes().contains("tickets:read");

    private final Notifications instanceA = new Notifications(state, sessions, access, settings, clock);
    private final Notifications instanceB = new Notifications(state, sessions, access, settings, clock);

    @Test
    void aChangeSignalledOnOneInstanceReachesASubscriberOnAnother() {
        Session session = sessions.open(SessionsTest.ALICE, Set.of(), SessionsTest.CLIENT);
        sessions.subscribe(session, "tickets://T-1", true);
        List<JsonObject> heard = new ArrayList<>();
        instanceB.open(new Notifications.Listener(session.owner(), session.id(), null, Set.of(), Set.of(), heard::add));

        instanceA.resourceUpdated("tickets://T-1");
        instanceA.resourceUpdated("tickets://T-2"); // not subscribed

        assertEquals(1, heard.size());
        assertEquals("notifications/resources/updated", heard.get(0).getString("method"));
        assertEquals("tickets://T-1", heard.get(0).getJsonObject("params").getString("uri"));
    }

    @Test
    void aSubscriberWhoMayNoLongerReadHearsNothing() {
        Session session = sessions.open(SessionsTest.ALICE, Set.of(), SessionsTest.CLIENT);
        sessions.subscribe(session, "tickets://T-1", true);
        List<JsonObject> heard = new ArrayList<>();
        instanceB.open(new Notifications.Listener(session.owner(), session.id(), null, Set.of(), Set.of(), heard::add));
        // the session's latest request came with a token that lost the scope
        McpCaller downgraded = new McpCaller("alice", "client-1", Set.of(), Map.of(), "https://issuer.example");
        sessions.find(session.id(), downgraded, Set.of());

        instanceA.resourceUpdated("tickets://T-1");
        assertTrue(heard.isEmpty());
    }

    @Test
    void aSubscriberWhoseTokenExpiredHearsNothing() {
        McpCaller expired = new McpCaller(
                "alice", "client-1", Set.of("tickets:read"), Map.of("exp", 999L), "https://issuer.example");
        List<JsonObject> heard = new ArrayList<>();
        instanceB.open(new Notifications.Listener(
                Session.Owner.of(expired), null, expired, Set.of(), Set.of("tickets://T-1"), heard::add));
        instanceA.resourceUpdated("tickets://T-1");
        assertTrue(heard.isEmpty());

        McpCaller valid = new McpCaller(
                "alice", "client-1", Set.of("tickets:read"), Map.of("exp", 2_000L), "https://issuer.example");
        instanceB.open(new Notifications.Listener(
                Session.Owner.of(valid), null, valid, Set.of(), Set.of("tickets://T-1"), heard::add));
        instanceA.resourceUpdated("tickets://T-1");
        assertEquals(1, heard.size());
    }

    @Test
    void endingASessionEndsItsStreamsOnEveryInstance() {
        Session session = sessions.open(SessionsTest.ALICE, Set.of(), SessionsTest.CLIENT);
        List<String> ended = new ArrayList<>();
        instanceB.open(new Notifications.Listener(
                session.owner(), session.id(), null, Set.of(), Set.of(), message -> true, () -> ended.add("B")));
        instanceA.sessionEnded(session.id());
        assertEquals(List.of("B"), ended);
        assertEquals(0, instanceB.streamsHere());
    }

    @Test
    void aCallerAtItsLimitLosesItsOldestStreamAndTheTotalIsAClearError() throws Exception {
        List<String> ended = new ArrayList<>();
        AutoCloseable first = instanceA.open(stream(SessionsTest.ALICE, "first", ended));
        instanceA.open(stream(SessionsTest.ALICE, "second", ended));
        instanceA.open(stream(SessionsTest.ALICE, "third", ended)); // 2 per caller: the first ends
        assertEquals(List.of("first"), ended);
        first.close();
        McpCaller bob = new McpCaller("bob", "client-1", Set.of(), Map.of(), "https://issuer.example");
        instanceA.open(stream(bob, "bob", ended));
        assertThrows(Notifications.TooManyStreams.class, () -> instanceA.open(stream(bob, "bob 2", ended)), "3 in all");
        assertEquals(3, instanceA.streamsHere());
    }

    @Test
    void aSessionsNewGetStreamReplacesItsEarlierOne() {
        Session session = sessions.open(SessionsTest.ALICE, Set.of(), SessionsTest.CLIENT);
        List<String> ended = new ArrayList<>();
        instanceA.open(new Notifications.Listener(
                session.owner(), session.id(), null, Set.of(), Set.of(), m -> true, () -> ended.add("old")));
        instanceA.open(new Notifications.Listener(
                session.owner(), session.id(), null, Set.of(), Set.of(), m -> true, () -> ended.add("new")));
        assertEquals(List.of("old"), ended);
        assertEquals(1, instanceA.streamsHere());
    }

    private static Notifications.Listener stream(McpCaller caller, String name, List<String> ended) {
        return new Notifications.Listener(
                Session.Owner.of(caller), null, caller, Set.of(), Set.of(), m -> true, () -> ended.add(name));
    }
}
