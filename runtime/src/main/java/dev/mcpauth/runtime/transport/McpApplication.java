package dev.mcpauth.runtime.transport;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * The JAX-RS application of the MCP endpoint, at {@code /mcp} under the WAR's context root. It lists
 * its classes explicitly, so it never picks up the application's own resources, and the application's
 * own JAX-RS applications keep their paths. To serve MCP at another path, map the servlet named
 * {@code dev.mcpauth.runtime.transport.McpApplication} to it in {@code web.xml} (Jakarta REST 3.1 §2.3.2).
 */
@ApplicationPath("/mcp")
public class McpApplication extends Application {

    /**
     * The endpoint and the filters that need the application's runtime: application-scoped CDI beans, which the
     * Jakarta REST runtime takes from CDI (Jakarta REST 3.1 §11.2.3).
     */
    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(McpEndpoint.class, OriginFilter.class, AuthenticationFilter.class);
    }

    /** The providers that need nothing: one instance each. */
    @Override
    public Set<Object> getSingletons() {
        return Set.of(new CorsFilter(), new UnhandledExceptionMapper());
    }
}
