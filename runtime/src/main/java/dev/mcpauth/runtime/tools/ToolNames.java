package dev.mcpauth.runtime.tools;

import dev.mcpauth.runtime.features.Names;
import java.util.regex.Pattern;

/** Tool-name rules of MCP 2025-11-25 (Tools, Tool Names) and the default derived from a method name. */
final class ToolNames {

    /** Longest tool name the spec allows. */
    static final int MAX_LENGTH = 128;

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_.-]{1," + MAX_LENGTH + "}");

    private ToolNames() {}

    /** Whether {@code name} is a valid MCP tool name: 1-128 of ASCII letters, digits, '_', '-', '.'. */
    static boolean isValid(String name) {
        return VALID.matcher(name).matches();
    }

    /** The default tool name of a method: its name in snake case, {@code searchTickets} to {@code search_tickets}. */
    static String fromMethodName(String methodName) {
        return Names.snakeCase(methodName);
    }
}
