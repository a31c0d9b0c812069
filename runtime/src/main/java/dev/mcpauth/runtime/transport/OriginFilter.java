package dev.mcpauth.runtime.transport;

import dev.mcpauth.runtime.jsonrpc.JsonRpcError;
import dev.mcpauth.runtime.jsonrpc.Printable;
import dev.mcpauth.runtime.messages.Message;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Refuses browser requests from foreign origins with 403, before anything else runs: the DNS-rebinding
 * defence that MCP 2025-11-25 (Transports, Security Warning) requires of Streamable HTTP servers. A
 * request without {@code Origin} (any non-browser client) passes; so do pages on this machine's loopback
 * names and the origins configured in {@code mcp.allowed-origins}.
 *
 * <p>It also answers the CORS preflight ({@code OPTIONS} with {@code Access-Control-Request-Method}) of an allowed
 * origin with 204, which the {@link CorsFilter} completes with the {@code Access-Control-Allow-*} headers; a
 * preflight from any other origin gets the same 403 as its real request would, without CORS headers, so the
 * browser never sends that request. The filter runs before resource matching: the endpoint declares no
 * {@code OPTIONS} method, and a preflight must be answered without credentials (Fetch standard, CORS protocol).
 */
@ApplicationScoped
@PreMatching
@Priority(Priorities.AUTHENTICATION - 500)
public class OriginFilter implements ContainerRequestFilter {

    private static final Logger LOG = Logger.getLogger(OriginFilter.class.getName());

    /** Request property set when a present {@code Origin} was allowed, for the {@link CorsFilter}. */
    static final String ALLOWED_ORIGIN = OriginFilter.class.getName() + ".allowed";

    // field injection with the implicit public constructor: the one form that both Jakarta REST (which picks a
    // constructor by its own rules before CDI is asked) and CDI accept
    @Inject
    McpRuntime runtime;

    @Override
    public void filter(ContainerRequestContext request) {
        String origin = request.getHeaderString("Origin");
        if (origin == null) {
            return;
        }
        Optional<String> normalized = Origins.normalize(origin);
        if (normalized.isPresent() && runtime.transportSettings().isAllowedOrigin(normalized.get())) {
            request.setProperty(ALLOWED_ORIGIN, Boolean.TRUE);
            if (isPreflight(request)) {
                request.abortWith(Response.noContent().build());
            }
            return;
        }
        LOG.warning(() -> Message.ORIGIN_REFUSED.format(Printable.of(origin)));
        request.abortWith(
                new TransportError(403, JsonRpcError.INVALID_REQUEST, "Forbidden: origin not allowed").toResponse());
    }

    /** A CORS preflight: {@code OPTIONS} naming the method of the request the browser means to send. */
    static boolean isPreflight(ContainerRequestContext request) {
        return HttpMethod.OPTIONS.equals(request.getMethod())
                && request.getHeaderString("Access-Control-Request-Method") != null;
    }
}
