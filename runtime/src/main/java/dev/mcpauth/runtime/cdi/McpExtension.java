package dev.mcpauth.runtime.cdi;

import dev.mcpauth.McpCaller;
import dev.mcpauth.OnBehalfOf;
import dev.mcpauth.RequiresScope;
import dev.mcpauth.runtime.auth.AccessRequirement;
import dev.mcpauth.runtime.auth.AuditLog;
import dev.mcpauth.runtime.auth.AuthSettings;
import dev.mcpauth.runtime.auth.CallerHolder;
import dev.mcpauth.runtime.auth.MicroProfileMetricsDecisions;
import dev.mcpauth.runtime.auth.OperationRequirements;
import dev.mcpauth.runtime.auth.RequiresScopeInterceptor;
import dev.mcpauth.runtime.completion.Completer;
import dev.mcpauth.runtime.config.ConfigReader;
import dev.mcpauth.runtime.downstream.DownstreamSettings;
import dev.mcpauth.runtime.messages.Message;
import dev.mcpauth.runtime.prompts.PromptRenderer;
import dev.mcpauth.runtime.protocol.ServerSettings;
import dev.mcpauth.runtime.resources.ResourceReader;
import dev.mcpauth.runtime.session.SessionSettings;
import dev.mcpauth.runtime.state.StateSettings;
import dev.mcpauth.runtime.tasks.TaskSettings;
import dev.mcpauth.runtime.telemetry.OpenTelemetryTracing;
import dev.mcpauth.runtime.telemetry.TelemetryApi;
import dev.mcpauth.runtime.tools.ToolDefinition;
import dev.mcpauth.runtime.tools.ToolInvoker;
import dev.mcpauth.runtime.transport.AuthenticationFilter;
import dev.mcpauth.runtime.transport.McpEndpoint;
import dev.mcpauth.runtime.transport.OriginFilter;
import dev.mcpauth.runtime.transport.ProtectedResourceMetadataEndpoint;
import dev.mcpauth.runtime.transport.TransportSettings;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Decorator;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.enterprise.inject.spi.Interceptor;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.ProcessManagedBean;
import jakarta.enterprise.inject.spi.WithAnnotations;
import jakarta.enterprise.util.AnnotationLiteral;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The CDI portable extension: it registers the runtime's beans, finds {@link dev.mcpauth.Tool}
 * methods on managed beans, computes each protected operation's {@link AccessRequirement} once (the model
 * every authorization check reads), checks everything, and reads the configuration, so that every problem
 * is reported at deployment: per-method problems as definition errors, cross-bean problems (duplicate
 * names) and configuration problems as deployment problems. It is the only class that sees every package.
 */
public class McpExtension implements Extension {

    private static final Logger LOG = Logger.getLogger(McpExtension.class.getName());

    private final FeatureCatalog features = new FeatureCatalog();
    private final Set<String> scannedMethods = new HashSet<>();
    private final OperationRequirements requirements = new OperationRequirements();
    private Settings settings;
    /** The APIs called on behalf of the caller, each with the Rest Client interface that names it (for messages). */
    private final Map<String, String> onBehalfOf = new TreeMap<>();

    /** Everything read from the configuration, once it is known to be complete. */
    record Settings(
            ServerSettings server,
            TransportSettings transport,
            AuthSettings auth,
            SessionSettings sessions,
            StateSettings state,
            TaskSettings tasks,
            DownstreamSettings downstream) {}

