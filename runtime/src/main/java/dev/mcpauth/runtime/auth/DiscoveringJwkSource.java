package dev.mcpauth.runtime.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.CachingJWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import dev.mcpauth.runtime.messages.Message;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The issuer's keys, found on first use: the JWKS URL is configured or discovered from the issuer's
 * metadata when the first token arrives, so the application deploys even while the authorization server
 * is down. Behind it, Nimbus caches the key set, re-fetches it (rate-limited) when a token names an
 * unknown {@code kid}, and keeps serving the cached keys through an outage.
 */
final class DiscoveringJwkSource implements JWKSource<SecurityContext> {

    private static final Logger LOG = Logger.getLogger(DiscoveringJwkSource.class.getName());

    /** How long to wait before asking for the issuer's metadata again after a failure. */
    static final Duration DISCOVERY_RETRY = Duration.ofSeconds(10);
    /** Cached keys are refreshed after this long. */
    static final Duration CACHE_TTL = Duration.ofMinutes(5);
    /** How long the cached keys keep serving while the JWKS endpoint is unreachable. */
    static final Duration OUTAGE_TOLERANCE = Duration.ofHours(4);
    /** At most one re-fetch in this interval, however many unknown {@code kid}s arrive. */
    static final Duration REFETCH_MIN_INTERVAL = Duration.ofSeconds(30);

    private static final int JWKS_SIZE_LIMIT = 512 * 1024;

    private final TokenSettings settings;
    private final Runnable onKeyRemoved;
    private final DeadlineHttp http;
    private volatile JWKSource<SecurityContext> delegate;
    private volatile long nextDiscoveryNanos = System.nanoTime();
    /** The identities of the keys of the last fetched set; null before the first fetch. Guarded by keysLock, not by the discovery lock. */
    private final Object keysLock = new Object();

    private Set<String> knownKeys;

    /**
     * A key source for the configured issuer.
     *
     * @param settings the settings naming the issuer or the JWKS
     * @param onKeyRemoved called when a fetch of the key set finds a key of the previous set gone, so verdicts
     *     reached with that key are dropped; a refresh that only adds keys (or changes nothing) keeps them
     */
    DiscoveringJwkSource(TokenSettings settings, Runnable onKeyRemoved) {
        this.settings = settings;
        this.onKeyRemoved = onKeyRemoved;
        this.http = new DeadlineHttp(Duration.ofMillis(settings.httpTimeoutMillis()));
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
        JWKSource<SecurityContext> source = delegate;
        if (source == null) {
            source = resolve();
        }
        return source.get(selector, context);
    }

    /**
     * Compares a freshly fetched key set with the previous one and reports a removed key. A key is the same key
     * when its {@code kid} and its RFC 7638 thumbprint are; a key whose material changed under the same kid is
     * a removal too.
     *
     * @param keys the fetched set
     * @return whether a key of the previous set is gone
     */
    boolean keySetFetched(JWKSet keys) {
        Set<String> fetched = new HashSet<>();
        for (JWK key : keys.getKeys()) {
            fetched.add(identity(key));
        }
        boolean removed;
        synchronized (keysLock) {
            removed = knownKeys != null && !fetched.containsAll(knownKeys);
            knownKeys = fetched;
        }
        if (removed) {
            LOG.info(() -> Message.KEY_REMOVED.format(settings.issuer()));
            onKeyRemoved.run();
        }
        return removed;
    }

    private static String identity(JWK key) {
        try {
            return key.getKeyID() + " " + key.computeThumbprint();
        } catch (JOSEException | RuntimeException e) {
            // a key whose thumbprint cannot be computed is compared by its whole JSON form
            return key.getKeyID() + " " + key.toJSONString();
        }
    }

    /**
     * Finds the key set on first use. Synchronized so one thread discovers for all; every exchange it makes ends
     * within the HTTP deadline ({@link DeadlineHttp}), so the lock is held for a bounded time.
     */
    private synchronized JWKSource<SecurityContext> resolve() throws KeySourceException {
        if (delegate != null) {
            return delegate;
        }
        if (System.nanoTime() - nextDiscoveryNanos < 0) {
            throw new KeySourceException("the issuer's metadata was unavailable moments ago; retrying in at most "
                    + DISCOVERY_RETRY.toSeconds() + " s");
        }
        try {
            URI jwks = settings.jwksLocation().isPresent()
                    ? settings.jwksLocation().get()
                    : IssuerMetadata.discoverJwksUri(settings.issuer(), http, settings.httpsRule());
            delegate = JWKSourceBuilder.<SecurityContext>create(jwks.toURL(), http.retriever(JWKS_SIZE_LIMIT))
                    .cache(CACHE_TTL.toMillis(), http.deadline().multipliedBy(2).toMillis(), event -> {
                        if (event instanceof CachingJWKSetSource.RefreshCompletedEvent<?> completed) {
                            keySetFetched(completed.getJWKSet());
                        }
                    })
                    .refreshAheadCache(false)
                    .rateLimited(REFETCH_MIN_INTERVAL.toMillis())
                    .outageTolerant(OUTAGE_TOLERANCE.toMillis())
                    .retrying(true)
                    .build();
            LOG.info(() -> Message.JWKS_DISCOVERED.format(settings.issuer(), jwks));
            return delegate;
        } catch (IOException | IllegalArgumentException e) {
            nextDiscoveryNanos = System.nanoTime() + DISCOVERY_RETRY.toNanos();
            LOG.warning(() -> Message.JWKS_DISCOVERY_FAILED.format(settings.issuer(), e.getMessage()));
            throw new KeySourceException("the issuer's metadata is unavailable", e);
        }
    }
}
