package dev.mcpauth.runtime.cdi;

import dev.mcpauth.ResourceUpdated;
import dev.mcpauth.runtime.auth.AuditLog;
import dev.mcpauth.runtime.auth.AuthSettings;
import dev.mcpauth.runtime.auth.Authorizer;
import dev.mcpauth.runtime.auth.CallerHolder;
import dev.mcpauth.runtime.auth.DecisionMetrics;
import dev.mcpauth.runtime.auth.DecisionTrace;
import dev.mcpauth.runtime.auth.FeatureRequirements;
import dev.mcpauth.runtime.auth.HttpsRule;
import dev.mcpauth.runtime.auth.OperationRequirements;
import dev.mcpauth.runtime.auth.ProtectedResource;
import dev.mcpauth.runtime.auth.TokenVerifiers;
import dev.mcpauth.runtime.completion.Completer;
import dev.mcpauth.runtime.completion.CompletionRegistry;
import dev.mcpauth.runtime.downstream.DownstreamTokens;
import dev.mcpauth.runtime.messages.Message;
import dev.mcpauth.runtime.prompts.PromptRegistry;
import dev.mcpauth.runtime.prompts.PromptRenderer;
import dev.mcpauth.runtime.protocol.Features;
import dev.mcpauth.runtime.protocol.McpDispatcher;
import dev.mcpauth.runtime.protocol.ServerSettings;
import dev.mcpauth.runtime.resources.ResourceReader;
import dev.mcpauth.runtime.resources.ResourceRegistry;
import dev.mcpauth.runtime.session.ClientRequests;
import dev.mcpauth.runtime.session.Notifications;
import dev.mcpauth.runtime.session.Sessions;
import dev.mcpauth.runtime.state.SharedMap;
import dev.mcpauth.runtime.state.SharedState;
import dev.mcpauth.runtime.tasks.Tasks;
import dev.mcpauth.runtime.tools.ToolInvoker;
import dev.mcpauth.runtime.tools.ToolRegistry;
import dev.mcpauth.runtime.transport.McpRuntime;
import dev.mcpauth.runtime.transport.RequestTracing;
import dev.mcpauth.runtime.transport.TransportSettings;
import dev.mcpauth.spi.TokenVerifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The composition root: builds the runtime's parts once per application, from what {@link McpExtension} found
 * and read at deployment, and hands them to the beans that need them, so that no other package depends on the
 * extension or looks anything up. It is built when the application starts, so the resource server's model is
 * ready before the first request. The producers are {@code @Dependent} because the parts are immutable final
 * classes and records, which CDI cannot proxy; each returns the one instance built here.
 */
@ApplicationScoped
public class RuntimeProducers {

    private static final Logger LOG = Logger.getLogger(RuntimeProducers.class.getName());

    /** The shared map of the DPoP proofs already used. */
    static final String USED_DPOP_PROOFS = "mcp.dpop.used-proofs";

    private final McpExtension.Settings settings;
    private final OperationRequirements operationRequirements;
    private final FeatureRequirements featureRequirements;
    private final Features features;
    private final Authorizer authorizer;
    private final TokenVerifier verifier;
    private final McpDispatcher dispatcher;
    private final McpRuntime runtime;
    private final SharedState state;
    private final Notifications notifications;
    private final Tasks tasks;
    private final DownstreamTokens downstreamTokens;
    private volatile ProtectedResource protectedResource;

    /** For the CDI proxy only: the proxy forwards every call, so its own fields stay empty. */
    protected RuntimeProducers() {
        settings = null;
        operationRequirements = null;
        featureRequirements = null;
        features = null;
        authorizer = null;
        verifier = null;
        dispatcher = null;
        runtime = null;
        state = null;
        notifications = null;
        tasks = null;
        downstreamTokens = null;
    }

