package dev.mcpauth.runtime.completion;

import java.util.List;
import java.util.Optional;

/** The deployment's completion methods, found by what they complete. */
public final class CompletionRegistry {

    private final List<CompletionDefinition> completions;

    /**
     * The registry of these completions.
     *
     * @param completions the completions found at deployment, targets and uniqueness already checked
     */
    public CompletionRegistry(List<CompletionDefinition> completions) {
        this.completions = List.copyOf(completions);
    }

    /** Whether there is any (the {@code completions} capability). */
    public boolean isEmpty() {
        return completions.isEmpty();
    }

    /** All completions. */
    public List<CompletionDefinition> all() {
        return completions;
    }

    /**
     * The completion of one argument.
     *
     * @param kind prompt or resource template
     * @param ref the prompt name or template text
     * @param argument the argument or variable
     * @return the completion, or empty when none is offered
     */
    public Optional<CompletionDefinition> find(CompletionDefinition.Kind kind, String ref, String argument) {
        return completions.stream()
                .filter(c ->
                        c.kind() == kind && c.ref().equals(ref) && c.argument().equals(argument))
                .findFirst();
    }
}
