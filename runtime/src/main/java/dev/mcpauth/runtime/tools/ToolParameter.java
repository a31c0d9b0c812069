package dev.mcpauth.runtime.tools;

import dev.mcpauth.runtime.features.ContextArgument;
import java.lang.reflect.Type;

/**
 * One parameter of a tool method: an input-schema property, or a {@link ContextArgument} of the request that is not
 * part of the schema.
 *
 * @param name the argument name in {@code arguments} (the Java name for a context argument)
 * @param type the Java parameter type, generics included
 * @param required whether a call must supply it
 * @param optionalWrapper whether the parameter is a {@code java.util.Optional}
 * @param context the context argument it receives, or null for a schema property
 */
record ToolParameter(String name, Type type, boolean required, boolean optionalWrapper, ContextArgument context) {

    /** A parameter that receives a context argument and is not part of the input schema. */
    static ToolParameter forContext(String name, Type type, ContextArgument context) {
        return new ToolParameter(name, type, false, false, context);
    }
}
