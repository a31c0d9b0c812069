package dev.mcpauth.runtime.tools;

import dev.mcpauth.Content;
import dev.mcpauth.ToolResult;
import dev.mcpauth.runtime.features.ContentJson;
import dev.mcpauth.runtime.jsonrpc.Jsonp;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import java.io.StringReader;
import java.util.Optional;

/** Maps a tool method's return value to a {@code CallToolResult} (MCP 2025-11-25, Tools, Tool Result). */
final class ToolResults {

    private final Jsonb jsonb;

    ToolResults(Jsonb jsonb) {
        this.jsonb = jsonb;
    }

    JsonObject toResult(ResultKind kind, Object returned) {
        Object value = returned instanceof Optional<?> optional ? optional.orElse(null) : returned;
        if (value == null) {
            // a declared outputSchema promises structured content, which a null cannot keep
            return kind == ResultKind.OBJECT || kind == ResultKind.WRAPPED_ARRAY
                    ? error("The tool returned no result.")
                    : result(Jsonp.array(), null, false);
        }
        return switch (kind) {
            case NONE -> result(Jsonp.array(), null, false);
            case TEXT ->
                result(
                        Jsonp.array().add(text(value instanceof Enum<?> e ? e.name() : String.valueOf(value))),
                        null,
                        false);
            case OBJECT -> {
                String json = jsonb.toJson(value);
                yield result(Jsonp.array().add(text(json)), parse(json), false);
            }
            case WRAPPED_ARRAY -> {
                String json = jsonb.toJson(value);
                JsonObject wrapped = Jsonp.object().add("result", parse(json)).build();
                yield result(Jsonp.array().add(text(json)), wrapped, false);
            }
            case CONTENT -> result(Jsonp.array().add(content((Content) value)), null, false);
            case TOOL_RESULT -> toolResult((ToolResult) value);
        };
    }

    /** A result reporting a failure of the tool's work, so the model can react (isError, not a protocol error). */
    static JsonObject error(String message) {
        return result(Jsonp.array().add(text(message)), null, true);
    }

    private JsonObject toolResult(ToolResult value) {
        JsonArrayBuilder items = Jsonp.array();
        for (Content item : value.content()) {
            items.add(content(item));
        }
        JsonValue structured =
                value.structuredContent() == null ? null : parse(jsonb.toJson(value.structuredContent()));
        return result(items, structured, value.isError());
    }

    private static JsonObject result(JsonArrayBuilder content, JsonValue structured, boolean isError) {
        JsonObjectBuilder result = Jsonp.object().add("content", content);
        if (structured != null) {
            result.add("structuredContent", structured);
        }
        if (isError) {
            result.add("isError", true);
        }
        return result.build();
    }

    private static JsonObject content(Content item) {
        return ContentJson.of(item);
    }

    private static JsonObject text(String text) {
        return ContentJson.text(text);
    }

    private static JsonValue parse(String json) {
        try (var reader = Jsonp.reader(new StringReader(json))) {
            return reader.readValue();
        }
    }
}
