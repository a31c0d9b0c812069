package dev.mcpauth.runtime.auth;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.CachingJWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
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

    private final AuthSettings settings;
    private final Runnable onKeySetChange;
    private final HttpClient http;
    private volatile JWKSource<SecurityContext> delegate;
    private volatile long nextDiscoveryNanos = System.nanoTime();

    /**
     * A key source for the configured issuer.
     *
     * @param settings the settings naming the issuer or the JWKS
     * @param onKeySetChange called after every fetch of the key set, so caches built on the old one are dropped
     */
    DiscoveringJwkSource(AuthSettings settings, Runnable onKeySetChange) {
        this.settings = settings;
        this.onKeySetChange = onKeySetChange;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(settings.httpTimeoutMillis())).build();
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
        JWKSource<SecurityContext> source = delegate;
        if (source == null) {
            source = resolve();
        }
        return source.get(selector, context);
    }

    private synchronized JWKSource<SecurityContext> resolve() throws KeySourceException {
        if (delegate != null) {
            return delegate;
        }
        if (System.nanoTime() - nextDiscoveryNanos < 0) {
            throw new KeySourceException("the issuer's metadata was unavailable moments ago; retrying in at most "
                    + DISCOVERY_RETRY.toSeconds() + " s");
        }
        try {
            URI jwks = settings.jwksLocation().isPresent() ? settings.jwksLocation().get()
                    : IssuerMetadata.discoverJwksUri(settings.issuer(), http, Duration.ofMillis(settings.httpTimeoutMillis()));
            int timeout = settings.httpTimeoutMillis();
            delegate = JWKSourceBuilder.<SecurityContext>create(jwks.toURL(), new DefaultResourceRetriever(timeout, timeout, JWKS_SIZE_LIMIT))
                    .cache(CACHE_TTL.toMillis(), Duration.ofMillis(timeout).multipliedBy(2).toMillis(), event -> {
                        if (event instanceof CachingJWKSetSource.RefreshCompletedEvent<?>) {
                            onKeySetChange.run();
                        }
                    })
                    .refreshAheadCache(false)
                    .rateLimited(REFETCH_MIN_INTERVAL.toMillis())
                    .outageTolerant(OUTAGE_TOLERANCE.toMillis())
                    .retrying(true)
                    .build();
            LOG.info(() -> "MCPAUTH-0501: verifying tokens of " + settings.issuer() + " with the keys at " + jwks);
            return delegate;
        } catch (IOException | IllegalArgumentException e) {
            nextDiscoveryNanos = System.nanoTime() + DISCOVERY_RETRY.toNanos();
            LOG.warning(() -> "MCPAUTH-0502: cannot find the JWKS of " + settings.issuer() + ": " + e.getMessage()
                    + "; requests with tokens get 503 until it is reachable");
            throw new KeySourceException("the issuer's metadata is unavailable", e);
        }
    }
}
