package dev.mcpauth;

import java.util.Base64;
import java.util.Objects;

/**
 * The contents of a resource as the protocol sends them: text or a blob, with the URI they belong to and their
 * MIME type. Return it (or a list of them) from an {@link McpResource} or {@link McpResourceTemplate} method
 * for full control; a {@code null} URI means the URI that was read.
 *
 * @param uri the URI of these contents, or null for the URI read
 * @param mimeType the MIME type, or null for none
 * @param text the text, or null for a blob
 * @param blob the Base64 of the bytes, or null for text
 */
public record ResourceContents(String uri, String mimeType, String text, String blob) {

    /**
     * Exactly one of text and blob.
     *
     * @param uri the URI of these contents, or null for the URI read
     * @param mimeType the MIME type, or null for none
     * @param text the text, or null for a blob
     * @param blob the Base64 of the bytes, or null for text
     * @throws IllegalArgumentException when both or neither of text and blob are set
     */
    public ResourceContents {
        if ((text == null) == (blob == null)) {
            throw new IllegalArgumentException("resource contents are text or a blob, exactly one of them");
        }
    }

    /**
     * Text contents of the URI read.
     *
     * @param text the text
     * @param mimeType the MIME type
     * @return the contents
     */
    public static ResourceContents text(String text, String mimeType) {
        return new ResourceContents(null, mimeType, Objects.requireNonNull(text, "text"), null);
    }

    /**
     * Binary contents of the URI read.
     *
     * @param bytes the bytes
     * @param mimeType the MIME type
     * @return the contents
     */
    public static ResourceContents blob(byte[] bytes, String mimeType) {
        return new ResourceContents(null, mimeType, null, Base64.getEncoder().encodeToString(bytes));
    }
}
