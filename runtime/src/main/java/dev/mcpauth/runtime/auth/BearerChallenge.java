package dev.mcpauth.runtime.auth;

import java.util.List;

/**
 * Formats {@code WWW-Authenticate: Bearer ...} challenges (RFC 6750 §3) with the MCP additions
 * {@code resource_metadata} (RFC 9728 §5.1) and {@code scope} (MCP 2025-11-25, Authorization, Scope
 * Challenge Handling). Values are quoted strings (RFC 7235 §2.1); descriptions are reduced to the
 * characters RFC 6750 §3 allows in {@code error_description}.
 */
public final class BearerChallenge {

    /** RFC 6750 §3.1: the request lacks a valid token (or presented a bad one). */
    public static final String INVALID_TOKEN = "invalid_token";

    /** RFC 6750 §3.1: the token lacks the scopes the operation needs. */
    public static final String INSUFFICIENT_SCOPE = "insufficient_scope";

    /** RFC 9449 §7.1: the DPoP proof is missing or invalid. */
    public static final String INVALID_DPOP_PROOF = "invalid_dpop_proof";

    /** RFC 9449 §9: the proof must carry the nonce the server offers in {@code DPoP-Nonce}. */
    public static final String USE_DPOP_NONCE = "use_dpop_nonce";

    /** RFC 6750 §3.1: a malformed request, such as a broken Authorization header. */
    public static final String INVALID_REQUEST = "invalid_request";

    private BearerChallenge() {}

    /**
     * A challenge.
     *
     * @param error the error code, or null when the request simply had no token
     * @param description a human-readable explanation, or null
     * @param scopes the scopes to ask for; empty leaves {@code scope} out
     * @param resourceMetadata the URL of the protected resource metadata
     * @return the header value
     */
    public static String format(String error, String description, List<String> scopes, String resourceMetadata) {
        return format("Bearer", error, description, scopes, resourceMetadata, null);
    }

    /**
     * A challenge of a scheme: {@code Bearer}, or {@code DPoP} with the proof algorithms it accepts (RFC 9449 §7.1).
     *
     * @param scheme {@code Bearer} or {@code DPoP}
     * @param error the error code, or null
     * @param description a human-readable explanation, or null
     * @param scopes the scopes to ask for; empty leaves {@code scope} out
     * @param resourceMetadata the URL of the protected resource metadata
     * @param algorithms the {@code algs} of a DPoP challenge, or null
     * @return the header value
     */
    public static String format(
            String scheme,
            String error,
            String description,
            List<String> scopes,
            String resourceMetadata,
            String algorithms) {
        StringBuilder header = new StringBuilder(scheme).append(' ');
        boolean first = true;
        if (algorithms != null) {
            first = append(header, first, "algs", algorithms);
        }
        if (error != null) {
            first = append(header, first, "error", error);
            if (description != null) {
                first = append(header, first, "error_description", descriptionCharacters(description));
            }
        }
        if (!scopes.isEmpty()) {
            first = append(header, first, "scope", Scopes.join(scopes));
        }
        append(header, first, "resource_metadata", resourceMetadata);
        return header.toString();
    }

    private static boolean append(StringBuilder header, boolean first, String name, String value) {
        if (!first) {
            header.append(", ");
        }
        header.append(name).append("=\"").append(quoted(value)).append('"');
        return false;
    }

    /** The inside of an RFC 7230 quoted-string: backslash-escapes quote and backslash, drops control characters. */
    static String quoted(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c >= 0x20 && c != 0x7F) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** RFC 6750 §3: error_description uses %x20-21 / %x23-5B / %x5D-7E only. */
    static String descriptionCharacters(String description) {
        StringBuilder out = new StringBuilder(description.length());
        for (int i = 0; i < description.length(); i++) {
            char c = description.charAt(i);
            if (c >= 0x20 && c <= 0x7E && c != '"' && c != '\\') {
                out.append(c);
            } else if (c == '"') {
                out.append('\'');
            }
        }
        return out.toString();
    }
}
