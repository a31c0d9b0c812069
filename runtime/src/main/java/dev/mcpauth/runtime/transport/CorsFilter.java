package dev.mcpauth.runtime.transport;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;

/**
 * CORS headers for browser-based MCP clients whose origin passed the {@link OriginFilter}: they may read
 * the {@code WWW-Authenticate} challenge (which starts the OAuth flow) and send the headers MCP uses.
 */
public class CorsFilter implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String origin = request.getHeaderString("Origin");
        if (origin == null || !Boolean.TRUE.equals(request.getProperty(OriginFilter.ALLOWED_ORIGIN))) {
            return; // no browser, or an origin the OriginFilter refused
        }
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putSingle("Access-Control-Allow-Origin", origin);
        headers.add("Vary", "Origin");
        headers.putSingle("Access-Control-Expose-Headers", "WWW-Authenticate, Mcp-Session-Id, MCP-Protocol-Version");
        if (HttpMethod.OPTIONS.equals(request.getMethod())) {
            headers.putSingle("Access-Control-Allow-Methods", "POST, GET, DELETE, OPTIONS");
            headers.putSingle("Access-Control-Allow-Headers",
                    "Authorization, Content-Type, Accept, MCP-Protocol-Version, Mcp-Session-Id, Last-Event-ID");
            headers.putSingle("Access-Control-Max-Age", "600");
        }
    }
}
