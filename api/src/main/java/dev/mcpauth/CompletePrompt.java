package dev.mcpauth;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a public method as the completion of one argument of a {@link Prompt} ({@code completion/complete} with a
 * {@code ref/prompt}). The method takes the partial value as a {@code String} (and optionally {@link McpCaller},
 * {@link McpClient}) and returns the suggestions, best first, as a {@code List<String>}; at most 100 are sent.
 *
 * <pre>{@code
 * @CompletePrompt(prompt = "reply_to_ticket", argument = "tone")
 * public List<String> tones(String prefix) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface CompletePrompt {

    /**
     * The prompt's name, as {@code prompts/list} shows it.
     *
     * @return the prompt name
     */
    String prompt();

    /**
     * The argument completed.
     *
     * @return the argument name
     */
    String argument();
}
