package dev.mcpauth;

/**
 * The MicroProfile Config keys the runtime reads. Any config source works: {@code
 * microprofile-config.properties}, system properties, or environment variables ({@code MCP_SERVER_NAME}
 * for {@code mcp.server.name}, by the MicroProfile Config mapping rules).
 */
public final class McpConfigKeys {

    /** The {@code serverInfo.name} reported by {@code initialize}. Default: {@value #DEFAULT_SERVER_NAME}. */
    public static final String SERVER_NAME = "mcp.server.name";

    /** The {@code serverInfo.version} reported by {@code initialize}. Default: {@value #DEFAULT_SERVER_VERSION}. */
    public static final String SERVER_VERSION = "mcp.server.version";

    /** The {@code serverInfo.title} reported by {@code initialize}. Default: none. */
    public static final String SERVER_TITLE = "mcp.server.title";

    /** The {@code instructions} text returned by {@code initialize}, a hint for the model. Default: none. */
    public static final String SERVER_INSTRUCTIONS = "mcp.server.instructions";

    /**
     * Comma-separated origins (such as {@code https://app.example.com}) whose browser requests are
     * allowed besides same-origin ones; {@code *} allows any. Default: none, so a request with a foreign
     * {@code Origin} header gets 403 (MCP 2025-11-25, Transports, Security Warning).
     */
    public static final String ALLOWED_ORIGINS = "mcp.allowed-origins";

    /** How many tools one {@code tools/list} page holds. Default: {@value #DEFAULT_PAGE_SIZE}. */
    public static final String TOOLS_PAGE_SIZE = "mcp.tools.page-size";

    /** Largest request body accepted, in bytes; larger bodies get 413. Default: {@value #DEFAULT_MAX_BODY_BYTES}. */
    public static final String MAX_BODY_BYTES = "mcp.max-body-bytes";

    /** Default of {@link #SERVER_NAME}. */
    public static final String DEFAULT_SERVER_NAME = "mcp-server";

    /** Default of {@link #SERVER_VERSION}. */
    public static final String DEFAULT_SERVER_VERSION = "1.0.0";

    /** Default of {@link #TOOLS_PAGE_SIZE}. */
    public static final int DEFAULT_PAGE_SIZE = 100;

    /** Default of {@link #MAX_BODY_BYTES}: 1 MiB. */
    public static final int DEFAULT_MAX_BODY_BYTES = 1_048_576;

    private McpConfigKeys() {
    }
}
