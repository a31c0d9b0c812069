package dev.mcpauth.runtime.completion;

import dev.mcpauth.runtime.features.ContextArgument;
import dev.mcpauth.runtime.features.FeatureMethod;
import java.util.List;

/**
 * A completion method for one prompt argument or one template variable, computed once at deployment.
 *
 * @param kind what it completes
 * @param ref the prompt name or the template text
 * @param argument the argument or variable name
 * @param method the bean method and its access requirement
 * @param parameters the partial value and the context arguments, in parameter order
 */
public record CompletionDefinition(
        Kind kind, String ref, String argument, FeatureMethod method, List<Parameter> parameters) {

    /** What a completion completes ({@code ref/prompt} or {@code ref/resource}). */
    public enum Kind {
        /** A prompt argument. */
        PROMPT("ref/prompt"),
        /** A resource template variable. */
        RESOURCE("ref/resource");

        private final String wireName;

        Kind(String wireName) {
            this.wireName = wireName;
        }

        /** The {@code ref.type} on the wire. */
        public String wireName() {
            return wireName;
        }
    }

    /**
     * A parameter of a completion method: the partial value, or a {@link ContextArgument} of the request.
     *
     * @param context the context argument it receives, or null for the partial value
     */
    public record Parameter(ContextArgument context) {
        /** The partial value being completed. */
        public static final Parameter VALUE = new Parameter(null);
    }

    /** {@code ref/prompt reply_to_ticket (tone)}: how messages name it. */
    public String label() {
        return kind.wireName() + " " + ref + " (" + argument + ")";
    }
}
