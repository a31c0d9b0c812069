package dev.mcpauth.runtime.auth;

import com.nimbusds.jwt.SignedJWT;
import dev.mcpauth.McpCaller;
import dev.mcpauth.spi.TokenVerifier;
import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JWTs of several trusted issuers ({@code mcp.auth.issuers}): the {@code iss} a token names picks the one
 * verifier that may accept it, with that issuer's keys only. The claim is read before the signature is
 * checked, but that only chooses whose keys check it: a token claiming issuer A signed with B's key fails.
 */
final class IssuerRoutingVerifier implements TokenVerifier {

    private final Map<String, TokenVerifier> byIssuer = new LinkedHashMap<>();

    IssuerRoutingVerifier(AuthSettings settings) {
        for (String issuer : settings.token().issuers()) {
            byIssuer.put(issuer, new JwtTokenVerifier(settings.forIssuer(issuer)));
        }
    }

    @Override
    public McpCaller verify(String token) throws TokenRejectedException, VerificationUnavailableException {
        // the same shape checks as the verifier itself: a JWE or an unsecured JWT has no readable, signed claims
        // (RFC 7516, RFC 7519 §6), so it is refused here rather than dereferenced
        SignedJWT signed = JwtTokenVerifier.parse(token);
        String issuer;
        try {
            issuer = signed.getJWTClaimsSet().getIssuer();
        } catch (ParseException | RuntimeException e) {
            throw new TokenRejectedException("The token is not a well-formed JWT");
        }
        TokenVerifier verifier = issuer == null ? null : byIssuer.get(issuer);
        if (verifier == null) {
            throw new TokenRejectedException("The token was issued by another issuer");
        }
        return verifier.verify(token);
    }
}
