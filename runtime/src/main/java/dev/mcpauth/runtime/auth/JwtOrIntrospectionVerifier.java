package dev.mcpauth.runtime.auth;

import dev.mcpauth.McpCaller;
import dev.mcpauth.spi.TokenVerifier;

/**
 * JWTs verified locally, everything else by introspection ({@code mcp.auth.verifier=jwt-or-introspection}): a
 * token shaped like a signed JWT (three dot-separated parts) goes to the {@link JwtTokenVerifier}, any other
 * (opaque) token to the {@link IntrospectionTokenVerifier}. A JWT that fails verification is refused, never
 * sent to introspection instead.
 */
final class JwtOrIntrospectionVerifier implements TokenVerifier {

    private final TokenVerifier jwt;
    private final TokenVerifier introspection;

    JwtOrIntrospectionVerifier(TokenVerifier jwt, TokenVerifier introspection) {
        this.jwt = jwt;
        this.introspection = introspection;
    }

    @Override
    public McpCaller verify(String token) throws TokenRejectedException, VerificationUnavailableException {
        return looksLikeJwt(token) ? jwt.verify(token) : introspection.verify(token);
    }

    static boolean looksLikeJwt(String token) {
        int first = token.indexOf('.');
        int second = first < 0 ? -1 : token.indexOf('.', first + 1);
        return second > 0 && token.indexOf('.', second + 1) < 0;
    }
}
