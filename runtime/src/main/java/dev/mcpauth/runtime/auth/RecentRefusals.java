package dev.mcpauth.runtime.auth;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens refused moments ago, so a client (or an attacker) repeating a bad token is answered from memory instead
 * of costing the authorization server another introspection each time: a bounded map from the SHA-256 of the
 * token (never the token) to the refusal, each kept for a short time. A token is never refused here for longer
 * than {@link #TTL}; a refusal is safe to repeat since an inactive token does not become active again (RFC 7662 §2.2).
 */
final class RecentRefusals {

    /** How long a refusal is repeated without asking again. */
    static final Duration TTL = Duration.ofSeconds(30);
    /** The most refusals kept; beyond this the oldest are not told apart from the rest and all are dropped. */
    static final int MAX_ENTRIES = 10_000;

    private final ConcurrentHashMap<VerifiedTokenCache.Key, Refusal> entries = new ConcurrentHashMap<>();

    private record Refusal(String description, long untilMillis) {}

    /** The description a token was refused with lately, or null. */
    String get(String token, long nowMillis) {
        VerifiedTokenCache.Key key = VerifiedTokenCache.Key.of(token);
        Refusal refusal = entries.get(key);
        if (refusal == null) {
            return null;
        }
        if (nowMillis > refusal.untilMillis) {
            entries.remove(key, refusal);
            return null;
        }
        return refusal.description;
    }

    /** Remembers a refusal for {@link #TTL}. */
    void put(String token, String description, long nowMillis) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.values().removeIf(refusal -> nowMillis > refusal.untilMillis);
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
        }
        entries.put(VerifiedTokenCache.Key.of(token), new Refusal(description, nowMillis + TTL.toMillis()));
    }

    int size() {
        return entries.size();
    }
}
