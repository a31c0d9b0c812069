package dev.mcpauth;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a public method of a CDI managed bean as an MCP tool.
 *
 * <p>The runtime discovers every {@code @Tool} method at deployment, derives the tool's JSON Schema
 * (2020-12) from the Java parameter types, and serves the tool over MCP Streamable HTTP
 * ({@code tools/list}, {@code tools/call}). Problems (an invalid or duplicate name, an unsupported
 * parameter type, a private or static method) fail the deployment with a message naming the class
 * and method.
 *
 * <pre>{@code
 * @ApplicationScoped
 * public class TicketTools {
 *     @Tool(description = "Find tickets matching a query")
 *     public List<Ticket> searchTickets(@ToolArg(description = "free text") String query) { ... }
 * }
 * }</pre>
 *
 * <p>What the method returns decides the result: a {@code String}, number, boolean or enum becomes one
 * text content item; a record, POJO or map becomes {@code structuredContent} (with an
 * {@code outputSchema} in {@code tools/list}) plus the same JSON as text; a collection or array is
 * wrapped as {@code {"result": [...]}}; a {@link ToolResult} or {@link Content} is sent as given;
 * {@code void} gives an empty result. A {@link McpException} thrown by the method becomes a result with
 * {@code isError: true} whose text is the exception's message, so the model can react to it; any other
 * exception gives a generic text with an incident id (the details go to the server log only).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Tool {

    /**
     * The tool name clients call. Default: the method name converted to snake case
     * ({@code searchTickets} becomes {@code search_tickets}).
     *
     * <p>Constraints (MCP 2025-11-25, Tools, Tool Names): 1 to 128 characters, only ASCII letters,
     * digits, {@code _}, {@code -} and {@code .}; unique within the deployment.
     *
     * @return the tool name, or empty for the derived default
     */
    String name() default "";

    /**
     * A human-readable title shown by clients. Default: none.
     *
     * @return the title, or empty for none
     */
    String title() default "";

    /**
     * What the tool does, written for the model that decides when to call it. Default: none, but a
     * description is strongly recommended.
     *
     * @return the description, or empty for none
     */
    String description() default "";

    /**
     * Whether the tool runs as a task for clients of the MCP 2026-07-28 tasks extension ({@link TaskSupport}): the
     * client gets a task handle at once and fetches the result later, from any instance. Default:
     * {@link TaskSupport#NONE}, the call runs in the request. A method that returns {@link McpTask} runs as a task
     * for every client that declared the extension.
     *
     * @return whether the tool runs as a task
     */
    TaskSupport task() default TaskSupport.NONE;

    /**
     * A hand-written JSON Schema (2020-12) for the tool's arguments, in place of the one derived from the parameters:
     * the path of a JSON resource on the class path, relative to the bean class's package or absolute with a leading
     * {@code /} (for example {@code "/schemas/contact.json"}). Use it for what Java types cannot say: alternatives
     * ({@code anyOf}, {@code oneOf}), conditions ({@code if}/{@code then}/{@code else}), shared definitions
     * ({@code $defs} with {@code $ref}), patterns and lengths. The runtime checks every call's arguments against it
     * before the method runs; a schema with a keyword it cannot check, or without a property for each of the method's
     * arguments, fails the deployment. Arguments are still bound to the parameters by name; use {@code Optional} for
     * those the schema does not require. Default: none, the schema is derived.
     *
     * @return the schema's resource path, or empty to derive the schema
     */
    String inputSchema() default "";
}
