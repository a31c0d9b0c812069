package dev.mcpauth.runtime.cdi;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import jakarta.enterprise.inject.spi.DefinitionException;
import jakarta.enterprise.inject.spi.DeploymentException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * A Weld SE deployment of bean classes with the runtime's extension and its own configuration, as an
 * application server would deploy a WAR. The configuration is registered for a class loader of the
 * deployment's own (set as the context class loader while it runs), so no test changes JVM-wide state.
 */
final class TestDeployment implements AutoCloseable {

    private final ClassLoader configScope;
    private final ClassLoader previous;
    private final WeldContainer container;

    private TestDeployment(ClassLoader configScope, ClassLoader previous, WeldContainer container) {
        this.configScope = configScope;
        this.previous = previous;
        this.container = container;
    }

    /** Deploys {@code beanClasses} with {@code config}; close it to undeploy. */
    static TestDeployment of(Map<String, String> config, Class<?>... beanClasses) {
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        ClassLoader scope = enter(config, previous);
        try {
            return new TestDeployment(scope, previous, weld(beanClasses).initialize());
        } catch (RuntimeException e) {
            leave(scope, previous);
            throw e;
        }
    }

    /** The message of the exception that fails the deployment of {@code beanClasses}, as the server log shows it. */
    static String failure(Map<String, String> config, Class<?>... beanClasses) {
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        ClassLoader scope = enter(config, previous);
        try {
            RuntimeException failure = assertThrows(
                    RuntimeException.class, () -> weld(beanClasses).initialize().close());
            // per-method problems are definition errors, cross-bean ones deployment problems (Weld subclasses both)
            assertTrue(
                    failure instanceof DefinitionException || failure instanceof DeploymentException,
                    failure::toString);
            return failure.getMessage();
        } finally {
            leave(scope, previous);
        }
    }

    WeldContainer container() {
        return container;
    }

    @Override
    public void close() {
        try {
            container.close();
        } finally {
            leave(configScope, previous);
        }
    }

    private static ClassLoader enter(Map<String, String> config, ClassLoader parent) {
        ClassLoader scope = new URLClassLoader(new URL[0], parent);
        ConfigProviderResolver.instance()
                .registerConfig(
                        new SmallRyeConfigBuilder()
                                .withSources(new PropertiesConfigSource(config, "test", 500))
                                .build(),
                        scope);
        Thread.currentThread().setContextClassLoader(scope);
        return scope;
    }

    private static void leave(ClassLoader scope, ClassLoader previous) {
        Thread.currentThread().setContextClassLoader(previous);
        ConfigProviderResolver.instance()
                .releaseConfig(ConfigProviderResolver.instance().getConfig(scope));
    }

    private static Weld weld(Class<?>... beanClasses) {
        return new Weld()
                .disableDiscovery()
                .addExtension(new McpExtension())
                .addBeanClasses(beanClasses)
                // keep the test independent of other containers and of the Weld shutdown hook
                .containerId(UUID.randomUUID().toString())
                .property("org.jboss.weld.se.shutdownHook", false);
    }
}
