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
 * Checks the {@code Mcp-Param-*} headers of a {@code tools/call} against the arguments they mirror (MCP 2026-07-28,
 * Streamable HTTP, Custom Headers from Tool Parameters), so a gateway that routed on a header and the tool that runs
 * on the body never see two different values. In 2026-07-28 an argument present in the body needs its header; in
 * every era a header that is sent must carry the same value as the body, must not stand for an argument the body
 * leaves out, and must mirror an argument the tool declares.
 */
final class ParamHeaders {

    private ParamHeaders() {}

    /**
     * Refuses a call whose mirror headers are missing (when required) or disagree with the body.
     *
     * @param tool the tool called
     * @param arguments the call's arguments
     * @param headers the request metadata
     * @param required whether a set argument needs its header (2026-07-28)
     * @throws JsonRpcException {@code HeaderMismatch} (-32020) with status 400
     */
    static void check(ToolDefinition tool, JsonObject arguments, RequestMetadata headers, boolean required) {
        for (String sent : headers.paramHeaders()) {
            if (tool.headerArguments().stream()
                    .noneMatch(mirrored -> mirrored.header().equalsIgnoreCase(sent))) {
                throw ModernRules.headerMismatch(RequestMetadata.PARAM_PREFIX + Printable.of(sent)
                        + " header mirrors no argument of tool " + tool.name());
            }
        }
        for (HeaderArgument mirrored : tool.headerArguments()) {
            JsonValue value = arguments.get(mirrored.argument());
            String headerName = RequestMetadata.PARAM_PREFIX + mirrored.header();
            String sent = headers.param(mirrored.header());
            if (value == null || value == JsonValue.NULL) {
                if (sent != null) {
                    throw ModernRules.headerMismatch(
                            "the " + headerName + " header is set but arguments." + mirrored.argument() + " is not");
                }
                continue;
            }
            if (sent == null) {
                if (required) {
                    throw ModernRules.headerMismatch("the " + headerName + " header is required when arguments."
                            + mirrored.argument() + " is set");
                }
                continue;
            }
            String decoded = HeaderValues.decode(sent)
                    .orElseThrow(() -> ModernRules.headerMismatch(headerName + " header value is malformed"));
            if (!agrees(mirrored.kind(), decoded, value)) {
                throw ModernRules.headerMismatch(headerName + " header value '" + Printable.of(decoded)
                        + "' does not match arguments." + mirrored.argument());
            }
        }
    }

    private static boolean agrees(HeaderArgument.Kind kind, String header, JsonValue body) {
        return switch (kind) {
            case STRING -> body instanceof JsonString text && text.getString().equals(header);
            case BOOLEAN ->
                (body == JsonValue.TRUE && header.equals("true"))
                        || (body == JsonValue.FALSE && header.equals("false"));
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
