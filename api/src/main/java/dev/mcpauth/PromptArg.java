package dev.mcpauth;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Describes a parameter of a {@link Prompt} method as a prompt argument. Optional: names come from the parameters. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface PromptArg {

    /**
     * The argument name. Default: the Java parameter name (compile with {@code -parameters}).
     *
     * @return the name, or empty for the parameter name
     */
    String name() default "";

    /**
     * What the argument means. Default: none.
     *
     * @return the description, or empty for none
     */
    String description() default "";

    /**
     * Whether the argument must be given. Default: {@code true}, and never for an {@code Optional<String>}.
     *
     * @return whether required
     */
    boolean required() default true;
}
