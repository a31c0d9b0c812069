package dev.mcpauth.ticketapi;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * The ticket API's token check: a JWT signed by the issuer's keys (RS256 or ES256), from that issuer, unexpired, and
 * meant for this API ({@code aud} contains its audience). A token meant for the MCP server is refused here, which is
 * why the MCP server exchanges the user's token rather than passing it on.
 */
public final class TokenCheck {

    /** A token this API does not accept; its message says why (never the token). */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    /** The issuer's keys cannot be fetched: no token can be checked now (503, not the caller's fault). */
    public static final class KeysUnavailable extends Exception {
        private static final long serialVersionUID = 1L;

        KeysUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    /**
     * A check against an issuer's keys.
     *
     * @param keys the issuer's key set
     * @param issuer the issuer's URL, exactly as in {@code iss}
     * @param audience this API's audience
     */
    public TokenCheck(JWKSource<SecurityContext> keys, String issuer, String audience) {
        processor.setJWSKeySelector(
                new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256), keys));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                audience, new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("sub", "exp")));
    }

    /**
     * The caller a token stands for.
     *
     * @param token the bearer token
     * @return the caller
     * @throws Refused when the token is not one for this API
     * @throws KeysUnavailable when the issuer's keys cannot be fetched
     */
    public Caller verify(String token) throws Refused, KeysUnavailable {
        try {
            JWTClaimsSet claims = processor.process(token, null);
            String scope = claims.getStringClaim("scope");
            Set<String> scopes = scope == null
                    ? Set.of()
                    : new HashSet<>(Arrays.asList(scope.trim().split("\\s+")));
            return new Caller(claims.getSubject(), scopes);
        } catch (ParseException e) {
            throw new Refused("The token is not a JWT");
        } catch (BadJOSEException e) {
            // the processor's messages name the failed rule (audience, expiry, signature) and never the token
            throw new Refused(e.getMessage());
        } catch (KeySourceException e) {
            throw new KeysUnavailable("the issuer's keys cannot be fetched", e);
        } catch (JOSEException e) {
            throw new Refused("The token cannot be checked: " + e.getMessage());
        }
    }
}
