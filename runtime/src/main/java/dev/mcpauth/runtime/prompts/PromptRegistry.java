package dev.mcpauth.runtime.prompts;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The deployment's prompts, by name and in a stable order (by name). */
public final class PromptRegistry {

    private final List<PromptDefinition> ordered;

    /**
     * The registry of these prompts.
     *
     * @param prompts the prompts found at deployment, names already checked for uniqueness
     */
    public PromptRegistry(List<PromptDefinition> prompts) {
        this.ordered = prompts.stream()
                .sorted(Comparator.comparing(PromptDefinition::name))
                .toList();
    }

    /** All prompts, by name. */
    public List<PromptDefinition> all() {
        return ordered;
    }

    /**
     * The prompt with this name.
     *
     * @param name the name
     * @return the prompt, or empty
     */
    public Optional<PromptDefinition> find(String name) {
        return ordered.stream().filter(prompt -> prompt.name().equals(name)).findFirst();
    }
}
