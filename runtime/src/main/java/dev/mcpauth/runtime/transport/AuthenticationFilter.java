package dev.mcpauth.runtime.transport;

import dev.mcpauth.McpCaller;
import dev.mcpauth.runtime.auth.AuditLog;
import dev.mcpauth.runtime.auth.AuthorizationHeader;
import dev.mcpauth.runtime.auth.BearerChallenge;
import dev.mcpauth.runtime.auth.CallerHolder;
import dev.mcpauth.runtime.auth.DpopProofVerifier;
import dev.mcpauth.runtime.auth.DpopSettings;
import dev.mcpauth.runtime.auth.ProtectedResource;
import dev.mcpauth.runtime.auth.ScopeHierarchy;
import dev.mcpauth.runtime.messages.Message;
import dev.mcpauth.runtime.protocol.RequestMetadata;
import dev.mcpauth.spi.TokenVerifier.TokenRejectedException;
import dev.mcpauth.spi.TokenVerifier.VerificationUnavailableException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Authenticates every MCP request by its bearer token (MCP 2025-11-25, Authorization, Token Handling):
 * no token gives 401 with a challenge pointing to the resource metadata; a token that fails verification
 * gives 401 {@code invalid_token}; a malformed header or a token in the query string gives 400
 * {@code invalid_request}; a good token makes its caller the request's caller. It never decides what the
 * caller may do: that is the scope check's job.
 */
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationFilter implements ContainerRequestFilter {

    private static final Logger LOG = Logger.getLogger(AuthenticationFilter.class.getName());

    /** The request header that carries a DPoP proof (RFC 9449 §4.1). */
    static final String DPOP = "DPoP";

    // field injection with the implicit public constructor: the one form that both Jakarta REST (which picks a
    // constructor by its own rules before CDI is asked) and CDI accept
    @Inject
    McpRuntime runtime;

    @Override
    public void filter(ContainerRequestContext request) {
        CallerHolder holder = runtime.callerHolder();
        Optional<ProtectedResource> protectedResource = runtime.protectedResource();
        if (protectedResource.isEmpty()) {
            holder.set(McpCaller.ANONYMOUS, null);
            return;
        }
        if (HttpMethod.OPTIONS.equals(request.getMethod())) {
            return; // CORS preflights carry no credentials (Fetch standard); the real request is checked
        }
        ProtectedResource resource = protectedResource.get();
        // refusals here come before the body is read: the revision header is all the audit line can say
        AuditLog.Request unread = AuditLog.Request.unread(request.getHeaderString(RequestMetadata.PROTOCOL_VERSION));
        if (request.getUriInfo().getQueryParameters().containsKey("access_token")) {
            // RFC 6750 §2.3 URI query tokens leak into logs and histories; MCP forbids them
            String description = "Access tokens in the query string are not accepted";
            runtime.auditLog().denied(400, AuditLog.Reason.INVALID_REQUEST, null, unread, List.of(), description);
            request.abortWith(AuthResponses.badRequest(resource, description));
            return;
        }
        DpopSettings dpop = resource.settings().dpop();
        AuthorizationHeader.Result header =
                AuthorizationHeader.read(request.getHeaders().get(HttpHeaders.AUTHORIZATION), dpop.enabled());
        if (header instanceof AuthorizationHeader.Absent) {
            runtime.auditLog().denied(401, AuditLog.Reason.NO_TOKEN, null, unread, List.of(), null);
            request.abortWith(AuthResponses.unauthorized(resource, null));
        } else if (header instanceof AuthorizationHeader.Malformed malformed) {
            runtime.auditLog()
                    .denied(400, AuditLog.Reason.INVALID_REQUEST, null, unread, List.of(), malformed.description());
            request.abortWith(AuthResponses.badRequest(resource, malformed.description()));
        } else if (header instanceof AuthorizationHeader.Token token) {
            try {
                if (!token.dpop() && dpop.mode() == DpopSettings.Mode.REQUIRED) {
                    throw new TokenRejectedException(
                            "This resource accepts only DPoP-bound tokens, with the DPoP scheme and a proof");
                }
                McpCaller verified = resource.verifier().verify(token.value());
                if (!bound(request, resource, token, verified, unread)) {
                    return;
                }
                McpCaller caller = ScopeHierarchy.expand(
                        verified, resource.settings().authorization().scopeImplications());
                Set<String> roles = resource.rolesOf(caller);
                holder.set(caller, token.value(), roles);
                holder.usedDpop(token.dpop());
                request.setSecurityContext(new CallerSecurityContext(
                        caller, roles, request.getSecurityContext().isSecure()));
            } catch (TokenRejectedException e) {
                runtime.auditLog().denied(401, AuditLog.Reason.INVALID_TOKEN, null, unread, List.of(), e.getMessage());
                request.abortWith(AuthResponses.unauthorized(
                        resource, e.getMessage(), token.dpop(), BearerChallenge.INVALID_TOKEN));
            } catch (RuntimeException e) {
                // a verifier (ours or an application's) failed on input it should have refused: the token is at fault
                // until proven otherwise, so fail closed with 401, never a 500; the operator gets an incident id
                String incident = UUID.randomUUID().toString();
                // the exception's message may quote the token, so only its type and origin are logged
                StackTraceElement origin = e.getStackTrace().length == 0 ? null : e.getStackTrace()[0];
                LOG.warning(
                        Message.VERIFIER_FAILED_UNEXPECTEDLY.format(e.getClass().getName(), origin, incident));
                String description = "The token could not be verified";
                runtime.auditLog()
                        .denied(
                                401,
                                AuditLog.Reason.INVALID_TOKEN,
                                null,
                                unread,
                                List.of(),
                                description + " (incident " + incident + ")");
                request.abortWith(AuthResponses.unauthorized(resource, description));
            } catch (VerificationUnavailableException e) {
                LOG.log(
                        Level.WARNING,
                        Message.VERIFICATION_UNAVAILABLE.format(e.getMessage()
                                + (e.getCause() == null
                                        ? ""
                                        : " (" + e.getCause().getMessage() + ")")));
                runtime.auditLog()
                        .denied(503, AuditLog.Reason.KEYS_UNAVAILABLE, null, unread, List.of(), e.getMessage());
                request.abortWith(AuthResponses.unavailable());
            }
        }
    }

    /**
     * Whether the token is used as its binding says (RFC 9449 §7): a token bound to a DPoP key ({@code cnf.jkt}) only
     * with the DPoP scheme and one valid proof of that key for this request; an unbound token only as Bearer. A refusal
     * is answered and audited here.
     *
     * @return true when the request may go on
     */
    private boolean bound(
            ContainerRequestContext request,
            ProtectedResource resource,
            AuthorizationHeader.Token token,
            McpCaller caller,
            AuditLog.Request unread) {
        String boundKey =
                caller.claim("cnf").orElse(null) instanceof Map<?, ?> cnf && cnf.get("jkt") instanceof String jkt
                        ? jkt
                        : null;
        String refusal = null;
        String error = BearerChallenge.INVALID_TOKEN;
        if (!token.dpop() && boundKey != null) {
            refusal = "The token is bound to a DPoP key: send it with the DPoP scheme and a proof";
        } else if (token.dpop() && boundKey == null) {
            refusal = "The token is not bound to a DPoP key: send it with the Bearer scheme";
        } else if (token.dpop()) {
            List<String> proofs = request.getHeaders().get(DPOP);
            try {
                if (proofs == null || proofs.size() != 1) {
                    throw new DpopProofVerifier.InvalidProofException("Exactly one DPoP proof header is required");
                }
                resource.dpopProofs()
                        .verify(
                                proofs.get(0).trim(),
                                request.getMethod(),
                                resource.settings().metadata().resource(),
                                token.value(),
                                boundKey);
            } catch (DpopProofVerifier.NonceRequiredException e) {
                // RFC 9449 §9: not an attack, a round trip: the client retries with the nonce offered
                runtime.auditLog()
                        .denied(401, AuditLog.Reason.INVALID_TOKEN, caller, unread, List.of(), e.getMessage());
                request.abortWith(AuthResponses.useNonce(resource, e.getMessage(), e.nonce()));
                return false;
            } catch (DpopProofVerifier.InvalidProofException e) {
                refusal = e.getMessage();
                error = BearerChallenge.INVALID_DPOP_PROOF;
            }
        }
        if (refusal == null) {
            return true;
        }
        runtime.auditLog().denied(401, AuditLog.Reason.INVALID_TOKEN, caller, unread, List.of(), refusal);
        request.abortWith(AuthResponses.unauthorized(resource, refusal, token.dpop(), error));
        return false;
    }
}
