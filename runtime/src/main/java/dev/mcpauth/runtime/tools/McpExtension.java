package dev.mcpauth.runtime.tools;

import dev.mcpauth.Tool;
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
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The CDI portable extension that finds {@link Tool} methods on managed beans, checks them, and keeps
 * the resulting tool model for the MCP endpoint. Every problem is reported at deployment: per-method
 * problems as definition errors, duplicate names across beans as deployment problems.
 */
public class McpExtension implements Extension {

    private static final Logger LOG = Logger.getLogger(McpExtension.class.getName());

    private final List<ToolDefinition> tools = new ArrayList<>();
    private final Set<String> scannedMethods = new HashSet<>();

    /** Registers the runtime's own beans, so the runtime jar needs no beans.xml and works in any discovery mode. */
    void registerRuntimeBeans(@Observes BeforeBeanDiscovery event, BeanManager beanManager) {
        for (Class<?> type : List.of(ToolRegistry.class, ToolInvoker.class, McpSettings.class, McpRuntime.class)) {
            event.addAnnotatedType(beanManager.createAnnotatedType(type), McpExtension.class.getName() + "." + type.getSimpleName());
        }
    }

    <T> void findTools(@Observes ProcessManagedBean<T> event) {
        if (event.getBean() instanceof Interceptor<?> || event.getBean() instanceof Decorator<?>) {
            return;
        }
        for (AnnotatedMethod<? super T> method : event.getAnnotatedBeanClass().getMethods()) {
            if (!method.isAnnotationPresent(Tool.class)) {
                continue;
            }
            // getMethods() may list an inherited method once per bean that inherits it; scan each bean's copy once
            if (!scannedMethods.add(event.getBean().getBeanClass().getName() + "#" + method.getJavaMember().toGenericString())) {
                continue;
            }
            ToolScanner.Outcome outcome = ToolScanner.scan(method.getJavaMember(), event.getBean());
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

    private static boolean hasProxyConstructor(Class<?> beanClass) {
        try {
            return !Modifier.isPrivate(beanClass.getDeclaredConstructor().getModifiers());
        } catch (NoSuchMethodException e) {
            return false;
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

    /** The tools found, in discovery order. */
    List<ToolDefinition> tools() {
        return Collections.unmodifiableList(tools);
    }

    /** A deployment problem whose message is the whole story, without a stack trace to scroll past. */
    static final class DeploymentException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DeploymentException(String message) {
            super(message, null, false, false);
        }
    }
}
