package dev.mcpauth.runtime.auth;

import static dev.mcpauth.McpConfigKeys.AUTH_ALLOW_INSECURE_HTTP;
import static dev.mcpauth.McpConfigKeys.AUTH_HTTP_TIMEOUT_MS;
import static dev.mcpauth.McpConfigKeys.AUTH_ISSUERS;
import static dev.mcpauth.McpConfigKeys.AUTH_REQUIRE_AT_JWT;
import static dev.mcpauth.McpConfigKeys.AUTH_SUBJECT_FALLBACK_CLAIMS;
import static dev.mcpauth.McpConfigKeys.AUTH_TOKEN_CACHE_SIZE;
import static dev.mcpauth.McpConfigKeys.DEFAULT_CLOCK_SKEW_SECONDS;
import static dev.mcpauth.McpConfigKeys.DEFAULT_HTTP_TIMEOUT_MS;
import static dev.mcpauth.McpConfigKeys.DEFAULT_TOKEN_CACHE_SIZE;
import static dev.mcpauth.McpConfigKeys.JWT_AUDIENCES;
import static dev.mcpauth.McpConfigKeys.JWT_CLOCK_SKEW;
import static dev.mcpauth.McpConfigKeys.JWT_ISSUER;
import static dev.mcpauth.McpConfigKeys.JWT_JWKS_LOCATION;

import dev.mcpauth.runtime.config.ConfigReader;
import dev.mcpauth.runtime.messages.Message;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which tokens are accepted and how their keys are fetched: the issuers, audiences and time rules of RFC 9068
 * §4 and RFC 7519 §4.1, the identity rules of the caller, and the HTTP rules for talking to the issuer.
 *
 * @param issuer the {@code iss} this verifier requires (one of {@code issuers})
 * @param issuers every accepted issuer, the primary one first
 * @param jwksLocation the JWKS URL, or empty to discover it from the issuer's metadata
 * @param audiences the accepted audiences, at least the resource
 * @param clockSkewSeconds allowed clock skew for {@code exp}/{@code nbf}
 * @param httpTimeoutMillis the total deadline of each exchange with the authorization server, body included
 * @param tokenCacheSize how many verified tokens to remember (0: none)
 * @param requireAtJwt whether a JWT must be typed {@code at+jwt} (RFC 9068 §2.1)
 * @param subjectFallbackClaims claims naming the caller when {@code sub} is absent, in order; empty: {@code sub} is required
 * @param allowInsecureHttp whether http is accepted for non-loopback authorization-server endpoints
 */
public record TokenSettings(
        String issuer,
        List<String> issuers,
        Optional<URI> jwksLocation,
        Set<String> audiences,
        int clockSkewSeconds,
        int httpTimeoutMillis,
        int tokenCacheSize,
        boolean requireAtJwt,
        List<String> subjectFallbackClaims,
        boolean allowInsecureHttp) {

    /**
     * The primary issuer: {@code mp.jwt.verify.issuer}, else the first of {@code mcp.auth.issuers}. Its callers keep
     * their raw {@code sub} as subject and, by default, only its roles claim is honoured.
     *
     * @return the primary issuer
     */
    public String primaryIssuer() {
        return issuers.get(0);
    }

    /**
     * These settings for another accepted issuer: its own keys, found through its own metadata.
     *
     * @param other one of {@link #issuers()}
     * @return the settings to verify that issuer's tokens with
     */
    TokenSettings forIssuer(String other) {
        if (other.equals(issuer)) {
            return this;
        }
        return new TokenSettings(
                other,
                issuers,
                Optional.empty(),
                audiences,
                clockSkewSeconds,
                httpTimeoutMillis,
                tokenCacheSize,
                requireAtJwt,
                subjectFallbackClaims,
                allowInsecureHttp);
    }

    /**
     * The rule for the URLs of the authorization server.
     *
     * @return the rule, after {@code mcp.auth.allow-insecure-http}
     */
    public HttpsRule httpsRule() {
        return new HttpsRule(allowInsecureHttp);
    }

    static TokenSettings disabled() {
        return new TokenSettings(
                null, List.of(), Optional.empty(), Set.of(), 0, DEFAULT_HTTP_TIMEOUT_MS, 0, false, List.of(), false);
    }

    static TokenSettings read(ConfigReader config, URI resource) {
        boolean allowInsecure = config.bool(AUTH_ALLOW_INSECURE_HTTP, false);
        HttpsRule https = new HttpsRule(allowInsecure);
        List<String> issuers = new ArrayList<>();
        String issuer = config.string(JWT_ISSUER).orElse(null);
        if (issuer != null) {
            issuers.add(issuer);
        }
        config.list(AUTH_ISSUERS).orElse(List.of()).stream()
                .filter(other -> !issuers.contains(other))
                .forEach(issuers::add);
        if (issuers.isEmpty()) {
            config.problem(Message.CONFIG_ISSUER_REQUIRED.format(JWT_ISSUER, AUTH_ISSUERS));
        }
        for (String each : issuers) {
            String key = each.equals(issuer) ? JWT_ISSUER : AUTH_ISSUERS;
            requireHttps(config.httpUrl(key, each), key, https, config);
        }
        if (issuer == null && !issuers.isEmpty()) {
            issuer = issuers.get(0);
        }
        Optional<URI> jwks = config.httpUrl(JWT_JWKS_LOCATION);
        jwks.ifPresent(uri -> requireHttps(uri, JWT_JWKS_LOCATION, https, config));

        Set<String> audiences = new LinkedHashSet<>(config.list(JWT_AUDIENCES).orElse(List.of()));
        if (audiences.isEmpty() && resource != null) {
            audiences.add(resource.toString());
        }
        int skew = config.nonNegativeInt(JWT_CLOCK_SKEW, DEFAULT_CLOCK_SKEW_SECONDS);
        // a deadline of 0 cannot be met, so at least 1 ms
        int timeout = config.positiveInt(AUTH_HTTP_TIMEOUT_MS, DEFAULT_HTTP_TIMEOUT_MS);
        int cacheSize = config.nonNegativeInt(AUTH_TOKEN_CACHE_SIZE, DEFAULT_TOKEN_CACHE_SIZE);
        boolean requireAtJwt = config.bool(AUTH_REQUIRE_AT_JWT, false);
        List<String> fallback = config.list(AUTH_SUBJECT_FALLBACK_CLAIMS).orElse(List.of());
        return new TokenSettings(
                issuer,
                List.copyOf(issuers),
                jwks,
                Set.copyOf(audiences),
                skew,
                timeout,
                cacheSize,
                requireAtJwt,
                List.copyOf(fallback),
                allowInsecure);
    }

    /**
     * Reports a configured authorization-server URL that would be fetched in cleartext.
     *
     * @param uri the URL, or null when it is already reported as malformed
     */
    static void requireHttps(URI uri, String key, HttpsRule https, ConfigReader config) {
        if (uri != null && !https.permits(uri)) {
            config.problem(Message.CONFIG_INSECURE_HTTP.format(key, uri, AUTH_ALLOW_INSECURE_HTTP));
        }
    }
}
