package dev.mcpauth.runtime.cdi;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpauth.McpCaller;
import dev.mcpauth.Tool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An injected {@link McpCaller} in a bean that outlives the request would freeze the first caller. */
class CallerInjectionTest {

    @ApplicationScoped
    public static class AuditTools {
        @Inject
        McpCaller caller;

        @Tool
        public String whoCalled() {
            return caller.subject();
        }
    }

    @Test
    void injectingTheCallerIntoAnApplicationScopedBeanFailsTheDeploymentNamingTheField() {
        String failure = TestDeployment.failure(Map.of("mcp.auth.enabled", "false"), AuditTools.class);
        assertTrue(failure.contains("MCPAUTH-0110"), failure);
        assertTrue(failure.contains(AuditTools.class.getName() + "#caller"), failure);
        assertTrue(failure.contains("ApplicationScoped"), failure);
    }
}
