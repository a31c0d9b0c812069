package dev.mcpauth.runtime.tools;

import java.lang.reflect.Type;

/**
 * One parameter of a tool method, as an input-schema property.
 *
 * @param name the argument name in {@code arguments}
 * @param type the Java parameter type, generics included
 * @param required whether a call must supply it
 * @param optionalWrapper whether the parameter is a {@code java.util.Optional}
 * @param caller whether the parameter receives the {@link dev.mcpauth.McpCaller} instead of an argument
 */
record ToolParameter(String name, Type type, boolean required, boolean optionalWrapper, boolean caller) {

    /** A parameter that receives the caller and is not part of the input schema. */
    static ToolParameter forCaller(String name) {
        return new ToolParameter(name, dev.mcpauth.McpCaller.class, false, false, true);
    }
}
