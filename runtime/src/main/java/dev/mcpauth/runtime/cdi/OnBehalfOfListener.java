package dev.mcpauth.runtime.cdi;

import dev.mcpauth.OnBehalfOf;
import dev.mcpauth.runtime.auth.CallerHolder;
import dev.mcpauth.runtime.downstream.DownstreamTokens;
import dev.mcpauth.runtime.downstream.OnBehalfOfFilter;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.Priorities;
import org.eclipse.microprofile.rest.client.RestClientBuilder;
import org.eclipse.microprofile.rest.client.spi.RestClientListener;

/**
 * Gives every MicroProfile Rest Client whose interface says {@link OnBehalfOf} the {@link OnBehalfOfFilter} of its
 * API, so the interface needs no {@code @RegisterProvider}. Found by the Rest Client implementation through
 * {@code META-INF/services}; on a server without MicroProfile Rest Client it is never loaded.
 *
 * <p>The one place that looks the container up: the Rest Client implementation creates this listener through the
 * {@link java.util.ServiceLoader}, outside CDI, so it cannot be given its beans. It looks them up at each call, in the
 * application whose thread makes the call.
 */
public final class OnBehalfOfListener implements RestClientListener {

    @Override
    public void onNewClient(Class<?> serviceInterface, RestClientBuilder builder) {
        OnBehalfOf onBehalfOf = serviceInterface.getAnnotation(OnBehalfOf.class);
        if (onBehalfOf != null) {
            builder.register(
                    new OnBehalfOfFilter(
                            onBehalfOf.value(),
                            () -> CDI.current().select(DownstreamTokens.class).get(),
                            () -> CDI.current().select(CallerHolder.class).get()),
                    Priorities.AUTHENTICATION);
        }
    }
}
