package dev.mcpauth.runtime.transport;

import dev.mcpauth.runtime.auth.AuditLog;
import dev.mcpauth.runtime.auth.AuthSettings;
import dev.mcpauth.runtime.auth.Authorizer;
import dev.mcpauth.runtime.auth.CallerHolder;
import dev.mcpauth.runtime.auth.DecisionMetrics;
import dev.mcpauth.runtime.auth.FeatureRequirements;
import dev.mcpauth.runtime.auth.ProtectedResource;
import dev.mcpauth.runtime.auth.TokenVerifiers;
import dev.mcpauth.runtime.messages.Message;
import dev.mcpauth.runtime.protocol.Features;
import dev.mcpauth.runtime.protocol.McpDispatcher;
import dev.mcpauth.runtime.protocol.ServerSettings;
import dev.mcpauth.spi.TokenVerifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The CDI-managed parts the JAX-RS classes need, in one bean. The JAX-RS classes are plain singletons
 * (servers differ in whether they treat classes added by an extension as CDI-managed resources), and
 * they look this bean up once, on first use. It starts with the application, so the resource server's
 * model is ready before the first request.
 */
@ApplicationScoped
public class McpRuntime {

    private static final Logger LOG = Logger.getLogger(McpRuntime.class.getName());

    private AuthSettings authSettings;
    private TransportSettings transportSettings;
    private FeatureRequirements requirements;
    private McpDispatcher dispatcher;
    private CallerHolder callerHolder;
    private Instance<TokenVerifier> customVerifier;
    private AuditLog auditLog;
    private volatile ProtectedResource protectedResource;

    /** For the CDI proxy only. */
    protected McpRuntime() {
    }

    @Inject
    @SuppressWarnings("checkstyle:ParameterNumber")
    McpRuntime(AuthSettings authSettings, TransportSettings transportSettings, ServerSettings serverSettings, Features features,
            FeatureRequirements requirements, Authorizer authorizer, CallerHolder callerHolder,
            Instance<TokenVerifier> customVerifier, Instance<DecisionMetrics> decisionMetrics) {
        this.authSettings = authSettings;
        this.transportSettings = transportSettings;
        this.requirements = requirements;
        // the metrics bean is a proxy: its counters register on the first decision, inside a request of this application
        this.auditLog = new AuditLog(decisionMetrics.isResolvable() ? decisionMetrics.get() : DecisionMetrics.NONE);
        this.dispatcher = new McpDispatcher(serverSettings, features, authorizer, auditLog);
        this.callerHolder = callerHolder;
        this.customVerifier = customVerifier;
    }

    /**
     * Builds the resource server's model when the web application starts. In a web module the event's
     * payload is the {@code ServletContext} (CDI 4.0 §20.3.1); it is read reflectively because the servlet
     * API is not visible to applications on a server that enables only the features the runtime needs.
     */
    void start(@Observes @Initialized(ApplicationScoped.class) Object payload) {
        protectedResource(contextPath(payload));
    }

    static String contextPath(Object servletContext) {
        Class<?> servletApi = servletContextType(servletContext.getClass());
        if (servletApi != null) {
            try {
                return (String) servletApi.getMethod("getContextPath").invoke(servletContext);
            } catch (ReflectiveOperationException | ClassCastException e) {
                LOG.log(Level.WARNING, Message.CONTEXT_PATH_UNREADABLE.format(), e);
            }
        }
        return "";
    }

    private static Class<?> servletContextType(Class<?> type) {
        if (type == null) {
            return null;
        }
        if (type.getName().equals("jakarta.servlet.ServletContext")) {
            return type;
        }
        for (Class<?> implemented : type.getInterfaces()) {
            Class<?> found = servletContextType(implemented);
            if (found != null) {
                return found;
            }
        }
        return servletContextType(type.getSuperclass());
    }

    private synchronized ProtectedResource protectedResource(String contextPath) {
        AuthSettings auth = authSettings;
        if (protectedResource == null && auth.enabled()) {
            // an application's own @Alternative TokenVerifier wins over the JWT default
            TokenVerifier verifier = customVerifier.isResolvable() ? customVerifier.get() : TokenVerifiers.create(auth);
            protectedResource = new ProtectedResource(auth, verifier, requirements.all(), contextPath);
            LOG.info(() -> Message.METADATA_PUBLISHED.format(auth.metadata().resource(), protectedResource.metadataUrl()));
        }
        return protectedResource;
    }

    /** The application's instance. */
    static McpRuntime current() {
        return CDI.current().select(McpRuntime.class).get();
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
        ProtectedResource resource = protectedResource;
        return Optional.ofNullable(resource != null || !authSettings.enabled() ? resource : protectedResource(""));
    }
}
