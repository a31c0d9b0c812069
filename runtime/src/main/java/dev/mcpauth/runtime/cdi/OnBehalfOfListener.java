package dev.mcpauth.runtime.cdi;

import dev.mcpauth.OnBehalfOf;
import dev.mcpauth.runtime.auth.CallerHolder;
import dev.mcpauth.runtime.downstream.DownstreamTokens;
import dev.mcpauth.runtime.downstream.OnBehalfOfFilter;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.Priorities;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.eclipse.microprofile.rest.client.RestClientBuilder;
import org.eclipse.microprofile.rest.client.spi.RestClientListener;

/**
 * Gives every MicroProfile Rest Client whose interface says {@link OnBehalfOf} the {@link OnBehalfOfFilter} of its
 * API, so the interface needs no {@code @RegisterProvider}. Found by the Rest Client implementation through
 * {@code META-INF/services}; on a server without MicroProfile Rest Client it is never loaded.
 *
 * <p>The one place that looks the container up: the Rest Client implementation creates this listener through the
 * {@link java.util.ServiceLoader}, outside CDI, so it cannot be given its beans. Each client looks them up at its first
 * call, in the application whose thread makes it, and keeps them.
 */
public final class OnBehalfOfListener implements RestClientListener {

    /**
     * Looks up once, at the first call (the container is ready by then), and keeps what it found: both beans are one
     * object for the application's life, so the lookup, which walks the container, is not paid per call.
     */
    private static <T> Supplier<T> once(Supplier<T> lookup) {
        AtomicReference<T> found = new AtomicReference<>();
        return () -> {
            T known = found.get();
            if (known == null) {
                known = lookup.get();
                found.set(known);
            }
            return known;
        };
    }

    @Override
    public void onNewClient(Class<?> serviceInterface, RestClientBuilder builder) {
        OnBehalfOf onBehalfOf = serviceInterface.getAnnotation(OnBehalfOf.class);
        if (onBehalfOf != null) {
            builder.register(
                    new OnBehalfOfFilter(
                            onBehalfOf.value(),
                            once(() ->
                                    CDI.current().select(DownstreamTokens.class).get()),
                            // the request-scoped proxy: one object that reaches the caller of whichever request is
                            // current
                            once(() -> CDI.current().select(CallerHolder.class).get())),
                    Priorities.AUTHENTICATION);
        }
    }
}
