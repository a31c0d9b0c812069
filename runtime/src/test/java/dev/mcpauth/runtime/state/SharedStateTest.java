package dev.mcpauth.runtime.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpauth.McpCaller;
import dev.mcpauth.McpClient;
import dev.mcpauth.runtime.session.Session;
import dev.mcpauth.runtime.session.SessionSettings;
import dev.mcpauth.runtime.session.Sessions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The two engines keep the same promises: entries expire, putIfAbsent is single-use, a channel reaches every
 * listener. Hazelcast runs as two embedded members on 127.0.0.1 (their own cluster name and ports), as two instances
 * of a deployment would.
 */
class SharedStateTest {

    @Test
    void inMemoryEntriesExpireAndPutIfAbsentIsSingleUse() {
        AtomicLong now = new AtomicLong();
        InMemoryState state = new InMemoryState(now::get);
        SharedMap map = state.map("m");
        assertTrue(map.putIfAbsent("k", "v1", Duration.ofSeconds(10)));
        assertFalse(map.putIfAbsent("k", "v2", Duration.ofSeconds(10)), "taken once");
        assertEquals(Optional.of("v1"), map.get("k"));
        now.addAndGet(Duration.ofSeconds(11).toNanos());
        assertEquals(Optional.empty(), map.get("k"));
        assertTrue(map.putIfAbsent("k", "v3", Duration.ofSeconds(10)), "free again once expired");
        assertTrue(map.remove("k"));
        assertEquals(0, map.size());
    }

    @Test
    void twoHazelcastMembersShareSessionsAndMessages() throws Exception {
        List<String> members = List.of("127.0.0.1:15791", "127.0.0.1:15792");
        String cluster = "mcp-test-" + ProcessHandle.current().pid();
        try (SharedState a = new StateSettings("hazelcast", cluster, "127.0.0.1", 15791, members)
                        .start(getClass().getClassLoader());
                SharedState b = new StateSettings("hazelcast", cluster, "127.0.0.1", 15792, members)
                        .start(getClass().getClassLoader())) {
            assertTrue(a.describe().contains("2 member(s)"), a.describe());

            // a session opened on one instance is served by the other, and only to its owner
            SessionSettings settings =
                    new SessionSettings(true, Duration.ofSeconds(60), 4, 100, Duration.ofSeconds(5), 2, 10, 2);
            McpCaller alice = new McpCaller("alice", "c1", Set.of(), Map.of(), "https://issuer.example");
            McpCaller bob = new McpCaller("bob", "c1", Set.of(), Map.of(), "https://issuer.example");
            Session opened = new Sessions(a, settings)
                    .open(alice, Set.of(), new McpClient("2025-11-25", "x", "1", Map.of("roots", Map.of()), true));
            Sessions onB = new Sessions(b, settings);
            assertEquals(
                    Map.of("roots", Map.of()),
                    onB.find(opened.id(), alice, Set.of()).session().client().capabilities());
            assertTrue(onB.find(opened.id(), bob, Set.of()).foreign());

            // single use across members
            assertTrue(a.map("once").putIfAbsent("jti-1", "x", Duration.ofSeconds(30)));
            assertFalse(b.map("once").putIfAbsent("jti-1", "x", Duration.ofSeconds(30)));

            // entries expire on every member
            a.map("short").put("k", "v", Duration.ofMillis(1500));
            assertEquals(Optional.of("v"), b.map("short").get("k"));
            Thread.sleep(3000);
            assertEquals(Optional.empty(), b.map("short").get("k"));

            // a message published on one member reaches the other's listener
            LinkedBlockingQueue<String> heard = new LinkedBlockingQueue<>();
            b.channel("news").listen(heard::add);
            a.channel("news").publish("hello");
            assertEquals("hello", heard.poll(10, TimeUnit.SECONDS));
        }
    }
}
