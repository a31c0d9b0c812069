package dev.mcpauth.runtime.transport;

import dev.mcpauth.runtime.auth.AuditLog;
import dev.mcpauth.runtime.auth.CallerHolder;
import dev.mcpauth.runtime.auth.ProtectedResource;
import dev.mcpauth.runtime.protocol.McpDispatcher;
import dev.mcpauth.runtime.session.ClientRequests;
import dev.mcpauth.runtime.session.Notifications;
import dev.mcpauth.runtime.session.Sessions;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the Jakarta REST classes of the endpoint need, in one value: the composition root (package {@code cdi})
 * builds it once per application and the endpoint, its filters and the metadata endpoint receive it by injection.
 */
public final class McpRuntime {

    private final TransportSettings transportSettings;
    private final McpDispatcher dispatcher;
    private final CallerHolder callerHolder;
    private final AuditLog auditLog;
    private final Supplier<Optional<ProtectedResource>> protectedResource;
    private final Sessions sessions;
    private final ClientRequests clientRequests;
    private final Notifications notifications;
    private final RequestTracing tracing;
    private final OpenStreams streams = new OpenStreams();

    /**
     * The parts.
     *
     * @param transportSettings the HTTP settings (origins, body size)
     * @param dispatcher the MCP protocol
     * @param callerHolder the request's caller, which the authentication filter sets
     * @param auditLog the audit trail of decisions
     * @param protectedResource the protected resource, empty when auth is switched off; it is known once the
     *     application's context path is
     * @param sessions the 2025-era sessions
     * @param clientRequests the questions sent to 2025-era clients, waiting for answers
     * @param notifications the notification streams and the changes they hear
     * @param tracing the span of each request, or {@link RequestTracing#NONE}
     */
    public McpRuntime(
            TransportSettings transportSettings,
            McpDispatcher dispatcher,
            CallerHolder callerHolder,
            AuditLog auditLog,
            Supplier<Optional<ProtectedResource>> protectedResource,
            Sessions sessions,
            ClientRequests clientRequests,
            Notifications notifications,
            RequestTracing tracing) {
        this.transportSettings = transportSettings;
        this.dispatcher = dispatcher;
        this.callerHolder = callerHolder;
        this.auditLog = auditLog;
        this.protectedResource = protectedResource;
        this.sessions = sessions;
        this.clientRequests = clientRequests;
        this.notifications = notifications;
        this.tracing = tracing;
    }

    RequestTracing tracing() {
        return tracing;
    }

    /** Ends every notification stream and every wait for a client's answer on this instance: the application stops. */
    public void close() {
        streams.endAll();
        clientRequests.close();
    }

    Sessions sessions() {
        return sessions;
    }

    ClientRequests clientRequests() {
        return clientRequests;
    }

    Notifications notifications() {
        return notifications;
    }

    OpenStreams streams() {
        return streams;
    }

    TransportSettings transportSettings() {
        return transportSettings;
    }

    McpDispatcher dispatcher() {
        return dispatcher;
    }

    CallerHolder callerHolder() {
        return callerHolder;
    }

    AuditLog auditLog() {
        return auditLog;
    }

    /** The protected resource; empty when auth is switched off. */
    Optional<ProtectedResource> protectedResource() {
        return protectedResource.get();
    }
}
