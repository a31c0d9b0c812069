package dev.mcpauth.runtime.auth;

import dev.mcpauth.McpCaller;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Remembers tokens verified recently, so a client's next requests skip the signature check: a bounded map
 * from the SHA-256 of the token (never the token itself) to its caller, each entry valid until the token
 * expires (plus the clock skew), and all of them dropped when a re-fetch of the issuer's key set finds a key
 * gone, so a key removed from the JWKS stops working as soon as the verifier learns of it.
 *
 * <p>A verdict is only as good as the key set it was reached with: the verifier reads {@link #generation()}
 * before it verifies and hands it to {@link #put}, which keeps nothing if the key set changed in between (a
 * concurrent refresh may have removed the very key that verified the token).
 */
final class VerifiedTokenCache {

    private final ConcurrentHashMap<Key, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong keySetGeneration = new AtomicLong();
    private final int maxEntries;
    private final long skewMillis;

    /**
     * A cache.
     *
     * @param maxEntries the most tokens kept; 0 switches caching off
     * @param skewSeconds the clock skew allowed after a token's expiry
     */
    VerifiedTokenCache(int maxEntries, long skewSeconds) {
        this.maxEntries = maxEntries;
        this.skewMillis = skewSeconds * 1000;
    }

    /** The caller of a token verified before and still valid at {@code nowMillis}, or null. */
    McpCaller get(String token, long nowMillis) {
        if (maxEntries == 0) {
            return null;
        }
        Key key = Key.of(token);
        Entry entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        if (entry.generation != keySetGeneration.get() || nowMillis > entry.validUntilMillis) {
            entries.remove(key, entry);
            return null;
        }
        return entry.caller;
    }

    /** The current key-set generation, to read before verifying a token and pass to {@link #put}. */
    long generation() {
        return keySetGeneration.get();
    }

    /**
     * Remembers a verified token until {@code expiresAtMillis} plus the clock skew, unless the key set changed
     * since {@code generation} was read.
     *
     * @param generation {@link #generation()} as read before the verification began
     */
    void put(String token, McpCaller caller, long expiresAtMillis, long generation) {
        if (maxEntries == 0 || generation != keySetGeneration.get()) {
            return;
        }
        if (entries.size() >= maxEntries) {
            evict(System.currentTimeMillis());
        }
        // stamped with the generation read before verifying: should the key set change between the check
        // above and this put, get() sees the stale stamp and drops the entry
        entries.put(Key.of(token), new Entry(caller, expiresAtMillis + skewMillis, generation));
    }

    /** Forgets everything: a key left the key set, so earlier verdicts may no longer hold. */
    void keySetChanged() {
        keySetGeneration.incrementAndGet();
        entries.clear();
    }

    int size() {
        return entries.size();
    }

    /** Drops expired entries; if the map is still full, drops everything (rare, and only costs re-verification). */
    private void evict(long nowMillis) {
        entries.values().removeIf(entry -> nowMillis > entry.validUntilMillis);
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
    }

    private record Entry(McpCaller caller, long validUntilMillis, long generation) {}

    /** A SHA-256 digest with value semantics. */
    static final class Key {
        private final byte[] digest;
        private final int hash;

        private Key(byte[] digest) {
            this.digest = digest;
            this.hash = Arrays.hashCode(digest);
        }

        /** Never used itself: each key clones it, which skips the provider lookup of getInstance (every request). */
        private static final MessageDigest SHA_256 = sha256();

        static Key of(String token) {
            MessageDigest digest;
            try {
                digest = (MessageDigest) SHA_256.clone();
            } catch (CloneNotSupportedException e) {
                digest = sha256();
            }
            return new Key(digest.digest(token.getBytes(StandardCharsets.US_ASCII)));
        }

        private static MessageDigest sha256() {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java runtime has SHA-256", e);
            }
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && MessageDigest.isEqual(digest, key.digest);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
