package dev.mcpauth.runtime.transport;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;

/**
 * CORS headers for browser-based MCP clients whose origin passed the {@link OriginFilter}: they may read
 * the {@code WWW-Authenticate} challenge (which starts the OAuth flow) and send the headers MCP uses. The
 * preflight (answered 204 by the {@link OriginFilter}) gets the allowed methods and request headers; a refused
 * origin gets no CORS header at all, on the preflight or on any other response.
 */
public class CorsFilter implements ContainerResponseFilter {

    /** The request headers of both eras: 2025 sessions and versions, 2026-07-28 request metadata. */
    static final String ALLOWED_HEADERS =
            "Authorization, Content-Type, Accept, MCP-Protocol-Version, Mcp-Session-Id, Last-Event-ID,"
                    + " Mcp-Method, Mcp-Name, DPoP";

    /**
     * The {@code Mcp-Param-*} headers a preflight asks for: which arguments a tool mirrors is the tool's choice,
     * so they are allowed by prefix rather than listed.
     */
    private static String mirroredArgumentHeaders(ContainerRequestContext request) {
        String requested = request.getHeaderString("Access-Control-Request-Headers");
        if (requested == null) {
            return "";
        }
        StringBuilder allowed = new StringBuilder();
        for (String header : requested.split(",")) {
            String name = header.trim();
            if (name.regionMatches(true, 0, "Mcp-Param-", 0, 10)
                    && name.chars().allMatch(c -> c > 0x20 && c < 0x7F && c != ',')) {
                allowed.append(", ").append(name);
            }
        }
        return allowed.toString();
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String origin = request.getHeaderString("Origin");
        if (origin == null || !Boolean.TRUE.equals(request.getProperty(OriginFilter.ALLOWED_ORIGIN))) {
            return; // no browser, or an origin the OriginFilter refused
        }
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putSingle("Access-Control-Allow-Origin", origin);
        headers.add("Vary", "Origin");
        headers.putSingle(
                "Access-Control-Expose-Headers", "WWW-Authenticate, Mcp-Session-Id, MCP-Protocol-Version, DPoP-Nonce");
        if (OriginFilter.isPreflight(request)) {
            headers.add("Vary", "Access-Control-Request-Method");
            headers.add("Vary", "Access-Control-Request-Headers");
            headers.putSingle("Access-Control-Allow-Methods", "POST, GET, DELETE, OPTIONS");
            headers.putSingle("Access-Control-Allow-Headers", ALLOWED_HEADERS + mirroredArgumentHeaders(request));
            headers.putSingle("Access-Control-Max-Age", "600");
        }
    }
}
