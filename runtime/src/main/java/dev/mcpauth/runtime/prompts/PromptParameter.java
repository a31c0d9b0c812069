package dev.mcpauth.runtime.prompts;

/**
 * A parameter of a prompt method.
 *
 * @param name the argument name (null for the caller or client)
 * @param required whether {@code prompts/get} must give it
 * @param optionalWrapper whether the parameter is an {@code Optional<String>}
 * @param source where the value comes from
 */
public record PromptParameter(String name, boolean required, boolean optionalWrapper, Source source) {

    /** Where a parameter's value comes from. */
    public enum Source {
        /** A prompt argument. */
        ARGUMENT,
        /** The verified caller. */
        CALLER,
        /** The client of the request. */
        CLIENT,
        /** The round's questions and answers. */
        INPUT
    }
}
