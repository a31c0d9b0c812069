package dev.mcpauth.sample;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Chooses the tools' {@link TicketDesk} by {@code sample.tickets} (environment {@code SAMPLE_TICKETS}): {@code memory}
 * (the default: the tickets live in this server) or {@code ticket-api} (the company's ticket API, called on the caller's
 * behalf; what the demo runs, with Keycloak exchanging the tokens).
 */
@ApplicationScoped
public class TicketDesks {

    @Inject
    @ConfigProperty(name = "sample.tickets", defaultValue = "memory")
    String source;

    @Inject
    Instance<InMemoryTicketDesk> memory;

    @Inject
    Instance<TicketApiDesk> api;

    @Produces
    @ApplicationScoped
    TicketDesk desk() {
        return switch (source) {
            case "memory" -> memory.get();
            case "ticket-api" -> api.get();
            default ->
                throw new IllegalStateException("sample.tickets must be memory or ticket-api, not '" + source + "'");
        };
    }
}
