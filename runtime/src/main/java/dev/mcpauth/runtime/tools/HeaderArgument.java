package dev.mcpauth.runtime.tools;

/**
 * A tool argument mirrored into an {@code Mcp-Param-<header>} request header (MCP 2026-07-28, Tools,
 * {@code x-mcp-header}), which the server checks against the argument in the body.
 *
 * @param argument the argument name in {@code arguments}
 * @param header the part after {@code Mcp-Param-}
 * @param kind how the header spells the value
 */
public record HeaderArgument(String argument, String header, Kind kind) {

    /** The JSON type of the argument, which decides how header and body values compare. */
    public enum Kind {
        /** Compared as the same characters. */
        STRING,
        /** Compared as numbers, so {@code 42} and {@code 42.0} agree. */
        INTEGER,
        /** {@code true} or {@code false}. */
        BOOLEAN
    }
}
