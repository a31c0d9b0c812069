package dev.mcpauth.runtime.features;

import dev.mcpauth.Content;
import dev.mcpauth.runtime.jsonrpc.Jsonp;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** The protocol's content objects (text, image, audio, embedded resource) of tool results and prompt messages. */
public final class ContentJson {

    private ContentJson() {}

    /**
     * One content item as the protocol sends it.
     *
     * @param item the content
     * @return its JSON
     */
    public static JsonObject of(Content item) {
        if (item instanceof Content.Text text) {
            return text(text.text());
        }
        if (item instanceof Content.Image image) {
            return Jsonp.object()
                    .add("type", "image")
                    .add("data", image.data())
                    .add("mimeType", image.mimeType())
                    .build();
        }
        if (item instanceof Content.Audio audio) {
            return Jsonp.object()
                    .add("type", "audio")
                    .add("data", audio.data())
                    .add("mimeType", audio.mimeType())
                    .build();
        }
        Content.EmbeddedResource embedded = (Content.EmbeddedResource) item;
        JsonObjectBuilder resource = Jsonp.object().add("uri", embedded.uri());
        if (embedded.mimeType() != null) {
            resource.add("mimeType", embedded.mimeType());
        }
        if (embedded.text() != null) {
            resource.add("text", embedded.text());
        } else {
            resource.add("blob", embedded.blob());
        }
        return Jsonp.object().add("type", "resource").add("resource", resource).build();
    }

    /**
     * A text content item.
     *
     * @param text the text
     * @return its JSON
     */
    public static JsonObject text(String text) {
        return Jsonp.object().add("type", "text").add("text", text).build();
    }
}