    /** Registers the runtime's own beans, so the runtime jar needs no beans.xml and works in any discovery mode. */
    void registerRuntimeBeans(@Observes BeforeBeanDiscovery event, BeanManager beanManager) {
        for (Class<?> type : List.of(
                ToolInvoker.class,
                ResourceReader.class,
                PromptRenderer.class,
                Completer.class,
                CallerHolder.class,
                CallerProducers.class,
                RuntimeProducers.class,
                RequiresScopeInterceptor.class,
                McpEndpoint.class,
                OriginFilter.class,
                AuthenticationFilter.class,
                ProtectedResourceMetadataEndpoint.class)) {
            event.addAnnotatedType(
                    beanManager.createAnnotatedType(type), McpExtension.class.getName() + "." + type.getSimpleName());
        }
        if (TelemetryApi.available()) {
            // only then: the class is never even loaded on a server whose applications cannot see OpenTelemetry
            event.addAnnotatedType(
                    beanManager.createAnnotatedType(OpenTelemetryTracing.class),
                    McpExtension.class.getName() + ".OpenTelemetryTracing");
        }
        if (AuditLog.metricsApiAvailable()) {
            // only then: the class is never even loaded on a server without MicroProfile Metrics
            event.addAnnotatedType(
                    beanManager.createAnnotatedType(MicroProfileMetricsDecisions.class),
                    McpExtension.class.getName() + ".MicroProfileMetricsDecisions");
        }
    }

    /**
     * Beans that serve MCP features (tools, resources, prompts, completions) guarded only by Jakarta
     * {@code @RolesAllowed} or {@code @DenyAll} get the authorization interceptor too, so those annotations hold for
     * every caller of the bean, not just for MCP requests. Only such beans: the application's other beans keep
     * whatever their server does with them.
     */
    <T> void bindSecurityAnnotations(
            @Observes @WithAnnotations({RolesAllowed.class, DenyAll.class}) ProcessAnnotatedType<T> event) {
        boolean servesMcp = event.getAnnotatedType().getMethods().stream()
                .anyMatch(method -> FeatureCatalog.FEATURE_ANNOTATIONS.stream().anyMatch(method::isAnnotationPresent));
        if (servesMcp && !event.getAnnotatedType().isAnnotationPresent(RequiresScope.class)) {
            event.configureAnnotatedType().add(NoScopes.INSTANCE);
        }
    }

    /**
     * Notes the APIs that Rest Client interfaces call on behalf of the caller, so their configuration is checked at
     * deployment rather than at the first call.
     */
    <T> void findOnBehalfOf(@Observes @WithAnnotations(OnBehalfOf.class) ProcessAnnotatedType<T> event) {
        OnBehalfOf annotation = event.getAnnotatedType().getAnnotation(OnBehalfOf.class);
        if (annotation != null) {
            onBehalfOf.putIfAbsent(
                    annotation.value(), event.getAnnotatedType().getJavaClass().getName());
        }
    }

    <T> void findFeatures(@Observes ProcessManagedBean<T> event) {
        if (event.getBean() instanceof Interceptor<?> || event.getBean() instanceof Decorator<?>) {
            return;
        }
        Class<?> beanClass = event.getBean().getBeanClass();
        for (AnnotatedMethod<? super T> method : event.getAnnotatedBeanClass().getMethods()) {
            Method javaMethod = method.getJavaMember();
            if (!FeatureCatalog.isFeature(javaMethod)) {
                continue;
            }
            // getMethods() may list an inherited method once per bean that inherits it; scan each bean's copy once
            if (!scannedMethods.add(beanClass.getName() + "#" + javaMethod.toGenericString())) {
                continue;
            }
            AccessRequirement access = requirements.register(beanClass, javaMethod);
            for (String problem : features.scan(javaMethod, event.getBean(), access)) {
                event.addDefinitionError(new DeploymentException(problem));
            }
        }
    }

    void checkToolBeans(@Observes AfterDeploymentValidation event, BeanManager beanManager) {
        for (Bean<?> bean : features.beans()) {
            Class<?> beanClass = bean.getBeanClass();
            if (beanManager.isNormalScope(bean.getScope()) && !hasProxyConstructor(beanClass)) {
                event.addDeploymentProblem(new DeploymentException(Message.TOOL_BEAN_NOT_PROXYABLE.format(
                        beanClass.getName(), bean.getScope().getSimpleName())));
            }
        }
    }

