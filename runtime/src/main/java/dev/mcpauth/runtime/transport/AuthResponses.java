package dev.mcpauth.runtime.transport;

import dev.mcpauth.runtime.auth.AccessDeniedException;
import dev.mcpauth.runtime.auth.BearerChallenge;
import dev.mcpauth.runtime.auth.DpopSettings;
import dev.mcpauth.runtime.auth.InsufficientScopeException;
import dev.mcpauth.runtime.auth.NotAuthenticatedException;
import dev.mcpauth.runtime.auth.ProtectedResource;
import dev.mcpauth.runtime.jsonrpc.Jsonp;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The resource server's refusals: the status, the {@code WWW-Authenticate} challenge, and a small OAuth
 * error body (RFC 6750 §3) that never echoes the token.
 */
final class AuthResponses {

    /** Seconds a client should wait before retrying while the authorization server's keys are unreachable. */
    static final int RETRY_AFTER_SECONDS = 10;

    /** The error code of a refusal no token can fix (RFC 6749 §4.1.2.1 names it for the same meaning). */
    static final String ACCESS_DENIED = "access_denied";

    private AuthResponses() {}

    /** 401: no token (description null), or a rejected one. */
    static Response unauthorized(ProtectedResource resource, String description) {
        return unauthorized(resource, description, false, BearerChallenge.INVALID_TOKEN);
    }

    /**
     * 401 with the challenge of each scheme the resource accepts (RFC 9449 §7.1: {@code Bearer}, and {@code DPoP}
     * with its algorithms when DPoP is on); the error goes on the challenge of the scheme the request used.
     *
     * @param resource the resource
     * @param description why, or null when there was no token at all
     * @param dpopScheme whether the request used the {@code DPoP} scheme
     * @param error {@code invalid_token} or {@code invalid_dpop_proof}
     * @return the response
     */
    static Response unauthorized(ProtectedResource resource, String description, boolean dpopScheme, String error) {
        String code = description == null ? null : error;
        DpopSettings dpop = resource.settings().dpop();
        Response.ResponseBuilder response = Response.status(401).type(MediaType.APPLICATION_JSON_TYPE);
        if (dpop.mode() != DpopSettings.Mode.REQUIRED) {
            response.header(
                    HttpHeaders.WWW_AUTHENTICATE,
                    dpopScheme ? resource.challenge(null, null) : resource.challenge(code, description));
        }
        if (dpop.enabled()) {
            response.header(
                    HttpHeaders.WWW_AUTHENTICATE,
                    dpopScheme || dpop.mode() == DpopSettings.Mode.REQUIRED
                            ? resource.dpopChallenge(code, description)
                            : resource.dpopChallenge(null, null));
        }
        return response.entity(body(
                        code == null ? "unauthorized" : code,
                        description == null ? "A bearer token is required" : description))
                .build();
    }

    /**
     * 401 {@code use_dpop_nonce} (RFC 9449 §9): the proof lacks a fresh nonce of this server; the one to use comes in
     * {@code DPoP-Nonce}.
     *
     * @param resource the resource
     * @param description why
     * @param nonce the nonce to retry with
     * @return the response
     */
    static Response useNonce(ProtectedResource resource, String description, String nonce) {
        return Response.fromResponse(unauthorized(resource, description, true, BearerChallenge.USE_DPOP_NONCE))
                .header("DPoP-Nonce", nonce)
                .build();
    }

    /** 400: a malformed attempt at bearer authentication. */
    static Response badRequest(ProtectedResource resource, String description) {
        return refusal(
                400,
                resource.challenge(BearerChallenge.INVALID_REQUEST, description),
                BearerChallenge.INVALID_REQUEST,
                description);
    }

    /**
     * The answer to an authorization refusal: 403 with an {@code insufficient_scope} step-up challenge for
     * missing scopes (RFC 6750 §3.1); a plain 403 for a missing role or {@code @DenyAll}, which no new token
     * fixes; 401 with the ordinary challenge when no verified caller reached the decision.
     */
    static Response refusal(ProtectedResource resource, AccessDeniedException refusal) {
        return refusal(resource, refusal, false);
    }

    /**
     * The answer to an authorization refusal, the step-up challenge in the scheme the caller used: a DPoP caller
     * gets {@code DPoP algs="…", error="insufficient_scope", …} (RFC 9449 §7.1).
     *
     * @param resource the resource
     * @param refusal the refusal
     * @param dpop whether the caller used the {@code DPoP} scheme
     * @return the response
     */
    static Response refusal(ProtectedResource resource, AccessDeniedException refusal, boolean dpop) {
        if (refusal instanceof InsufficientScopeException scope) {
            return refusal(
                    403,
                    dpop ? resource.dpopInsufficientScope(scope) : resource.insufficientScope(scope),
                    BearerChallenge.INSUFFICIENT_SCOPE,
                    refusal.getMessage());
        }
        if (refusal instanceof NotAuthenticatedException) {
            return unauthorized(resource, null);
        }
        return Response.status(403)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(body(ACCESS_DENIED, refusal.getMessage()))
                .build();
    }

    /** 503: the token cannot be checked now; nothing is known about it. */
    static Response unavailable() {
        return Response.status(503)
                .header("Retry-After", RETRY_AFTER_SECONDS)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(body(
                        "temporarily_unavailable", "The authorization server's keys cannot be fetched; retry shortly"))
                .build();
    }

    private static Response refusal(int status, String challenge, String error, String description) {
        return Response.status(status)
                .header(HttpHeaders.WWW_AUTHENTICATE, challenge)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(body(error, description))
                .build();
    }

    private static String body(String error, String description) {
        return Jsonp.object()
                .add("error", error)
                .add("error_description", description)
                .build()
                .toString();
    }
}
