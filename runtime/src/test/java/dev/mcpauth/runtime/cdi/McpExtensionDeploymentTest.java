package dev.mcpauth.runtime.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpauth.Tool;
import dev.mcpauth.runtime.tools.ToolDefinition;
import dev.mcpauth.runtime.tools.ToolRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.spi.Extension;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

/** Deploys tool beans in Weld SE with the runtime's CDI extension, as an application server would. */
class McpExtensionDeploymentTest {

    @ApplicationScoped
    public static class TicketTools {
        @Tool(description = "Find tickets")
        public List<String> searchTickets(String query) {
            return List.of(query);
        }

        @Tool
        public String closeTicket(String id) {
            return id;
        }
    }

    @Dependent
    public static class LegacyTicketTools {
        @Tool(name = "search_tickets")
        public String findTickets(String query) {
            return query;
        }
    }

    @Dependent
    public static class BrokenTools {
        @Tool
        public String store(Object payload) {
            return "";
        }
    }

    /** These deployments are about tool beans; the resource-server settings have tests of their own. */
    private static final Map<String, String> AUTH_OFF = Map.of("mcp.auth.enabled", "false");

    /** The message of the exception that fails the deployment, as the server log shows it. */
    private static String deploymentFailure(Class<?>... beanClasses) {
        return TestDeployment.failure(AUTH_OFF, beanClasses);
    }

    @Test
    void theExtensionIsRegisteredAsAServiceSoServersLoadIt() {
        List<Class<?>> registered = ServiceLoader.load(Extension.class).stream()
                .map(ServiceLoader.Provider::type)
                .collect(java.util.stream.Collectors.toList());
        assertTrue(registered.contains(McpExtension.class), registered.toString());
    }

    @Test
    void duplicateToolNamesFailTheDeploymentNamingBothMethods() {
        String failure = deploymentFailure(TicketTools.class, LegacyTicketTools.class);
        assertTrue(failure.contains("MCPAUTH-0102"), failure);
        assertTrue(failure.contains("'search_tickets'"), failure);
        assertTrue(failure.contains(TicketTools.class.getName() + "#searchTickets"), failure);
        assertTrue(failure.contains(LegacyTicketTools.class.getName() + "#findTickets"), failure);
    }

    @Test
    void anUnsupportedParameterTypeFailsTheDeploymentNamingTheMethod() {
        String failure = deploymentFailure(BrokenTools.class);
        assertTrue(failure.contains("MCPAUTH-0103"), failure);
        assertTrue(failure.contains(BrokenTools.class.getName() + "#store"), failure);
        assertTrue(failure.contains("'payload'"), failure);
    }

    @Test
    void validToolBeansDeployAndTheRegistryListsTheirToolsByName() {
        try (TestDeployment deployment = TestDeployment.of(AUTH_OFF, TicketTools.class)) {
            WeldContainer container = deployment.container();
            ToolRegistry registry = container.select(ToolRegistry.class).get();
            assertEquals(
                    List.of("close_ticket", "search_tickets"),
                    registry.all().stream().map(ToolDefinition::name).toList());
            assertEquals(
                    "Find tickets",
                    registry.find("search_tickets").orElseThrow().descriptor().getString("description"));
            assertTrue(registry.find("no_such_tool").isEmpty());
        }
    }
}
