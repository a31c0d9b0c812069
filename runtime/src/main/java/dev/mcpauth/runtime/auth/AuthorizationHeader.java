package dev.mcpauth.runtime.auth;

import java.util.List;

/**
 * Reads the bearer token from the {@code Authorization} header (RFC 6750 §2.1), the only place this
 * resource server accepts one: never from the query string or a form body.
 */
public final class AuthorizationHeader {

    /** Longest token accepted; real JWTs are a few kilobytes, so anything near this is hostile. */
    static final int MAX_TOKEN_LENGTH = 16 * 1024;

    private AuthorizationHeader() {}

    /** What the header says: no bearer token, a token, or a malformed attempt. */
    public sealed interface Result permits Absent, Token, Malformed {}

    /** No bearer credentials: no header, or another scheme such as Basic (RFC 6750 §3.1: no error code). */
    public record Absent() implements Result {}

    /**
     * A syntactically valid bearer token.
     *
     * @param value the token
     * @param dpop whether it came with the {@code DPoP} scheme (RFC 9449 §7.1) rather than {@code Bearer}
     */
    public record Token(String value, boolean dpop) implements Result {

        /**
         * A bearer token.
         *
         * @param value the token
         */
        public Token(String value) {
            this(value, false);
        }

        /** The scheme it came with, for messages. */
        public String scheme() {
            return dpop ? "DPoP" : "Bearer";
        }

        @Override
        public String toString() {
            return "Token[redacted, " + scheme() + "]";
        }
    }

    /**
     * A bearer attempt that is not well-formed: answered with 400 {@code invalid_request}.
     *
     * @param description what is wrong, without the header's content
     */
    public record Malformed(String description) implements Result {}

    /**
     * Reads the header values of a request.
     *
     * @param values every {@code Authorization} header value, possibly empty
     * @return what they carry
     */
    public static Result read(List<String> values) {
        return read(values, false);
    }

    /**
     * Reads the header values of a request.
     *
     * @param values every {@code Authorization} header value, possibly empty
     * @param dpop whether the {@code DPoP} scheme is accepted beside {@code Bearer}
     * @return what they carry; another scheme is no credentials at all
     */
    public static Result read(List<String> values, boolean dpop) {
        if (values == null || values.isEmpty()) {
            return new Absent();
        }
        if (values.size() > 1) {
            return new Malformed("More than one Authorization header");
        }
        String header = values.get(0).trim();
        int space = header.indexOf(' ');
        String scheme = space < 0 ? header : header.substring(0, space);
        boolean isDpop = dpop && scheme.equalsIgnoreCase("DPoP");
        if (!scheme.equalsIgnoreCase("Bearer") && !isDpop) {
            return new Absent();
        }
        String name = isDpop ? "DPoP" : "Bearer";
        String noun = isDpop ? "DPoP" : "bearer";
        String token = space < 0 ? "" : header.substring(space + 1).trim();
        if (token.isEmpty()) {
            return new Malformed("The " + name + " credentials are empty");
        }
        if (token.length() > MAX_TOKEN_LENGTH) {
            return new Malformed("The " + noun + " token is too long");
        }
        if (!isB64Token(token)) {
            // RFC 9449 §7.1 takes the token68 syntax of RFC 6750's b64token for the DPoP scheme too
            return new Malformed("The " + noun + " token contains characters RFC 6750 does not allow");
        }
        return new Token(token, isDpop);
    }

    /**
     * RFC 6750 §2.1: {@code b64token = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="}. A loop, not
     * a regular expression: it runs on every request, over a token of a kilobyte or more.
     */
    static boolean isB64Token(String token) {
        int i = 0;
        int length = token.length();
        while (i < length && isB64Char(token.charAt(i))) {
            i++;
        }
        if (i == 0) {
            return false;
        }
        while (i < length && token.charAt(i) == '=') {
            i++;
        }
        return i == length;
    }

    private static boolean isB64Char(char c) {
        return c < B64_CHARS.length && B64_CHARS[c];
    }

    /** The b64token characters, indexed by character: one load per character of a kilobyte-long token. */
    private static final boolean[] B64_CHARS = new boolean[128];

    static {
        for (char c = 0; c < B64_CHARS.length; c++) {
            B64_CHARS[c] = c >= 'a' && c <= 'z'
                    || c >= 'A' && c <= 'Z'
                    || c >= '0' && c <= '9'
                    || c == '-'
                    || c == '.'
                    || c == '_'
                    || c == '~'
                    || c == '+'
                    || c == '/';
        }
    }
}
