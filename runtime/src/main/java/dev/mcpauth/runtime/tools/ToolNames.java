package dev.mcpauth.runtime.tools;

import java.util.regex.Pattern;

/** Tool-name rules of MCP 2025-11-25 (Tools, Tool Names) and the default derived from a method name. */
final class ToolNames {

    /** Longest tool name the spec allows. */
    static final int MAX_LENGTH = 128;

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_.-]{1," + MAX_LENGTH + "}");

    private ToolNames() {
    }

    /** Whether {@code name} is a valid MCP tool name: 1-128 of ASCII letters, digits, '_', '-', '.'. */
    static boolean isValid(String name) {
        return VALID.matcher(name).matches();
    }

    /** The default tool name of a method: its name in snake case, {@code searchTickets} to {@code search_tickets}. */
    static String fromMethodName(String methodName) {
        StringBuilder name = new StringBuilder(methodName.length() + 8);
        for (int i = 0; i < methodName.length(); i++) {
            char c = methodName.charAt(i);
            if (Character.isUpperCase(c)) {
                boolean afterLowerOrDigit = i > 0
                        && (Character.isLowerCase(methodName.charAt(i - 1)) || Character.isDigit(methodName.charAt(i - 1)));
                boolean startsWord = i > 0 && i + 1 < methodName.length()
                        && Character.isUpperCase(methodName.charAt(i - 1)) && Character.isLowerCase(methodName.charAt(i + 1));
                if (afterLowerOrDigit || startsWord) {
                    name.append('_');
                }
                name.append(Character.toLowerCase(c));
            } else {
                name.append(c);
            }
        }
        return name.toString();
    }
}
