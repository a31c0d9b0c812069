package dev.mcpauth.runtime.prompts;

import dev.mcpauth.runtime.features.ContextArgument;

/**
 * A parameter of a prompt method: a prompt argument, or a {@link ContextArgument} of the request.
 *
 * @param name the argument name (null for a context argument)
 * @param required whether {@code prompts/get} must give it
 * @param optionalWrapper whether the parameter is an {@code Optional<String>}
 * @param context the context argument it receives, or null for a prompt argument
 */
public record PromptParameter(String name, boolean required, boolean optionalWrapper, ContextArgument context) {

    /** Whether it is a prompt argument (not a context argument). */
    public boolean isArgument() {
        return context == null;
    }
}
