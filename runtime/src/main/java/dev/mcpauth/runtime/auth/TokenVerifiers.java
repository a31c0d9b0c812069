package dev.mcpauth.runtime.auth;

/** The verifier {@code mcp.auth.verifier} asks for. */
public final class TokenVerifiers {

    private TokenVerifiers() {
    }

    /**
     * The configured verifier.
     *
     * @param settings the resource server settings
     * @return a JWT, introspection or combined verifier
     */
    public static TokenVerifier create(AuthSettings settings) {
        return switch (settings.verifier()) {
            case JWT -> new JwtTokenVerifier(settings);
            case INTROSPECTION -> new IntrospectionTokenVerifier(settings);
            case JWT_OR_INTROSPECTION -> new JwtOrIntrospectionVerifier(new JwtTokenVerifier(settings), new IntrospectionTokenVerifier(settings));
        };
    }
}
