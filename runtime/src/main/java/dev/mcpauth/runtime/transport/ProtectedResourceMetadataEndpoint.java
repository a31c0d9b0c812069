package dev.mcpauth.runtime.transport;

import dev.mcpauth.runtime.auth.ProtectedResource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * Serves the protected resource metadata (RFC 9728 §3) at the root location
 * {@code /.well-known/oauth-protected-resource} and at the path-inserted location of the MCP endpoint
 * ({@code /.well-known/oauth-protected-resource/mcp}), both relative to the WAR's context root. It is
 * public, cacheable and readable by browser-based clients (CORS).
 */
@ApplicationScoped
@Path("oauth-protected-resource")
public class ProtectedResourceMetadataEndpoint {

    /** Clients may cache the document for an hour; it changes only with a redeployment. */
    static final int MAX_AGE_SECONDS = 3600;

    // field injection with the implicit public constructor: the one form that both Jakarta REST (which picks a
    // constructor by its own rules before CDI is asked) and CDI accept
    @Inject
    McpRuntime runtime;

    /**
     * The document at the root location.
     *
     * @return 200 with the document, or 404 when auth is switched off
     */
    @GET
    public Response root() {
        return document(Optional.empty());
    }

    /**
     * The document at the path-inserted location.
     *
     * @param path the part after the well-known suffix
     * @return 200 with the document when {@code path} is the resource's path, else 404
     */
    @GET
    @Path("{path: .+}")
    public Response pathInserted(@PathParam("path") String path) {
        return document(Optional.of("/" + path));
    }

    /**
     * CORS preflight for either location.
     *
     * @return 204 allowing GET from any origin
     */
    @OPTIONS
    public Response preflight() {
        return cors(Response.noContent())
                .header("Access-Control-Allow-Methods", "GET, OPTIONS")
                .header("Access-Control-Allow-Headers", "MCP-Protocol-Version, Accept")
                .header("Access-Control-Max-Age", "600")
                .build();
    }

    /**
     * CORS preflight for the path-inserted location.
     *
     * @param path ignored
     * @return 204 allowing GET from any origin
     */
    @OPTIONS
    @Path("{path: .+}")
    public Response preflight(@PathParam("path") String path) {
        return preflight();
    }

    private Response document(Optional<String> path) {
        Optional<ProtectedResource> resource = runtime.protectedResource();
        if (resource.isEmpty()
                || path.isPresent() && !path.get().equals(resource.get().resourcePath())) {
            return cors(Response.status(Response.Status.NOT_FOUND)).build();
        }
        CacheControl cache = new CacheControl();
        cache.setMaxAge(MAX_AGE_SECONDS);
        cache.setPrivate(false);
        return cors(Response.ok(resource.get().metadata().toString(), MediaType.APPLICATION_JSON_TYPE))
                .cacheControl(cache)
                .build();
    }

    /** The document is public: any page may read it (RFC 9728 leaves CORS to the resource). */
    private static Response.ResponseBuilder cors(Response.ResponseBuilder response) {
        return response.header("Access-Control-Allow-Origin", "*");
    }
}
