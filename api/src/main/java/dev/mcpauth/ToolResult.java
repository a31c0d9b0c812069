package dev.mcpauth;

import java.util.List;

/**
 * A complete tool result, for tools that need more than one content item or want to report an error
 * without throwing (MCP 2025-11-25, Tools, Tool Result).
 *
 * @param content the content items, in order; never null
 * @param structuredContent an object sent as {@code structuredContent}, or null for none; serialized
 *     with JSON-B
 * @param isError whether the result reports a failure of the tool's work
 */
public record ToolResult(List<Content> content, Object structuredContent, boolean isError) {

    /**
     * Copies the content list so the result cannot change after construction.
     *
     * @param content the content items, in order; never null
     * @param structuredContent an object sent as {@code structuredContent}, or null for none
     * @param isError whether the result reports a failure of the tool's work
     */
    public ToolResult {
        content = List.copyOf(content);
    }

    /**
     * A successful result with the given items.
     *
     * @param content the items
     * @return the result
     */
    public static ToolResult of(Content... content) {
        return new ToolResult(List.of(content), null, false);
    }

    /**
     * A failed result with one text item explaining the failure to the model.
     *
     * @param message what went wrong
     * @return the result
     */
    public static ToolResult error(String message) {
        return new ToolResult(List.of(Content.text(message)), null, true);
    }
}
