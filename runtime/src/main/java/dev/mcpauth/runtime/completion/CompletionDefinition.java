package dev.mcpauth.runtime.completion;

import dev.mcpauth.runtime.features.FeatureMethod;
import java.util.List;

/**
 * A completion method for one prompt argument or one template variable, computed once at deployment.
 *
 * @param kind what it completes
 * @param ref the prompt name or the template text
 * @param argument the argument or variable name
 * @param method the bean method and its access requirement
 * @param parameters where each parameter's value comes from, in order
 */
public record CompletionDefinition(Kind kind, String ref, String argument, FeatureMethod method, List<Source> parameters) {

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

    /** Where a parameter's value comes from. */
    public enum Source {
        /** The partial value being completed. */
        VALUE,
        /** The verified caller. */
        CALLER,
        /** The client of the request. */
        CLIENT
    }

    /** {@code ref/prompt reply_to_ticket (tone)}: how messages name it. */
    public String label() {
        return kind.wireName() + " " + ref + " (" + argument + ")";
    }
}
