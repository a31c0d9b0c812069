package dev.mcpauth.runtime.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpauth.McpCaller;
import dev.mcpauth.McpClient;
import dev.mcpauth.runtime.state.InMemoryState;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SessionsTest {

    static final McpCaller ALICE =
            new McpCaller("alice", "client-1", Set.of("tickets:read"), Map.of(), "https://issuer.example");
    static final McpClient CLIENT = new McpClient("2025-11-25", "test", "1", Map.of("elicitation", Map.of()), true);

    private final AtomicLong now = new AtomicLong();
    private final Sessions sessions = new Sessions(
            new InMemoryState(now::get),
            new SessionSettings(true, Duration.ofSeconds(60), 2, 100, Duration.ofSeconds(5), 2, 10, 2));

    @Test
    void aSessionServesOnlyTheCallerWhoOpenedIt() {
        Session opened = sessions.open(ALICE, Set.of(), CLIENT);
        assertTrue(opened.id().length() >= 43, "32 random bytes");
        assertEquals(
                CLIENT.capabilities(),
                sessions.find(opened.id(), ALICE, Set.of()).session().client().capabilities());

        McpCaller otherSubject = new McpCaller("bob", "client-1", Set.of(), Map.of(), "https://issuer.example");
        McpCaller otherClient = new McpCaller("alice", "client-2", Set.of(), Map.of(), "https://issuer.example");
        McpCaller otherIssuer = new McpCaller("alice", "client-1", Set.of(), Map.of(), "https://other.example");
        for (McpCaller stranger : new McpCaller[] {otherSubject, otherClient, otherIssuer}) {
            Sessions.Lookup lookup = sessions.find(opened.id(), stranger, Set.of());
            assertTrue(lookup.found().isEmpty(), stranger + " must not use alice's session");
            assertTrue(lookup.foreign(), "and it is told apart for the audit");
        }
        Sessions.Lookup unknown = sessions.find("no-such-session", ALICE, Set.of());
        assertTrue(unknown.found().isEmpty());
        assertFalse(unknown.foreign());
    }

    @Test
    void idsAreNeverReused() {
        assertNotEquals(
                sessions.open(ALICE, Set.of(), CLIENT).id(),
                sessions.open(ALICE, Set.of(), CLIENT).id());
    }

    @Test
    void anIdleSessionExpiresAndUseKeepsItAlive() {
        Session opened = sessions.open(ALICE, Set.of(), CLIENT);
        now.addAndGet(Duration.ofSeconds(50).toNanos());
        assertTrue(sessions.find(opened.id(), ALICE, Set.of()).found().isPresent(), "used after 50 s of 60");
        now.addAndGet(Duration.ofSeconds(50).toNanos());
        assertTrue(sessions.find(opened.id(), ALICE, Set.of()).found().isPresent(), "the use restarted the clock");
        now.addAndGet(Duration.ofSeconds(61).toNanos());
        assertTrue(sessions.find(opened.id(), ALICE, Set.of()).found().isEmpty(), "idle for 61 s");
    }

    @Test
    void endedSessionsAreGoneAndACallerAtItsLimitLosesItsOldest() {
        Session first = sessions.open(ALICE, Set.of(), CLIENT);
        Session second = sessions.open(ALICE, Set.of(), CLIENT);
        sessions.end(second);
        assertTrue(sessions.find(second.id(), ALICE, Set.of()).found().isEmpty(), "ended");
        Session third = sessions.open(ALICE, Set.of(), CLIENT);
        assertTrue(sessions.find(first.id(), ALICE, Set.of()).found().isPresent(), "the ended one made room");
        Session fourth = sessions.open(ALICE, Set.of(), CLIENT); // the limit is 2: the oldest goes
        assertTrue(sessions.find(first.id(), ALICE, Set.of()).found().isEmpty(), "the oldest made room");
        assertTrue(sessions.find(third.id(), ALICE, Set.of()).found().isPresent());
        assertTrue(sessions.find(fourth.id(), ALICE, Set.of()).found().isPresent());
    }

    @Test
    void theDeploymentsLimitIsAClearError() {
        Sessions few = new Sessions(
                new InMemoryState(),
                new SessionSettings(true, Duration.ofSeconds(60), 5, 2, Duration.ofSeconds(5), 2, 10, 2));
        few.open(ALICE, Set.of(), CLIENT);
        few.open(new McpCaller("bob", "c", Set.of(), Map.of(), "https://issuer.example"), Set.of(), CLIENT);
        Sessions.LimitReached full = assertThrows(Sessions.LimitReached.class, () -> few.open(ALICE, Set.of(), CLIENT));
        assertTrue(full.getMessage().contains("try again later"), full.getMessage());
    }

    @Test
    void theLevelIsKeptWithTheSession() {
        Session opened = sessions.open(ALICE, Set.of(), CLIENT);
        sessions.setLogLevel(opened, "warning");
        assertEquals(
                "warning", sessions.find(opened.id(), ALICE, Set.of()).session().logLevel());
    }

    @Test
    void withoutAuthenticationOnlyTheTotalCounts() {
        Sessions few = new Sessions(
                new InMemoryState(),
                new SessionSettings(true, Duration.ofSeconds(60), 1, 3, Duration.ofSeconds(5), 2, 10, 2));
        few.open(McpCaller.ANONYMOUS, Set.of(), CLIENT);
        few.open(
                McpCaller.ANONYMOUS,
                Set.of(),
                CLIENT); // one per caller does not hold back every client of an open server
        few.open(McpCaller.ANONYMOUS, Set.of(), CLIENT);
        assertThrows(Sessions.LimitReached.class, () -> few.open(McpCaller.ANONYMOUS, Set.of(), CLIENT), "3 in all");
    }
}
