package dev.mcpauth.runtime.auth;

import dev.mcpauth.spi.TokenVerifier;

/** The verifier {@code mcp.auth.verifier} asks for. */
public final class TokenVerifiers {

    private TokenVerifiers() {}

    /**
     * The configured verifier.
     *
     * @param settings the resource server settings
     * @return a JWT, introspection or combined verifier
     */
    public static TokenVerifier create(AuthSettings settings) {
        return switch (settings.verifier()) {
            case JWT -> jwt(settings);
            case INTROSPECTION -> new IntrospectionTokenVerifier(settings);
            case JWT_OR_INTROSPECTION ->
                new JwtOrIntrospectionVerifier(jwt(settings), new IntrospectionTokenVerifier(settings));
        };
    }

    /** One issuer's JWTs, or several issuers' routed by the issuer each token names. */
    private static TokenVerifier jwt(AuthSettings settings) {
        return settings.token().issuers().size() > 1
                ? new IssuerRoutingVerifier(settings)
                : new JwtTokenVerifier(settings);
    }
}
