package dev.mcpauth.runtime.protocol;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Reads {@code Mcp-Name} and {@code Mcp-Param-*} header values (MCP 2026-07-28, Streamable HTTP, Value
 * Encoding): a value a header cannot carry as it is (non-ASCII, control characters, surrounding spaces) is sent
 * as {@code =?base64?<Base64 of the UTF-8 bytes>?=}; anything else is the value itself.
 */
final class HeaderValues {

    private static final String PREFIX = "=?base64?";
    private static final String SUFFIX = "?=";

    private HeaderValues() {}

    /**
     * The value a header stands for.
     *
     * @param header the header value as received (never null)
     * @return the decoded value; empty when the Base64 form is malformed or is not UTF-8
     */
    static Optional<String> decode(String header) {
        if (!header.startsWith(PREFIX)
                || !header.endsWith(SUFFIX)
                || header.length() < PREFIX.length() + SUFFIX.length()) {
            return header.chars().allMatch(c -> c >= 0x20 && c < 0x7F) ? Optional.of(header) : Optional.empty();
        }
        String encoded = header.substring(PREFIX.length(), header.length() - SUFFIX.length());
        try {
            byte[] bytes = Base64.getDecoder().decode(encoded);
            if (!Base64.getEncoder().encodeToString(bytes).equals(encoded)) {
                // only the canonical, padded spelling: one value, one header
                return Optional.empty();
            }
            return Optional.of(StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString());
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
