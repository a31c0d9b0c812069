package dev.mcpauth.runtime.transport;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * The Jakarta REST application of the {@code /.well-known} documents, separate from the MCP endpoint so
 * that none of the endpoint's filters (origin check, authentication) apply to them.
 */
@ApplicationPath("/.well-known")
public class WellKnownApplication extends Application {

    @Override
    public Set<Object> getSingletons() {
        return Set.of(new ProtectedResourceMetadataEndpoint(), new UnhandledExceptionMapper());
    }
}
