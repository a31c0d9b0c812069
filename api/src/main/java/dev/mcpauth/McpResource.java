package dev.mcpauth;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a public method of a CDI managed bean as an MCP resource with a fixed URI ({@code resources/list},
 * {@code resources/read}). Named {@code McpResource} so it never clashes with {@code jakarta.annotation.Resource}
 * in the same class.
 *
 * <pre>{@code
 * @McpResource(uri = "tickets://open", description = "The caller's open tickets", mimeType = "application/json")
 * public List<Ticket> openTickets(McpCaller caller) { ... }
 * }</pre>
 *
 * <p>The method takes no arguments but an optional {@link McpCaller} and {@link McpClient}. What it returns is
 * the resource's contents: a {@code String} is text; a {@code byte[]} is a blob (Base64 on the wire); a record,
 * POJO, map or collection is its JSON as text ({@code application/json} unless the annotation says otherwise);
 * {@link ResourceContents} (one or a list) is sent as given. {@code null} or an empty {@code Optional} means
 * there is nothing to read: the client gets "resource not found". {@link RequiresScope} and the Jakarta
 * security annotations protect it like a tool.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface McpResource {

    /**
     * The resource's URI (RFC 3986, with a scheme, such as {@code tickets://open}); unique within the deployment.
     *
     * @return the URI
     */
    String uri();

    /**
     * The resource's name. Default: the method name in snake case.
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
     * What the resource holds, for the model and the user. Default: none.
     *
     * @return the description, or empty for none
     */
    String description() default "";

    /**
     * The MIME type of the contents. Default: {@code text/plain} for strings, {@code application/json} for
     * objects, {@code application/octet-stream} for bytes.
     *
     * @return the MIME type, or empty for the default
     */
    String mimeType() default "";
}
