package dev.mcpauth.runtime.jsonrpc;

/** Client text that is echoed in an error message or a log line, made safe for both. */
public final class Printable {

    /** Longer client text is cut to this many characters. */
    static final int MAX_LENGTH = 64;

    private Printable() {}

    /**
     * Client text cut short and with control characters replaced, so it cannot forge log lines.
     *
     * @param text the client's text
     * @return the printable form
     */
    public static String of(String text) {
        String cut = text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) + "..." : text;
        StringBuilder out = null;
        for (int i = 0; i < cut.length(); i++) {
            char c = cut.charAt(i);
            if (Character.isISOControl(c)) {
                if (out == null) {
                    out = new StringBuilder(cut);
                }
                out.setCharAt(i, '?');
            }
        }
        return out == null ? cut : out.toString();
    }
}
