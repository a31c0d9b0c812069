package dev.mcpauth.runtime.resources;

import dev.mcpauth.runtime.features.ContextArgument;

/**
 * A parameter of a resource method: a template variable (converted to the parameter's type), or a
 * {@link ContextArgument} of the request.
 *
 * @param variable the template variable it binds, or null for a context argument
 * @param type how the variable is converted, or null for a context argument
 * @param context the context argument it receives, or null for a variable
 */
record ResourceParameter(String variable, VariableType type, ContextArgument context) {

    /** A parameter that binds a template variable. */
    ResourceParameter(String variable, VariableType type) {
        this(variable, type, null);
    }

    /** A parameter that receives a context argument. */
    ResourceParameter(ContextArgument context) {
        this(null, null, context);
    }

    /** The Java types a template variable converts to. */
    enum VariableType {
        /** As it is. */
        STRING,
        /** An {@code int} or {@code Integer}. */
        INT,
        /** A {@code long} or {@code Long}. */
        LONG
    }
}
