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

    /** One instance of each, created here so the JAX-RS runtime never needs to treat them as CDI beans. */
    @Override
    public Set<Object> getSingletons() {
        return Set.of(new McpEndpoint(), new OriginFilter(), new AuthenticationFilter(), new CorsFilter(), new UnhandledExceptionMapper());
    }
}
