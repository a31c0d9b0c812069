package dev.mcpauth.runtime.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import java.util.Set;

/**
 * Checks a DPoP proof (RFC 9449 §4.3) for one request and one access token: a JWT typed {@code dpop+jwt}, signed with
 * an asymmetric algorithm of the allow list by the public key in its own {@code jwk} header, for this request's
 * method ({@code htm}) and URL ({@code htu}, without query and fragment), issued within the allowed window
 * ({@code iat}), used once ({@code jti}, remembered on every instance for the window), carrying the hash of the access
 * token ({@code ath}), and made with the key the token is bound to (its {@code cnf.jkt}, RFC 7638 thumbprint). Every
 * refusal says which rule failed, without echoing the proof.
 */
public final class DpopProofVerifier {

    /** Longest proof accepted: a proof with an RSA key is about a kilobyte. */
    static final int MAX_PROOF_LENGTH = 8 * 1024;

    /** The proof's media type (RFC 9449 §4.2). */
    static final JOSEObjectType DPOP_JWT = new JOSEObjectType("dpop+jwt");

    /** Remembers the proofs seen, on every instance: a proof is good for one request. */
    @FunctionalInterface
    public interface ReplayGuard {

        /**
         * Records a proof's use.
         *
         * @param key names the proof (the key's thumbprint and the proof's {@code jti})
         * @param remember how long to remember it
         * @return true on its first use, false when it was used already
         */
        boolean firstUse(String key, Duration remember);
    }

    /** A refused proof; the message is safe to show the client. */
    public static class InvalidProofException extends Exception {

        private static final long serialVersionUID = 1L;

        /**
         * A refusal.
         *
         * @param description which rule failed, in a short sentence for the {@code error_description}
         */
        public InvalidProofException(String description) {
            super(description, null, false, false);
        }
    }

    /** A proof without a fresh nonce of this server, where nonces are required: retry with the one offered. */
    public static final class NonceRequiredException extends InvalidProofException {

        private static final long serialVersionUID = 1L;

        private final String nonce;

        NonceRequiredException(String nonce) {
            super("The DPoP proof must carry the nonce the server issued (see the DPoP-Nonce header)");
            this.nonce = nonce;
        }

        /** The fresh nonce to send back in {@code DPoP-Nonce}. */
        public String nonce() {
            return nonce;
        }
    }

    private final Set<JWSAlgorithm> algorithms;
    private final Duration window;
    private final ReplayGuard replays;
    private final DpopNonces nonces;
    private final Clock clock;
    private final DefaultJWSVerifierFactory verifiers = new DefaultJWSVerifierFactory();

    /**
     * A verifier.
     *
     * @param algorithms the accepted signature algorithms, all asymmetric
     * @param window how far a proof's {@code iat} may be from now, either way
     * @param replays remembers the proofs already used
     * @param clock the time
     */
    public DpopProofVerifier(Set<JWSAlgorithm> algorithms, Duration window, ReplayGuard replays, Clock clock) {
        this(algorithms, window, replays, null, clock);
    }

    /**
     * A verifier that requires server-issued nonces.
     *
     * @param algorithms the accepted signature algorithms, all asymmetric
     * @param window how far a proof's {@code iat} may be from now, either way
     * @param replays remembers the proofs already used
     * @param nonces issues and checks nonces; null when proofs need none
     * @param clock the time
     */
    public DpopProofVerifier(
            Set<JWSAlgorithm> algorithms, Duration window, ReplayGuard replays, DpopNonces nonces, Clock clock) {
        this.algorithms = Set.copyOf(algorithms);
        this.window = window;
        this.replays = replays;
        this.nonces = nonces;
        this.clock = clock;
    }

    /** A fresh nonce for the {@code DPoP-Nonce} header, or null when nonces are off. */
    public String freshNonce() {
        return nonces == null ? null : nonces.issue();
    }

