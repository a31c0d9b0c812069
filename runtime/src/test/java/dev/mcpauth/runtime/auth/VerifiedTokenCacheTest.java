package dev.mcpauth.runtime.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpauth.McpCaller;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VerifiedTokenCacheTest {

    private static final McpCaller ALICE = new McpCaller("alice", "client", Set.of("tickets:read"), Map.of());

    @Test
    void aVerifiedTokenIsKnownUntilItExpiresPlusTheSkew() {
        VerifiedTokenCache cache = new VerifiedTokenCache(100, 60);
        cache.put("token-a", ALICE, 1_000_000, cache.generation());
        assertSame(ALICE, cache.get("token-a", 999_999));
        assertSame(ALICE, cache.get("token-a", 1_060_000));
        assertNull(cache.get("token-a", 1_060_001));
        assertNull(cache.get("token-b", 0), "another token is not known");
    }

    @Test
    void aNewKeySetForgetsEveryVerdict() {
        VerifiedTokenCache cache = new VerifiedTokenCache(100, 0);
        cache.put("token-a", ALICE, Long.MAX_VALUE / 2, cache.generation());
        cache.keySetChanged();
        assertNull(cache.get("token-a", 0));
        assertEquals(0, cache.size());
    }

    @Test
    void theCacheStaysWithinItsBound() {
        VerifiedTokenCache cache = new VerifiedTokenCache(50, 0);
        for (int i = 0; i < 1_000; i++) {
            cache.put("token-" + i, ALICE, Long.MAX_VALUE / 2, cache.generation());
        }
        assertTrue(cache.size() <= 50, "size " + cache.size());
        assertSame(ALICE, cache.get("token-999", 0), "the newest entry survives eviction");
    }
}
