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

    /** The metadata endpoint, an application-scoped CDI bean (Jakarta REST 3.1 §11.2.3). */
    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(ProtectedResourceMetadataEndpoint.class);
    }

    @Override
    public Set<Object> getSingletons() {
        return Set.of(new UnhandledExceptionMapper());
    }
}
