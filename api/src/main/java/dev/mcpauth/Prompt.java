package dev.mcpauth;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a public method of a CDI managed bean as an MCP prompt ({@code prompts/list}, {@code prompts/get}): a
 * message template a user picks in the client, filled in by the server.
 *
 * <pre>{@code
 * @Prompt(description = "Draft a reply to a ticket in a tone")
 * public List<PromptMessage> replyToTicket(McpCaller caller, String ticketId, Optional<String> tone) { ... }
 * }</pre>
 *
 * <p>Each {@code String} parameter is a prompt argument, required unless it is an {@code Optional<String>} or
 * {@link PromptArg#required()} says otherwise; {@link McpCaller} and {@link McpClient} parameters are allowed too.
 * The method returns a {@code String} (one user message), a {@link PromptMessage}, or a list of them.
 * {@link RequiresScope} and the Jakarta security annotations protect it like a tool.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Prompt {

    /**
     * The prompt's name. Default: the method name in snake case. Unique within the deployment.
     *
     * @return the name, or empty for the default
     */
    String name() default "";

    /**
     * A human-readable title. Default: none.
     *
     * @return the title, or empty for none
     */
    String title() default "";

    /**
     * What the prompt is for. Default: none.
     *
     * @return the description, or empty for none
     */
    String description() default "";
}
