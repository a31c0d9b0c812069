package dev.mcpauth.runtime.tools;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The deployment's tools, by name and in a stable order. The order is by name, so every instance of a
 * load-balanced, stateless deployment pages through {@code tools/list} the same way.
 */
public final class ToolRegistry {

    private final List<ToolDefinition> ordered;
    private final Map<String, ToolDefinition> byName;

    /**
     * The registry of these tools.
     *
     * @param tools the tools found at deployment, names already checked for uniqueness
     */
    public ToolRegistry(List<ToolDefinition> tools) {
        this.ordered = tools.stream()
                .sorted(Comparator.comparing(ToolDefinition::name))
                .toList();
        // duplicates failed the deployment already; keep the first to be safe in tests that build a registry directly
        this.byName =
                ordered.stream().collect(Collectors.toMap(ToolDefinition::name, Function.identity(), (a, b) -> a));
    }

    /**
     * The tool with this name.
     *
     * @param name the tool name from {@code tools/call}
     * @return the tool, or empty when there is none
     */
    public Optional<ToolDefinition> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** All tools, ordered by name. */
    public List<ToolDefinition> all() {
        return ordered;
    }
}
