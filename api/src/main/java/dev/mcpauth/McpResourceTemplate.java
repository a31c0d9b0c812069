package dev.mcpauth;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a public method of a CDI managed bean as an MCP resource template ({@code resources/templates/list}):
 * every URI that matches the template is a resource this method reads ({@code resources/read}).
 *
 * <pre>{@code
 * @McpResourceTemplate(uriTemplate = "tickets://{id}", description = "One of the caller's tickets")
 * public Optional<Ticket> ticket(McpCaller caller, String id) { ... }
 * }</pre>
 *
 * <p>The template is an RFC 6570 level 1 template: literal text and simple variables ({@code {id}}), each
 * variable matching one or more characters other than {@code /}, {@code ?} and {@code #}, up to the first place
 * where the literal text after it follows ({@code files://{name}.txt} reads {@code files://a.txt} with
 * {@code name = "a"}, and does not match {@code files://a.txt.txt}). Values are percent-decoded, and by default a
 * decoded value is never {@code .} or {@code ..} and never contains {@code /}, {@code \}, or a control character
 * ({@code files://%2E%2E%2Fetc} is refused with JSON-RPC {@code -32602} naming the variable before the method
 * runs); {@link #uncheckedVariables()} lifts that. Each variable binds to
 * the method parameter of the same name ({@code String}, {@code int}/{@code Integer} or {@code long}/{@code Long});
 * {@link McpCaller} and {@link McpClient} parameters are allowed too. Results map as for {@link McpResource};
 * return {@code null} or an empty {@code Optional} when there is no such resource, and the client gets
 * "resource not found", exactly as for a URI that matches nothing, so a caller cannot tell another user's
 * ticket from a missing one.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface McpResourceTemplate {

    /**
     * The RFC 6570 level 1 URI template, such as {@code tickets://{id}}; unique within the deployment.
     *
     * @return the template
     */
    String uriTemplate();

    /**
     * The template's name. Default: the method name in snake case.
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
     * What the resources hold. Default: none.
     *
     * @return the description, or empty for none
     */
    String description() default "";

    /**
     * The MIME type of the contents; the defaults are those of {@link McpResource#mimeType()}.
     *
     * @return the MIME type, or empty for the default
     */
    String mimeType() default "";

    /**
     * Whether decoded variable values reach the method unchecked. Default {@code false}: a value that is
     * {@code .} or {@code ..} or contains {@code /}, {@code \} or a control character (decoded from {@code %2F},
     * {@code %5C}, {@code %2E%2E}, {@code %00}, ...) is refused before the method runs. Set it only for a method that
     * validates such values itself, for example one that looks them up in a map and never builds a path from them.
     *
     * @return true to receive every decoded value as it is
     */
    boolean uncheckedVariables() default false;
}