    /**
     * {@link McpCaller} is a value of the current request; a bean that lives longer than a request would keep
     * the first caller it was given and show it to everyone after. Such injection points fail the deployment.
     */
    void checkCallerInjection(@Observes AfterDeploymentValidation event, BeanManager beanManager) {
        for (Bean<?> bean : beanManager.getBeans(Object.class, Any.Literal.INSTANCE)) {
            Class<?> scope = bean.getScope();
            if (scope == RequestScoped.class || (scope == Dependent.class && !isPooledEjb(bean.getBeanClass()))) {
                continue;
            }
            for (InjectionPoint point : bean.getInjectionPoints()) {
                if (point.getType() == McpCaller.class) {
                    event.addDeploymentProblem(new DeploymentException(Message.CALLER_IN_LONG_LIVED_BEAN.format(
                            bean.getBeanClass().getName() + "#" + memberName(point), scope.getSimpleName())));
                }
            }
        }
    }

    /** Stateless and singleton session beans are reused across requests whatever their CDI scope says. */
    private static boolean isPooledEjb(Class<?> beanClass) {
        return Arrays.stream(beanClass.getAnnotations())
                .map(a -> a.annotationType().getName())
                .anyMatch(name -> name.equals("jakarta.ejb.Stateless") || name.equals("jakarta.ejb.Singleton"));
    }

    private static String memberName(InjectionPoint point) {
        return point.getMember() == null ? "?" : point.getMember().getName();
    }

    void checkAcrossBeans(@Observes AfterDeploymentValidation event) {
        features.crossCheck().forEach(problem -> event.addDeploymentProblem(new DeploymentException(problem)));
        LOG.info(() -> Message.TOOLS_FOUND.format(
                features.tools().size(),
                features.tools().stream().map(ToolDefinition::name).sorted().toList()));
    }

    void readConfiguration(@Observes AfterDeploymentValidation event) {
        Config config = ConfigProvider.getConfig(Thread.currentThread().getContextClassLoader());
        ServerSettings.Loaded server = ServerSettings.load(config);
        AuthSettings.Loaded auth = AuthSettings.load(config);
        Optional<java.net.URI> endpoint = Optional.ofNullable(auth.settings())
                .filter(AuthSettings::enabled)
                .map(settings -> settings.metadata().resource());
        TransportSettings.Loaded transport = TransportSettings.load(config, endpoint);
        ConfigReader stateReader = new ConfigReader(config);
        SessionSettings sessions = SessionSettings.load(stateReader);
        StateSettings state = StateSettings.load(stateReader);
        TaskSettings tasks = TaskSettings.load(stateReader);
        DownstreamSettings downstream = DownstreamSettings.load(stateReader, onBehalfOf);
        List<String> problems = new ArrayList<>(server.problems());
        problems.addAll(stateReader.problems());
        problems.addAll(transport.problems());
        problems.addAll(auth.problems());
        problems.forEach(problem -> event.addDeploymentProblem(new DeploymentException(problem)));
        if (!problems.isEmpty()) {
            return;
        }
        settings = new Settings(
                server.settings(), transport.settings(), auth.settings(), sessions, state, tasks, downstream);
        AuthSettings authSettings = auth.settings();
        if (authSettings.enabled()) {
            LOG.info(() -> Message.AUTH_ENABLED.format(
                    authSettings.metadata().resource(), authSettings.token().issuer()));
        } else {
            LOG.warning(Message.AUTH_DISABLED.format());
        }
    }

    private static boolean hasProxyConstructor(Class<?> beanClass) {
        try {
            return !Modifier.isPrivate(beanClass.getDeclaredConstructor().getModifiers());
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /** What the deployment serves. */
    FeatureCatalog features() {
        return features;
    }

    /** The access requirement of every protected operation. */
    OperationRequirements requirements() {
        return requirements;
    }

    /** The settings, read and checked at deployment; null until then or when they had problems. */
    Settings settings() {
        return settings;
    }

    /** {@code @RequiresScope({})}: binds the authorization interceptor without adding a scope. */
    @SuppressWarnings("all")
    static final class NoScopes extends AnnotationLiteral<RequiresScope> implements RequiresScope {
        private static final long serialVersionUID = 1L;
        static final NoScopes INSTANCE = new NoScopes();

        @Override
        public String[] value() {
            return new String[0];
        }
    }

    /** A deployment problem whose message is the whole story, without a stack trace to scroll past. */
    static final class DeploymentException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DeploymentException(String message) {
            super(message, null, false, false);
        }
    }
}
