package dev.mcpauth.runtime.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.jwt.proc.JWTClaimsSetVerifier;
import dev.mcpauth.McpCaller;
import dev.mcpauth.spi.TokenVerifier;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Verifies JWT access tokens: signature by a key of the issuer's JWKS (asymmetric algorithms only),
 * {@code iss} equal to the configured issuer, {@code aud} naming this resource (RFC 8707), {@code exp}
 * present and not passed, {@code nbf} reached, both with the configured clock skew; an ID token is refused
 * (see {@link CallerClaims}) and, with {@code mcp.auth.require-at-jwt}, so is any JWT not typed {@code at+jwt}.
 */
public final class JwtTokenVerifier implements TokenVerifier {

    /** Only asymmetric algorithms: {@code none} and HMAC (a "secret" that is really the public key) never pass. */
    static final Set<JWSAlgorithm> ACCEPTED_ALGORITHMS = Set.of(
            JWSAlgorithm.RS256,
            JWSAlgorithm.RS384,
            JWSAlgorithm.RS512,
            JWSAlgorithm.PS256,
            JWSAlgorithm.PS384,
            JWSAlgorithm.PS512,
            JWSAlgorithm.ES256,
            JWSAlgorithm.ES384,
            JWSAlgorithm.ES512);

    /** RFC 9068 §2.1's type for access tokens, without the optional "application/" prefix (RFC 7515 §4.1.9). */
    static final String ACCESS_TOKEN_TYPE = "at+jwt";

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final VerifiedTokenCache cache;
    private final Clock clock;
    private final CallerClaims callers;
    private final String issuer;
    private final boolean requireAtJwt;

    /**
     * A verifier for the configured issuer and resource.
     *
     * @param settings the resource server settings
     */
    public JwtTokenVerifier(AuthSettings settings) {
        this(
                settings,
                new VerifiedTokenCache(
                        settings.token().tokenCacheSize(), settings.token().clockSkewSeconds()));
    }

    private JwtTokenVerifier(AuthSettings settings, VerifiedTokenCache cache) {
        this(settings, new DiscoveringJwkSource(settings.token(), cache::keySetChanged), Clock.systemUTC(), cache);
    }

    JwtTokenVerifier(AuthSettings settings, JWKSource<SecurityContext> keys, Clock clock) {
        this(
                settings,
                keys,
                clock,
                new VerifiedTokenCache(
                        settings.token().tokenCacheSize(), settings.token().clockSkewSeconds()));
    }