    /**
     * Checks a proof.
     *
     * @param proof the {@code DPoP} header's value
     * @param method the request's HTTP method
     * @param target the URL the request was for: the configured resource URL, authoritative behind a proxy
     * @param accessToken the access token the request carries
     * @param boundKey the token's {@code cnf.jkt}
     * @throws InvalidProofException when any rule fails
     */
    public void verify(String proof, String method, URI target, String accessToken, String boundKey)
            throws InvalidProofException {
        if (proof.length() > MAX_PROOF_LENGTH) {
            throw new InvalidProofException("The DPoP proof is too long");
        }
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(proof);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new InvalidProofException("The DPoP proof is not a signed JWT");
        }
        JWSHeader header = jwt.getHeader();
        if (!DPOP_JWT.equals(header.getType())) {
            throw new InvalidProofException("The DPoP proof must be typed dpop+jwt");
        }
        if (!algorithms.contains(header.getAlgorithm())) {
            throw new InvalidProofException("The DPoP proof's algorithm is not accepted (accepted: " + names() + ")");
        }
        JWK key = header.getJWK();
        if (key == null || key.isPrivate() || !(key instanceof AsymmetricJWK asymmetric)) {
            throw new InvalidProofException("The DPoP proof must carry its public key in the jwk header");
        }
        checkSignature(jwt, header, asymmetric);
        if (!method.equalsIgnoreCase(stringClaim(claims, "htm"))) {
            throw new InvalidProofException("The DPoP proof's htm does not match the request's method");
        }
        if (!sameTarget(stringClaim(claims, "htu"), target)) {
            throw new InvalidProofException("The DPoP proof's htu does not match the request's URL");
        }
        Date issued = claims.getIssueTime();
        Instant now = clock.instant();
        if (issued == null || Duration.between(issued.toInstant(), now).abs().compareTo(window) > 0) {
            throw new InvalidProofException("The DPoP proof's iat is missing or outside the accepted window");
        }
        String ath = stringClaim(claims, "ath");
        if (ath == null
                || !MessageDigest.isEqual(
                        ath.getBytes(StandardCharsets.US_ASCII),
                        hash(accessToken).getBytes(StandardCharsets.US_ASCII))) {
            throw new InvalidProofException("The DPoP proof's ath does not match the access token");
        }
        String thumbprint = thumbprint(key);
        if (boundKey == null
                || !MessageDigest.isEqual(
                        thumbprint.getBytes(StandardCharsets.US_ASCII), boundKey.getBytes(StandardCharsets.US_ASCII))) {
            throw new InvalidProofException("The DPoP proof is not signed with the key the access token is bound to");
        }
        String jti = claims.getJWTID();
        if (jti == null || jti.isEmpty() || jti.length() > 256) {
            throw new InvalidProofException("The DPoP proof's jti is missing");
        }
        if (nonces != null && !nonces.accepts(stringClaim(claims, "nonce"))) {
            throw new NonceRequiredException(nonces.issue());
        }
        // last, so that a proof refused for another reason is not remembered
        if (!replays.firstUse(thumbprint + ":" + jti, window.multipliedBy(2))) {
            throw new InvalidProofException("The DPoP proof was used already");
        }
    }

    /** The algorithms accepted, as the {@code algs} of a challenge and the metadata name them. */
    public String names() {
        return algorithms.stream()
                .map(JWSAlgorithm::getName)
                .sorted()
                .reduce((a, b) -> a + " " + b)
                .orElse("");
    }

    /** The accepted algorithms. */
    public Set<JWSAlgorithm> algorithms() {
        return algorithms;
    }

    /**
     * The RFC 7638 SHA-256 thumbprint of a public key, as {@code cnf.jkt} carries it.
     *
     * @param key the key
     * @return the thumbprint, Base64url
     * @throws InvalidProofException when it cannot be computed
     */
    static String thumbprint(JWK key) throws InvalidProofException {
        try {
            return key.computeThumbprint("SHA-256").toString();
        } catch (JOSEException e) {
            throw new InvalidProofException("The DPoP proof's key has no thumbprint");
        }
    }

    /** {@code ath}: Base64url of the SHA-256 of the token's ASCII bytes (RFC 9449 §4.2). */
    static String hash(String accessToken) {
        try {
            return Base64URL.encode(MessageDigest.getInstance("SHA-256")
                            .digest(accessToken.getBytes(StandardCharsets.US_ASCII)))
                    .toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private void checkSignature(SignedJWT jwt, JWSHeader header, AsymmetricJWK key) throws InvalidProofException {
        try {
            Key publicKey = key.toPublicKey();
            JWSVerifier verifier = verifiers.createJWSVerifier(header, publicKey);
            if (!jwt.verify(verifier)) {
                throw new InvalidProofException("The DPoP proof's signature does not verify");
            }
        } catch (JOSEException | ClassCastException e) {
            throw new InvalidProofException("The DPoP proof's signature cannot be checked with its key");
        }
    }

    /**
     * Whether {@code htu} names the target: scheme and host compared ignoring case, default ports made explicit, query
     * and fragment ignored (RFC 9449 §4.3, step 9).
     */
    static boolean sameTarget(String htu, URI target) {
        if (htu == null) {
            return false;
        }
        URI claimed;
        try {
            claimed = new URI(htu);
        } catch (java.net.URISyntaxException e) {
            return false;
        }
        return claimed.getScheme() != null
                && claimed.getHost() != null
                && claimed.getScheme().equalsIgnoreCase(target.getScheme())
                && claimed.getHost().equalsIgnoreCase(target.getHost())
                && port(claimed) == port(target)
                && normalPath(claimed).equals(normalPath(target));
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equals(uri.getScheme().toLowerCase(Locale.ROOT)) ? 443 : 80;
    }

    private static String normalPath(URI uri) {
        String path = uri.getRawPath();
        return path == null || path.isEmpty() ? "/" : path;
    }

    private static String stringClaim(JWTClaimsSet claims, String name) {
        return claims.getClaim(name) instanceof String value ? value : null;
    }
}
