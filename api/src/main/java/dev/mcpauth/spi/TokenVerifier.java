package dev.mcpauth.spi;

import dev.mcpauth.McpCaller;

/**
 * Decides whether a bearer token is valid for this resource and who it stands for: the one extension point of the
 * runtime's bearer pipeline. The runtime's own verifiers check JWTs against the issuer's key set (RFC 9068) or ask
 * the issuer's introspection endpoint (RFC 7662), as configured; provide a CDI {@code @Alternative @Priority(...)}
 * bean implementing this interface to verify tokens differently. Whatever it returns is the request's
 * {@link McpCaller}: every scope and role decision is made on it.
 */
public interface TokenVerifier {

    /**
     * Verifies a token.
     *
     * @param token the bearer token, never null or empty
     * @return the caller the token stands for
     * @throws TokenRejectedException when the token is not valid for this resource (answered with 401
     *     {@code invalid_token})
     * @throws VerificationUnavailableException when the token cannot be checked right now because the
     *     authorization server's keys are unreachable (answered with 503)
     */
    McpCaller verify(String token) throws TokenRejectedException, VerificationUnavailableException;

    /** A token that is not valid for this resource; the message is safe to show the client and never contains the token. */
    final class TokenRejectedException extends Exception {
        private static final long serialVersionUID = 1L;

        /**
         * A rejection.
         *
         * @param description why, in a short sentence for the {@code error_description}
         */
        public TokenRejectedException(String description) {
            super(description, null, false, false);
        }
    }

    /** The keys needed to verify the token cannot be fetched; nothing about the token is known. */
    final class VerificationUnavailableException extends Exception {
        private static final long serialVersionUID = 1L;

        /**
         * An outage.
         *
         * @param message what is unavailable, for the log
         * @param cause the underlying failure
         */
        public VerificationUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