    JwtTokenVerifier(AuthSettings settings, JWKSource<SecurityContext> keys, Clock clock, VerifiedTokenCache cache) {
        this.cache = cache;
        this.clock = clock;
        this.callers = new CallerClaims(settings);
        this.issuer = settings.token().issuer();
        this.requireAtJwt = settings.token().requireAtJwt();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ACCEPTED_ALGORITHMS, keys));
        // the type was checked by parse() and verify(), with the "application/" spelling and the at+jwt requirement
        processor.setJWSTypeVerifier((type, context) -> {});
        processor.setJWTClaimsSetVerifier(new ClaimsRules(settings.token(), clock));
    }

    @Override
    public McpCaller verify(String token) throws TokenRejectedException, VerificationUnavailableException {
        long now = clock.millis();
        McpCaller known = cache.get(token, now);
        if (known != null) {
            return known;
        }
        SignedJWT signed = parse(token);
        if (requireAtJwt && !ACCESS_TOKEN_TYPE.equals(type(signed))) {
            throw new TokenRejectedException("The token is not typed as an access token (at+jwt)");
        }
        // read before verifying: a key set that changes meanwhile may have lost the key this token was checked with
        long generation = cache.generation();
        try {
            JWTClaimsSet claims = processor.process(signed, null);
            McpCaller caller = callers.toCaller(claims.toJSONObject(), issuer);
            // exp is present: the claim rules refuse tokens without it
            cache.put(token, caller, claims.getExpirationTime().getTime(), generation);
            return caller;
        } catch (ClaimRejected e) {
            throw new TokenRejectedException(e.getMessage());
        } catch (BadJWSException e) {
            throw new TokenRejectedException("The token's signature is invalid");
        } catch (BadJOSEException e) {
            // what is left after the checks in parse(): the key selector found no key for the token's kid and alg
            throw new TokenRejectedException("No key of the issuer matches the token");
        } catch (RateLimitReachedException e) {
            // the key set was re-fetched moments ago and still lacks this kid: a forged or stale token, not an outage
            throw new TokenRejectedException("No key of the issuer matches the token");
        } catch (KeySourceException e) {
            throw new VerificationUnavailableException("the issuer's keys are unavailable", e);
        } catch (JOSEException | RuntimeException e) {
            // the keys are trusted and the token is not: an unexpected failure here comes from the token's content
            throw new TokenRejectedException("The token could not be verified");
        }
    }

    /**
     * The token as a signed JWT of an accepted algorithm and type, with readable claims; signature not checked.
     *
     * @throws TokenRejectedException for anything else: a JWE, an unsecured JWT, or malformed input of any shape
     */
    static SignedJWT parse(String token) throws TokenRejectedException {
        JWT jwt;
        try {
            jwt = JWTParser.parse(token);
        } catch (ParseException | RuntimeException e) {
            // the parser meets hostile input first; whatever it throws, the input is at fault, so 401, not 500
            throw new TokenRejectedException("The token is not a well-formed JWT");
        }
        if (!(jwt instanceof SignedJWT signed)) {
            throw new TokenRejectedException("The token is not signed");
        }
        for (Base64URL part : signed.getParsedParts()) {
            // base64url leaves trailing bits unused; only the canonical spelling of a token is that token
            if (!Base64URL.encode(part.decode()).toString().equals(part.toString())) {
                throw new TokenRejectedException("The token is not a well-formed JWT");
            }
        }
        if (!ACCEPTED_ALGORITHMS.contains(signed.getHeader().getAlgorithm())) {
            throw new TokenRejectedException("The token's signing algorithm is not accepted");
        }
        String type = type(signed);
        // "JWT" or none is what most servers (Keycloak among them) send; at+jwt is RFC 9068's access-token type
        if (type != null && !type.equals("jwt") && !type.equals(ACCESS_TOKEN_TYPE)) {
            throw new TokenRejectedException("The token type is not accepted");
        }
        try {
            signed.getJWTClaimsSet();
        } catch (ParseException | RuntimeException e) {
            throw new TokenRejectedException("The token is not a well-formed JWT");
        }
        return signed;
    }

    /** The header's {@code typ}, lower case, without the "application/" prefix RFC 7515 §4.1.9 lets senders omit; or null. */
    private static String type(SignedJWT signed) {
        JOSEObjectType type = signed.getHeader().getType();
        if (type == null) {
            return null;
        }
        String value = type.getType().toLowerCase(Locale.ROOT);
        return value.startsWith("application/") ? value.substring("application/".length()) : value;
    }

    /** A claim check that failed; its message is the client-facing description. */
    private static final class ClaimRejected extends BadJWTException {
        private static final long serialVersionUID = 1L;

        ClaimRejected(String description) {
            super(description);
        }
    }

    /** The claim rules, checked only after the signature is verified. */
    private static final class ClaimsRules implements JWTClaimsSetVerifier<SecurityContext> {

        private final String issuer;
        private final Set<String> audiences;
        private final long skewSeconds;
        private final Clock clock;

        ClaimsRules(TokenSettings settings, Clock clock) {
            this.issuer = settings.issuer();
            this.audiences = settings.audiences();
            this.skewSeconds = settings.clockSkewSeconds();
            this.clock = clock;
        }

        @Override
        public void verify(JWTClaimsSet claims, SecurityContext context) throws BadJWTException {
            Instant now = clock.instant();
            Date expiry = claims.getExpirationTime();
            if (expiry == null) {
                throw new ClaimRejected("The token has no expiry (exp)");
            }
            if (expiry.toInstant().plusSeconds(skewSeconds).isBefore(now)) {
                throw new ClaimRejected("The token has expired");
            }
            Date notBefore = claims.getNotBeforeTime();
            if (notBefore != null
                    && notBefore.toInstant().minusSeconds(skewSeconds).isAfter(now)) {
                throw new ClaimRejected("The token is not valid yet (nbf)");
            }
            if (!issuer.equals(claims.getIssuer())) {
                throw new ClaimRejected("The token was issued by another issuer");
            }
            List<String> audience = claims.getAudience();
            if (audience.isEmpty()) {
                throw new ClaimRejected("The token has no audience (aud)");
            }
            if (audience.stream().noneMatch(audiences::contains)) {
                throw new ClaimRejected("The token is meant for another resource (aud)");
            }
        }
    }
}
