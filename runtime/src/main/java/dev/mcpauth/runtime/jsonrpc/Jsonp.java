package dev.mcpauth.runtime.jsonrpc;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.InputStream;
import java.io.Reader;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The application's JSON-P provider, looked up once. {@code jakarta.json.Json}'s static factories look the
 * provider up through the service loader on every call, which costs more than the rest of a request.
 */
public final class Jsonp {

    private static final JsonProvider PROVIDER = JsonProvider.provider();

    private Jsonp() {}

    /** A new object builder. */
    public static JsonObjectBuilder object() {
        return PROVIDER.createObjectBuilder();
    }

    /**
     * A new object builder starting with the members of {@code object}.
     *
     * @param object the members to start with
     * @return the builder
     */
    public static JsonObjectBuilder object(JsonObject object) {
        return PROVIDER.createObjectBuilder(object);
    }

    /** A new array builder. */
    public static JsonArrayBuilder array() {
        return PROVIDER.createArrayBuilder();
    }

    /**
     * A reader of UTF-8 JSON.
     *
     * @param in the bytes
     * @return the reader
     */
    public static JsonReader reader(InputStream in) {
        return PROVIDER.createReader(in);
    }

    /**
     * A reader of JSON text.
     *
     * @param in the characters
     * @return the reader
     */
    public static JsonReader reader(Reader in) {
        return PROVIDER.createReader(in);
    }

    /**
     * A JSON object as JSON-like Java values (String, Long or Double, Boolean, List, Map; null for JSON null),
     * the form the api's records promise for claims and capabilities.
     *
     * @param object the object
     * @return a map in the object's order
     */
    public static Map<String, Object> toJava(JsonObject object) {
        Map<String, Object> values = new LinkedHashMap<>();
        object.forEach((name, value) -> values.put(name, toJava(value)));
        return values;
    }

    private static Object toJava(JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> ((JsonString) value).getString();
            case NUMBER ->
                ((JsonNumber) value).isIntegral()
                        ? (Object) ((JsonNumber) value).longValue()
                        : ((JsonNumber) value).doubleValue();
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NULL -> null;
            case ARRAY -> ((JsonArray) value).stream().map(Jsonp::toJava).toList();
            case OBJECT -> toJava((JsonObject) value);
        };
    }

    /**
     * JSON-like Java values (String, Number, Boolean, List, Map, null) as JSON, the inverse of {@link #toJava}.
     *
     * @param value the value
     * @return its JSON
     * @throws IllegalArgumentException for a value that is not JSON-like
     */
    public static JsonValue toJson(Object value) {
        if (value == null) {
            return JsonValue.NULL;
        }
        if (value instanceof String text) {
            return PROVIDER.createValue(text);
        }
        if (value instanceof Boolean bool) {
            return bool ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return PROVIDER.createValue(((Number) value).longValue());
        }
        if (value instanceof Number number) {
            return PROVIDER.createValue(number.doubleValue());
        }
        if (value instanceof Map<?, ?> map) {
            JsonObjectBuilder object = object();
            map.forEach((name, item) -> object.add(String.valueOf(name), toJson(item)));
            return object.build();
        }
        if (value instanceof Iterable<?> items) {
            JsonArrayBuilder array = array();
            items.forEach(item -> array.add(toJson(item)));
            return array.build();
        }
        throw new IllegalArgumentException(
                "not a JSON-like value: " + value.getClass().getName());
    }
}
