/**
 * The programming model for MCP tool beans served by the MCP Auth runtime.
 *
 * <p>Add the runtime to a WAR, write CDI beans whose public methods carry {@link dev.mcpauth.Tool}, and
 * protect them with {@link dev.mcpauth.RequiresScope}:
 *
 * <pre>{@code
 * @ApplicationScoped
 * @RequiresScope("tickets:read")
 * public class TicketTools {
 *     @Tool(description = "Find tickets matching a query")
 *     public List<Ticket> searchTickets(@ToolArg(description = "free text") String query) { ... }
 * }
 * }</pre>
 *
 * <p>The tools are served over MCP Streamable HTTP at {@code /mcp} under the WAR's context root.
 * Configuration keys are listed in {@link dev.mcpauth.McpConfigKeys}.
 */
package dev.mcpauth;
