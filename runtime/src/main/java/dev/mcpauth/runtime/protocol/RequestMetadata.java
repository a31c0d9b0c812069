package dev.mcpauth.runtime.protocol;

import java.util.function.UnaryOperator;

/**
 * The request metadata a 2026-07-28 client sends beside the body (MCP 2026-07-28, Streamable HTTP, Request
 * Metadata): the protocol revision, the method, the name of the tool, prompt or resource, and the arguments a
 * tool mirrors into {@code Mcp-Param-*} headers. The transport supplies the lookup; the protocol checks them.
 *
 * @param headers looks up a header by name, ignoring case; returns the value without surrounding white space, or null
 */
public record RequestMetadata(UnaryOperator<String> headers) {

    /** The revision of the request. */
    public static final String PROTOCOL_VERSION = "MCP-Protocol-Version";
    /** The JSON-RPC method. */
    public static final String METHOD = "Mcp-Method";
    /** {@code params.name} of {@code tools/call} and {@code prompts/get}, {@code params.uri} of {@code resources/read}. */
    public static final String NAME = "Mcp-Name";
    /** The prefix of headers that mirror tool arguments ({@code x-mcp-header}). */
    public static final String PARAM_PREFIX = "Mcp-Param-";

    /** Metadata of a request that has none (a transport without headers). */
    public static final RequestMetadata NONE = new RequestMetadata(name -> null);

    /** The {@code MCP-Protocol-Version} header, or null. */
    public String protocolVersion() {
        return headers.apply(PROTOCOL_VERSION);
    }

    /** The {@code Mcp-Method} header, or null. */
    public String method() {
        return headers.apply(METHOD);
    }

    /** The {@code Mcp-Name} header as sent (possibly Base64-wrapped), or null. */
    public String name() {
        return headers.apply(NAME);
    }

    /** The {@code Mcp-Param-<header>} header as sent, or null. */
    public String param(String header) {
        return headers.apply(PARAM_PREFIX + header);
    }
}
