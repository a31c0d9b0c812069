package dev.mcpauth.runtime.tools;

import dev.mcpauth.RequiresScope;
import dev.mcpauth.Tool;
import dev.mcpauth.runtime.auth.AuditLog;
import dev.mcpauth.runtime.auth.AuthSettings;
import dev.mcpauth.runtime.auth.CallerHolder;
import dev.mcpauth.runtime.auth.CallerProducers;
import dev.mcpauth.runtime.auth.MicroProfileMetricsDecisions;
import dev.mcpauth.runtime.auth.RequiresScopeInterceptor;
import dev.mcpauth.runtime.transport.McpRuntime;
import dev.mcpauth.runtime.transport.McpSettings;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Decorator;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.Interceptor;
import jakarta.enterprise.inject.spi.ProcessManagedBean;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The CDI portable extension that finds {@link Tool} methods on managed beans, checks them, computes the
 * scope model, and reads the configuration, so that every problem is reported at deployment: per-method
 * problems as definition errors, cross-bean problems (duplicate names) and configuration problems as
 * deployment problems.
 */
public class McpExtension implements Extension {

    private static final Logger LOG = Logger.getLogger(McpExtension.class.getName());

    private final List<ToolDefinition> tools = new ArrayList<>();
    private final Set<String> scannedMethods = new HashSet<>();
    private final Map<Method, List<String>> scopeRequirements = new HashMap<>();
    private McpSettings settings;
    private AuthSettings authSettings;

    /** Registers the runtime's own beans, so the runtime jar needs no beans.xml and works in any discovery mode. */
    void registerRuntimeBeans(@Observes BeforeBeanDiscovery event, BeanManager beanManager) {
        for (Class<?> type : List.of(ToolRegistry.class, ToolInvoker.class, McpRuntime.class, CallerHolder.class,
                CallerProducers.class, RequiresScopeInterceptor.class)) {
            event.addAnnotatedType(beanManager.createAnnotatedType(type), McpExtension.class.getName() + "." + type.getSimpleName());
        }
        if (AuditLog.metricsApiAvailable()) {
            // only then: the class is never even loaded on a server without MicroProfile Metrics
            event.addAnnotatedType(beanManager.createAnnotatedType(MicroProfileMetricsDecisions.class),
                    McpExtension.class.getName() + ".MicroProfileMetricsDecisions");
        }
    }

    <T> void findTools(@Observes ProcessManagedBean<T> event) {
        if (event.getBean() instanceof Interceptor<?> || event.getBean() instanceof Decorator<?>) {
            return;
        }
        Class<?> beanClass = event.getBean().getBeanClass();
        boolean scopedClass = beanClass.isAnnotationPresent(RequiresScope.class);
        for (AnnotatedMethod<? super T> method : event.getAnnotatedBeanClass().getMethods()) {
            Method javaMethod = method.getJavaMember();
            if (scopedClass || javaMethod.isAnnotationPresent(RequiresScope.class)) {
                // the interceptor's model: every method the binding applies to, tool or not
                scopeRequirements.merge(javaMethod, ScopeRequirement.of(javaMethod, beanClass).scopes(), McpExtension::union);
            }
            if (!method.isAnnotationPresent(Tool.class)) {
                continue;
            }
            // getMethods() may list an inherited method once per bean that inherits it; scan each bean's copy once
            if (!scannedMethods.add(beanClass.getName() + "#" + javaMethod.toGenericString())) {
                continue;
            }
            ToolScanner.Outcome outcome = ToolScanner.scan(javaMethod, event.getBean());
            if (outcome.definition() != null) {
                tools.add(outcome.definition());
            }
            for (String problem : outcome.problems()) {
                event.addDefinitionError(new DeploymentException(problem));
            }
        }
    }

    void checkToolBeans(@Observes AfterDeploymentValidation event, BeanManager beanManager) {
        Set<Class<?>> checked = new HashSet<>();
        for (ToolDefinition tool : tools) {
            Class<?> beanClass = tool.bean().getBeanClass();
            if (checked.add(beanClass) && beanManager.isNormalScope(tool.bean().getScope()) && !hasProxyConstructor(beanClass)) {
                event.addDeploymentProblem(new DeploymentException(
                        DeploymentProblems.notProxyable(beanClass.getName(), tool.bean().getScope().getSimpleName())));
            }
        }
    }

    void checkToolNames(@Observes AfterDeploymentValidation event) {
        Map<String, ToolDefinition> byName = new LinkedHashMap<>();
        for (ToolDefinition tool : tools) {
            ToolDefinition other = byName.putIfAbsent(tool.name(), tool);
            if (other != null) {
                event.addDeploymentProblem(new DeploymentException(
                        DeploymentProblems.duplicateName(tool.name(), other.declaringMethod(), tool.declaringMethod())));
            }
        }
        LOG.info(() -> "MCPAUTH-0001: " + byName.size() + " MCP tool(s) found: " + byName.keySet());
    }

    void readConfiguration(@Observes AfterDeploymentValidation event) {
        Config config = ConfigProvider.getConfig(Thread.currentThread().getContextClassLoader());
        McpSettings transport = new McpSettings();
        List<String> problems = new ArrayList<>(transport.read(config));
        AuthSettings.Loaded auth = AuthSettings.load(config);
        problems.addAll(auth.problems());
        problems.forEach(problem -> event.addDeploymentProblem(new DeploymentException(problem)));
        if (!problems.isEmpty()) {
            return;
        }
        settings = transport;
        authSettings = auth.settings();
        if (authSettings.enabled()) {
            // a page served from the resource's own origin is same-origin, not a rebinding attack
            settings.allowOriginOf(authSettings.metadata().resource());
            LOG.info(() -> "MCPAUTH-0002: MCP resource " + authSettings.metadata().resource() + " accepts tokens of " + authSettings.token().issuer());
        } else {
            LOG.warning("MCPAUTH-0003: mcp.auth.enabled=false: the MCP endpoint serves EVERY request without a token."
                    + " Use this for development only.");
        }
    }

    private static boolean hasProxyConstructor(Class<?> beanClass) {
        try {
            return !Modifier.isPrivate(beanClass.getDeclaredConstructor().getModifiers());
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static List<String> union(List<String> a, List<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    /** The tools found, in discovery order. */
    List<ToolDefinition> tools() {
        return Collections.unmodifiableList(tools);
    }

    /**
     * The scopes each {@code @RequiresScope}-bound method needs, for the interceptor.
     *
     * @return method to scopes, computed at deployment
     */
    public Map<Method, List<String>> scopeRequirements() {
        return Collections.unmodifiableMap(scopeRequirements);
    }

    /**
     * The transport settings, read and checked at deployment.
     *
     * @return the settings
     */
    public McpSettings settings() {
        return settings;
    }

    /**
     * The resource-server settings, read and checked at deployment.
     *
     * @return the settings
     */
    public AuthSettings authSettings() {
        return authSettings;
    }

    /** A deployment problem whose message is the whole story, without a stack trace to scroll past. */
    static final class DeploymentException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DeploymentException(String message) {
            super(message, null, false, false);
        }
    }
}
