package dev.mcpauth.runtime.jsonrpc;

/** The JSON-RPC 2.0 error codes the MCP endpoint answers with (JSON-RPC 2.0 §5.1; MCP 2026-07-28, Basic, Error Codes). */
public enum JsonRpcError {
    /** The body is not valid JSON. */
    PARSE_ERROR(-32700),
    /** The JSON is not a valid JSON-RPC request object. */
    INVALID_REQUEST(-32600),
    /** The method does not exist or is not offered. */
    METHOD_NOT_FOUND(-32601),
    /** Invalid method parameters: an unknown tool, arguments that fail the tool's schema, a bad cursor. */
    INVALID_PARAMS(-32602),
    /** A failure inside the server; the message never carries internals. */
    INTERNAL_ERROR(-32603),
    /** MCP 2025 revisions: no such resource (2026-07-28 retired it for {@link #INVALID_PARAMS}). */
    RESOURCE_NOT_FOUND_2025(-32002),
    /** MCP 2026-07-28: a request metadata header is missing, malformed, or differs from the body ({@code HeaderMismatch}). */
    HEADER_MISMATCH(-32020),
    /** MCP 2026-07-28: the call needs a client capability the request did not declare. */
    MISSING_REQUIRED_CLIENT_CAPABILITY(-32021),
    /** MCP 2026-07-28: the request's protocol revision is not one this server speaks. */
    UNSUPPORTED_PROTOCOL_VERSION(-32022);

    private final int code;

    JsonRpcError(int code) {
        this.code = code;
    }

    /** The numeric code on the wire. */
    public int code() {
        return code;
    }
}
