package dev.mcpauth.runtime.jsonrpc;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import java.io.InputStream;
import java.io.Reader;

/**
 * The application's JSON-P provider, looked up once. {@code jakarta.json.Json}'s static factories look the
 * provider up through the service loader on every call, which costs more than the rest of a request.
 */
public final class Jsonp {

    private static final JsonProvider PROVIDER = JsonProvider.provider();

    private Jsonp() {
    }

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
}
