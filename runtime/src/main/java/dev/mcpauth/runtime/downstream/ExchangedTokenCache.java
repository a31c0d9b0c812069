package dev.mcpauth.runtime.downstream;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * Exchanged tokens, kept per caller token and API until shortly before they expire, so N calls of one caller to one
 * API cost one exchange. Keyed by a hash of the caller's token, never the token itself: a refreshed caller token (other
 * scopes, another session) gets its own exchange. Bounded: when full, expired entries go first, then the least
 * recently used. Concurrent calls that miss on the same key wait for one exchange instead of each starting one.
 */
final class ExchangedTokenCache {

    private final int capacity;
    private final Clock clock;
    private final Map<String, ExchangedToken> tokens;
    private final ConcurrentHashMap<String, CompletableFuture<ExchangedToken>> inFlight = new ConcurrentHashMap<>();

    ExchangedTokenCache(int capacity, Clock clock) {
        this.capacity = capacity;
        this.clock = clock;
        this.tokens = new LinkedHashMap<>(16, 0.75f, true);
    }

    /**
     * The cached token for this caller token and API, or a new one from {@code exchange}, cached when it lives long
     * enough to be reused.
     *
     * @param callerToken the caller's access token (only its hash is kept)
     * @param api the API's name
     * @param exchange makes a new token; its exception reaches every caller that waited for it
     * @return the token
     */
    ExchangedToken get(String callerToken, String api, Supplier<ExchangedToken> exchange) {
        String key = key(callerToken, api);
        ExchangedToken cached = cached(key);
        if (cached != null) {
            return cached;
        }
        CompletableFuture<ExchangedToken> mine = new CompletableFuture<>();
        CompletableFuture<ExchangedToken> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            return join(running);
        }
        try {
            ExchangedToken token = exchange.get();
            if (token.reusableUntil().isAfter(clock.instant())) {
                put(key, token);
            }
            mine.complete(token);
            return token;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key, mine);
        }
    }

    /** How many tokens are kept. */
    synchronized int size() {
        return tokens.size();
    }

    private synchronized ExchangedToken cached(String key) {
        ExchangedToken token = tokens.get(key);
        if (token == null) {
            return null;
        }
        if (!token.reusableUntil().isAfter(clock.instant())) {
            tokens.remove(key);
            return null;
        }
        return token;
    }

    private synchronized void put(String key, ExchangedToken token) {
        if (tokens.size() >= capacity && !tokens.containsKey(key)) {
            tokens.values().removeIf(kept -> !kept.reusableUntil().isAfter(clock.instant()));
            Iterator<String> eldest = tokens.keySet().iterator();
            while (tokens.size() >= capacity && eldest.hasNext()) {
                eldest.next();
                eldest.remove();
            }
        }
        tokens.put(key, token);
    }

    private static ExchangedToken join(CompletableFuture<ExchangedToken> running) {
        try {
            return running.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while another call exchanged the same token", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static String key(String callerToken, String api) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(callerToken.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash) + " " + api;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
