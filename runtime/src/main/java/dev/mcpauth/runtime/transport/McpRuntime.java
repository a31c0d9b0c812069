package dev.mcpauth.runtime.transport;

import dev.mcpauth.runtime.tools.ToolInvoker;
import dev.mcpauth.runtime.tools.ToolRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;

/**
 * The CDI-managed parts the JAX-RS classes need, in one bean. The JAX-RS classes are plain singletons
 * (servers differ in whether they treat classes added by an extension as CDI-managed resources), and
 * they look this bean up once, on first use.
 */
@ApplicationScoped
public class McpRuntime {

    private McpSettings settings;
    private ToolRegistry registry;
    private ToolInvoker invoker;

    /** For the CDI proxy only. */
    protected McpRuntime() {
    }

    @Inject
    McpRuntime(McpSettings settings, ToolRegistry registry, ToolInvoker invoker) {
        this.settings = settings;
        this.registry = registry;
        this.invoker = invoker;
    }

    /** The application's instance. */
    static McpRuntime current() {
        return CDI.current().select(McpRuntime.class).get();
    }

    McpSettings settings() {
        return settings;
    }

    ToolRegistry registry() {
        return registry;
    }

    ToolInvoker invoker() {
        return invoker;
    }
}
