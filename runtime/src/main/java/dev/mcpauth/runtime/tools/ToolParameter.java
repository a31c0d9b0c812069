package dev.mcpauth.runtime.tools;

import dev.mcpauth.McpCaller;
import dev.mcpauth.McpClient;
import dev.mcpauth.McpInput;
import dev.mcpauth.McpProgress;
import java.lang.reflect.Type;

/**
 * One parameter of a tool method: an input-schema property, or a value of the request ({@link McpCaller},
 * {@link McpClient}) that is not part of the schema.
 *
 * @param name the argument name in {@code arguments}
 * @param type the Java parameter type, generics included
 * @param required whether a call must supply it
 * @param optionalWrapper whether the parameter is a {@code java.util.Optional}
 * @param source where the value comes from
 */
record ToolParameter(String name, Type type, boolean required, boolean optionalWrapper, Source source) {

    /** Where a parameter's value comes from. */
    enum Source {
        /** The call's {@code arguments}. */
        ARGUMENT,
        /** The verified caller. */
        CALLER,
        /** The client of the request. */
        CLIENT,
        /** The round's questions and answers. */
        INPUT,
        /** Progress reports to the client. */
        PROGRESS
    }

    /** A parameter that receives the caller and is not part of the input schema. */
    static ToolParameter forCaller(String name) {
        return new ToolParameter(name, McpCaller.class, false, false, Source.CALLER);
    }

    /** A parameter that receives the round's input and is not part of the input schema. */
    static ToolParameter forInput(String name) {
        return new ToolParameter(name, McpInput.class, false, false, Source.INPUT);
    }

    /** A parameter that reports progress and is not part of the input schema. */
    static ToolParameter forProgress(String name) {
        return new ToolParameter(name, McpProgress.class, false, false, Source.PROGRESS);
    }

    /** A parameter that receives the client and is not part of the input schema. */
    static ToolParameter forClient(String name) {
        return new ToolParameter(name, McpClient.class, false, false, Source.CLIENT);
    }
}
