package dev.mcpauth.runtime.tools;

/** How a tool method's return value becomes a {@code CallToolResult}; decided once per tool at deployment. */
enum ResultKind {
    /** {@code void}: an empty content list. */
    NONE,
    /** Strings, numbers, booleans, enums, dates: one text item. */
    TEXT,
    /** Records, POJOs, maps: {@code structuredContent} plus the same JSON as text. */
    OBJECT,
    /** Collections and arrays: {@code structuredContent} {@code {"result": [...]}} plus the array as text. */
    WRAPPED_ARRAY,
    /** A {@link dev.mcpauth.Content}: sent as the only item. */
    CONTENT,
    /** A {@link dev.mcpauth.ToolResult}: sent as given. */
    TOOL_RESULT
}