    @Inject
    RuntimeProducers(
            McpExtension extension,
            ToolInvoker invoker,
            ResourceReader reader,
            PromptRenderer renderer,
            Completer completer,
            CallerHolder callerHolder,
            Instance<TokenVerifier> customVerifier,
            Instance<DecisionMetrics> decisionMetrics,
            Instance<RequestTracing> requestTracing,
            Instance<RequestContextController> requestContexts) {
        settings = extension.settings();
        if (settings == null) {
            // only reachable when the deployment failed already (configuration problems are deployment problems)
            throw new IllegalStateException(Message.CONFIGURATION_NOT_READ.format());
        }
        FeatureCatalog found = extension.features();
        operationRequirements = extension.requirements();
        featureRequirements = new FeatureRequirements(found.requirements());
        features = new Features(
                new ToolRegistry(found.tools()),
                invoker,
                new ResourceRegistry(found.resources()),
                reader,
                new PromptRegistry(found.prompts()),
                renderer,
                new CompletionRegistry(found.completions()),
                completer);
        authorizer = new Authorizer(settings.auth().enabled());
        // the metrics bean is a proxy: its counters register on the first decision, inside a request of this
        // application
        // OpenTelemetryTracing is a bean only where the application sees the OpenTelemetry API (McpExtension)
        RequestTracing tracing = requestTracing.isResolvable() ? requestTracing.get() : RequestTracing.NONE;
        AuditLog auditLog = new AuditLog(
                decisionMetrics.isResolvable() ? decisionMetrics.get() : DecisionMetrics.NONE,
                tracing instanceof DecisionTrace decisions ? decisions : DecisionTrace.NONE);
        // the engine starts with the application: sessions, questions and subscriptions live there
        state = settings.state().start(Thread.currentThread().getContextClassLoader());
        LOG.info(() -> Message.STATE_ENGINE_STARTED.format(state.describe()));
        Sessions sessions = new Sessions(state, settings.sessions());
        ClientRequests clientRequests = new ClientRequests(state, settings.sessions());
        tasks = ManagedTasks.start(features.tools(), state, settings.tasks(), callerHolder, requestContexts);
        dispatcher = new McpDispatcher(
                settings.server(),
                features,
                authorizer,
                auditLog,
                sessions,
                clientRequests,
                state.map(McpDispatcher.USED_STATES),
                tasks);
        notifications = new Notifications(state, sessions, dispatcher::mayRead, settings.sessions(), Clock.systemUTC());
        // an application's own @Alternative TokenVerifier wins over the JWT default; none when auth is off
        verifier = !settings.auth().enabled()
                ? null
                : customVerifier.isResolvable() ? customVerifier.get() : TokenVerifiers.create(settings.auth());
        // with auth off there is no caller token to exchange: every @OnBehalfOf call is refused with a message
        downstreamTokens = new DownstreamTokens(
                settings.downstream(),
                settings.auth().enabled() ? settings.auth().token().httpsRule() : new HttpsRule(false),
                auditLog,
                Clock.systemUTC());
        runtime = new McpRuntime(
                settings.transport(),
                dispatcher,
                callerHolder,
                auditLog,
                this::protectedResource,
                sessions,
                clientRequests,
                notifications,
                tracing);
    }

    /**
     * Hears the application's {@link ResourceUpdated} events and tells the subscribers, on every instance.
     *
     * @param updated the event
     */
    void resourceUpdated(@Observes ResourceUpdated updated) {
        notifications.resourceUpdated(updated.uri());
    }

    /**
     * Ends the notification streams as soon as the application begins to stop, so that the server does not wait for
     * their clients to leave.
     *
     * @param ignored the event's payload
     */
    void stopping(@Observes @BeforeDestroyed(ApplicationScoped.class) Object ignored) {
        runtime.close();
    }

    /** Ends the notification streams and leaves the engine when the application stops. */
    @PreDestroy
    void stop() {
        runtime.close();
        if (tasks != null) {
            tasks.close();
        }
        state.close();
    }

    /**
     * Publishes the resource server's metadata when the web application starts. In a web module the event's
     * payload is the {@code ServletContext} (CDI 4.0 §20.3.1); it is read reflectively because the servlet API is
     * not visible to applications on a server that enables only the features the runtime needs.
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
        AuthSettings auth = settings.auth();
        if (protectedResource == null && auth.enabled()) {
            // a DPoP proof is good for one request on every instance: the proofs seen live on the shared engine
            SharedMap proofs = state.map(USED_DPOP_PROOFS);
            protectedResource = new ProtectedResource(
                    auth,
                    verifier,
                    featureRequirements.all(),
                    contextPath,
                    (key, remember) -> proofs.putIfAbsent(key, "used", remember),
                    nonceKeys());
            LOG.info(() ->
                    Message.METADATA_PUBLISHED.format(auth.metadata().resource(), protectedResource.metadataUrl()));
        }
        return protectedResource;
    }

    /**
     * The keys that seal DPoP nonces: those of the multi round-trip states ({@code mcp.request-state.keys}), shared by
     * every instance, else a random key of this instance (a nonce of another instance is then refused, and the client
     * retries with this one's).
     */
    private List<byte[]> nonceKeys() {
        List<byte[]> keys = settings.server().stateKeys();
        if (!keys.isEmpty()) {
            return keys;
        }
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return List.of(key);
    }

    /** The protected resource, empty when auth is switched off; at the root context path if asked before the start. */
    private Optional<ProtectedResource> protectedResource() {
        ProtectedResource resource = protectedResource;
        return Optional.ofNullable(resource != null || !settings.auth().enabled() ? resource : protectedResource(""));
    }

    /** What the Jakarta REST classes need. */
    @Produces
    @Dependent
    McpRuntime mcpRuntime() {
        return runtime;
    }

    /** What the deployment serves and how each kind is called, for the protocol layer. */
    @Produces
    @Dependent
    Features features() {
        return features;
    }

    @Produces
    @Dependent
    ToolRegistry toolRegistry() {
        return features.tools();
    }

    /** The access requirements of everything a client can discover: the protected resource's scopes. */
    @Produces
    @Dependent
    FeatureRequirements featureRequirements() {
        return featureRequirements;
    }

    @Produces
    @Dependent
    OperationRequirements operationRequirements() {
        return operationRequirements;
    }

    @Produces
    @Dependent
    Authorizer authorizer() {
        return authorizer;
    }

    @Produces
    @Dependent
    AuthSettings authSettings() {
        return settings.auth();
    }

    @Produces
    @Dependent
    ServerSettings serverSettings() {
        return settings.server();
    }

    /** Tokens for the APIs that Rest Clients call on behalf of the caller ({@code @OnBehalfOf}). */
    @Produces
    @Dependent
    DownstreamTokens downstreamTokens() {
        return downstreamTokens;
    }

    @Produces
    @Dependent
    TransportSettings transportSettings() {
        return settings.transport();
    }
}
