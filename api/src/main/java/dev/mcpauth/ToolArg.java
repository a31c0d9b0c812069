package dev.mcpauth;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes a parameter of a {@link Tool} method as a property of the tool's input schema.
 *
 * <p>The annotation is optional: without it a parameter is a required property named after the Java
 * parameter (which needs the {@code -parameters} compiler flag; without it, the deployment fails and
 * says so).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface ToolArg {

    /**
     * The property name in the tool's {@code arguments}. Default: the Java parameter name.
     *
     * @return the argument name, or empty for the parameter name
     */
    String name() default "";

    /**
     * What the argument means, shown to the model. Default: none.
     *
     * @return the description, or empty for none
     */
    String description() default "";

    /**
     * Whether a call must supply the argument. Default {@code true}. A parameter of type
     * {@link java.util.Optional} is never required; an absent optional argument is passed as
     * {@code null} (or {@code Optional.empty()}, {@code 0}, {@code false} for primitives).
     *
     * @return whether the argument is required
     */
    boolean required() default true;

    /**
     * Mirrors the argument into the HTTP header {@code Mcp-Param-<header>} of 2026-07-28 requests (the schema
     * property gets {@code "x-mcp-header": "<header>"}), so a gateway can route or rate-limit on it without
     * reading the body; the server checks that the header matches the argument. Only for string, integer,
     * boolean and enum parameters; the name is an HTTP token (letters, digits and {@code !#$%&'*+-.^_`|~}),
     * unique per tool ignoring case. Never mirror secrets: headers are logged by proxies. Default: none.
     *
     * @return the header name suffix, or empty for no header
     */
    String header() default "";
}
