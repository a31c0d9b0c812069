package dev.mcpauth;

import java.util.Objects;

/**
 * One content item of a tool result (MCP 2025-11-25, Tools, Tool Result). Return a {@code Content} or a
 * {@link ToolResult} from a {@link Tool} method to control exactly what the client receives.
 */
public sealed interface Content permits Content.Text, Content.Image, Content.Audio, Content.EmbeddedResource {

    /**
     * A text item.
     *
     * @param text the text, not null
     * @return the item
     */
    static Text text(String text) {
        return new Text(text);
    }

    /**
     * An image item.
     *
     * @param base64Data the image bytes, base64-encoded
     * @param mimeType the image type, such as {@code image/png}
     * @return the item
     */
    static Image image(String base64Data, String mimeType) {
        return new Image(base64Data, mimeType);
    }

    /**
     * An audio item.
     *
     * @param base64Data the audio bytes, base64-encoded
     * @param mimeType the audio type, such as {@code audio/wav}
     * @return the item
     */
    static Audio audio(String base64Data, String mimeType) {
        return new Audio(base64Data, mimeType);
    }

    /**
     * A text resource embedded in the result.
     *
     * @param uri the resource URI
     * @param mimeType the resource type, such as {@code text/plain}
     * @param text the resource text
     * @return the item
     */
    static EmbeddedResource resource(String uri, String mimeType, String text) {
        return new EmbeddedResource(uri, mimeType, text, null);
    }

    /**
     * Text content.
     *
     * @param text the text, not null
     */
    record Text(String text) implements Content {
        /**
         * Checks the text is present.
         *
         * @param text the text, not null
         * @throws NullPointerException when the text is null
         */
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * Image content.
     *
     * @param data base64-encoded bytes, not null
     * @param mimeType the image type, not null
     */
    record Image(String data, String mimeType) implements Content {
        /**
         * Checks both parts are present.
         *
         * @param data base64-encoded bytes, not null
         * @param mimeType the image type, not null
         * @throws NullPointerException when a part is null
         */
        public Image {
            Objects.requireNonNull(data, "data");
            Objects.requireNonNull(mimeType, "mimeType");
        }
    }

    /**
     * Audio content.
     *
     * @param data base64-encoded bytes, not null
     * @param mimeType the audio type, not null
     */
    record Audio(String data, String mimeType) implements Content {
        /**
         * Checks both parts are present.
         *
         * @param data base64-encoded bytes, not null
         * @param mimeType the audio type, not null
         * @throws NullPointerException when a part is null
         */
        public Audio {
            Objects.requireNonNull(data, "data");
            Objects.requireNonNull(mimeType, "mimeType");
        }
    }

    /**
     * An embedded resource: exactly one of {@code text} and {@code blob} is set.
     *
     * @param uri the resource URI, not null
     * @param mimeType the resource type, may be null
     * @param text the resource text, or null for a binary resource
     * @param blob the base64-encoded bytes, or null for a text resource
     */
    record EmbeddedResource(String uri, String mimeType, String text, String blob) implements Content {
        /**
         * Checks the URI is present and exactly one of text and blob is set.
         *
         * @param uri the resource URI, not null
         * @param mimeType the resource type, may be null
         * @param text the resource text, or null for a binary resource
         * @param blob the base64-encoded bytes, or null for a text resource
         * @throws NullPointerException when the URI is null
         * @throws IllegalArgumentException when both or neither of text and blob are set
         */
        public EmbeddedResource {
            Objects.requireNonNull(uri, "uri");
            if ((text == null) == (blob == null)) {
                throw new IllegalArgumentException("exactly one of text and blob must be set");
            }
        }
    }
}
