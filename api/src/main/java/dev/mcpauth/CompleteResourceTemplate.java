package dev.mcpauth;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a public method as the completion of one variable of a {@link McpResourceTemplate}
 * ({@code completion/complete} with a {@code ref/resource}). Same method shape as {@link CompletePrompt}.
 *
 * <pre>{@code
 * @CompleteResourceTemplate(uriTemplate = "tickets://{id}", variable = "id")
 * public List<String> ticketIds(McpCaller caller, String prefix) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface CompleteResourceTemplate {

    /**
     * The template, exactly as its {@link McpResourceTemplate#uriTemplate()} says.
     *
     * @return the URI template
     */
    String uriTemplate();

    /**
     * The variable completed.
     *
     * @return the variable name
     */
    String variable();
}
