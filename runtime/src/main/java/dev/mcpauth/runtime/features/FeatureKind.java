package dev.mcpauth.runtime.features;

/** The kinds of MCP feature a bean method can serve; each decides which {@link ContextArgument}s make sense for it. */
public enum FeatureKind {
    /** A tool ({@code @Tool}): {@code tools/call}. */
    TOOL("tool"),
    /** A resource or resource template ({@code @McpResource}, {@code @McpResourceTemplate}): {@code resources/read}. */
    RESOURCE("resource"),
    /** A prompt ({@code @Prompt}): {@code prompts/get}. */
    PROMPT("prompt"),
    /** A completion ({@code @CompletePrompt}, {@code @CompleteResourceTemplate}): {@code completion/complete}. */
    COMPLETION("completion");

    private final String label;

    FeatureKind(String label) {
        this.label = label;
    }

    /** The kind in messages and logs, such as {@code tool}. */
    public String label() {
        return label;
    }
}
