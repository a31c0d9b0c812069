package dev.mcpauth.runtime.protocol;

import dev.mcpauth.runtime.jsonrpc.JsonRpcException;
import dev.mcpauth.runtime.jsonrpc.Printable;
import dev.mcpauth.runtime.tools.HeaderArgument;
import dev.mcpauth.runtime.tools.ToolDefinition;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;

/**
 * Checks the {@code Mcp-Param-*} headers of a 2026-07-28 {@code tools/call} against the arguments they mirror
 * (MCP 2026-07-28, Streamable HTTP, Custom Headers from Tool Parameters): an argument present in the body needs
 * its header, and the header, decoded, must carry the same value, so a gateway that routed on the header and
 * the tool that runs on the body never see two different values.
 */
final class ParamHeaders {

    private ParamHeaders() {
    }

    /**
     * Refuses a call whose mirror headers are missing or disagree with the body.
     *
     * @param tool the tool called
     * @param arguments the call's arguments
     * @param headers the request metadata
     * @throws JsonRpcException {@code HeaderMismatch} (-32020) with status 400
     */
    static void check(ToolDefinition tool, JsonObject arguments, RequestMetadata headers) {
        for (HeaderArgument mirrored : tool.headerArguments()) {
            JsonValue value = arguments.get(mirrored.argument());
            if (value == null || value == JsonValue.NULL) {
                continue; // no value, no header to expect
            }
            String headerName = RequestMetadata.PARAM_PREFIX + mirrored.header();
            String sent = headers.param(mirrored.header());
            if (sent == null) {
                throw ModernRules.headerMismatch("the " + headerName + " header is required when arguments." + mirrored.argument() + " is set");
            }
            String decoded = HeaderValues.decode(sent).orElseThrow(() -> ModernRules.headerMismatch(headerName + " header value is malformed"));
            if (!agrees(mirrored.kind(), decoded, value)) {
                throw ModernRules.headerMismatch(headerName + " header value '" + Printable.of(decoded)
                        + "' does not match arguments." + mirrored.argument());
            }
        }
    }

    private static boolean agrees(HeaderArgument.Kind kind, String header, JsonValue body) {
        return switch (kind) {
            case STRING -> body instanceof JsonString text && text.getString().equals(header);
            case BOOLEAN -> (body == JsonValue.TRUE && header.equals("true")) || (body == JsonValue.FALSE && header.equals("false"));
            case INTEGER -> body instanceof JsonNumber number && sameNumber(number.bigDecimalValue(), header);
        };
    }

    /** Integers compare as numbers, so {@code 42} and {@code 42.0} agree (the revision's SHOULD). */
    private static boolean sameNumber(BigDecimal body, String header) {
        try {
            return body.compareTo(new BigDecimal(header)) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
