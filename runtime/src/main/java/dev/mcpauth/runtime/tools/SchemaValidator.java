package dev.mcpauth.runtime.tools;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks tool arguments against the tool's input schema before the method is called, and says what is
 * wrong in terms a model can act on ({@code /ticketId: expected string, got number}). It understands the
 * JSON Schema keywords {@link JsonSchemaGenerator} writes: {@code type}, {@code properties},
 * {@code required}, {@code additionalProperties}, {@code items}, {@code uniqueItems}, {@code enum},
 * {@code minimum} and {@code maximum}.
 */
final class SchemaValidator {

    /** Stop after this many problems: enough to fix a call, bounded for hostile input. */
    private static final int MAX_PROBLEMS = 10;

    private SchemaValidator() {}

    /** The problems of {@code value} against {@code schema}; empty when it is valid. */
    static List<String> validate(JsonValue value, JsonObject schema) {
        List<String> problems = new ArrayList<>();
        check(value, schema, "", problems);
        return problems.size() > MAX_PROBLEMS ? problems.subList(0, MAX_PROBLEMS) : problems;
    }

    private static void check(JsonValue value, JsonObject schema, String path, List<String> problems) {
        if (problems.size() >= MAX_PROBLEMS) {
            return;
        }
        String type = schema.getString("type", null);
        if (type != null && !hasType(value, type)) {
            problems.add(where(path) + "expected " + type + ", got " + describe(value));
            return;
        }
        JsonArray allowed = schema.getJsonArray("enum");
        if (allowed != null && !allowed.contains(value)) {
            problems.add(where(path) + "must be one of " + allowed);
        }
        if (value instanceof JsonNumber number) {
            checkRange(number.bigDecimalValue(), schema, path, problems);
        } else if (value instanceof JsonObject object) {
            checkObject(object, schema, path, problems);
        } else if (value instanceof JsonArray array) {
            JsonObject items = schema.getJsonObject("items");
            for (int i = 0; i < array.size() && items != null; i++) {
                check(array.get(i), items, path + "/" + i, problems);
            }
            if (schema.getBoolean("uniqueItems", false) && new HashSet<>(array).size() != array.size()) {
                problems.add(where(path) + "items must be unique");
            }
        }
    }

    private static void checkObject(JsonObject object, JsonObject schema, String path, List<String> problems) {
        JsonObject properties = schema.getJsonObject("properties");
        JsonArray required = schema.getJsonArray("required");
        if (required != null) {
            for (JsonString name : required.getValuesAs(JsonString.class)) {
                if (problems.size() < MAX_PROBLEMS
                        && (!object.containsKey(name.getString()) || object.isNull(name.getString()))) {
                    problems.add(where(path + "/" + name.getString()) + "required");
                }
            }
        }
        JsonValue additional = schema.get("additionalProperties");
        for (Map.Entry<String, JsonValue> member : object.entrySet()) {
            if (problems.size() >= MAX_PROBLEMS) {
                return;
            }
            String memberPath = path + "/" + member.getKey();
            JsonObject memberSchema = properties == null ? null : properties.getJsonObject(member.getKey());
            if (memberSchema == null && additional instanceof JsonObject additionalSchema) {
                memberSchema = additionalSchema;
            }
            if (memberSchema != null) {
                // null stands for "absent" for optional properties; required ones were reported above
                if (member.getValue() != JsonValue.NULL) {
                    check(member.getValue(), memberSchema, memberPath, problems);
                }
            } else if (additional == JsonValue.FALSE) {
                problems.add(where(memberPath) + "unknown argument");
            }
        }
    }

    private static void checkRange(BigDecimal number, JsonObject schema, String path, List<String> problems) {
        JsonNumber minimum = schema.getJsonNumber("minimum");
        JsonNumber maximum = schema.getJsonNumber("maximum");
        if (minimum != null && number.compareTo(minimum.bigDecimalValue()) < 0) {
            problems.add(where(path) + "must be at least " + minimum);
        }
        if (maximum != null && number.compareTo(maximum.bigDecimalValue()) > 0) {
            problems.add(where(path) + "must be at most " + maximum);
        }
    }

    private static boolean hasType(JsonValue value, String type) {
        return switch (type) {
            case "string" -> value.getValueType() == JsonValue.ValueType.STRING;
            case "boolean" -> value == JsonValue.TRUE || value == JsonValue.FALSE;
            case "object" -> value.getValueType() == JsonValue.ValueType.OBJECT;
            case "array" -> value.getValueType() == JsonValue.ValueType.ARRAY;
            case "number" -> value.getValueType() == JsonValue.ValueType.NUMBER;
            // JSON Schema 2020-12: a number with a zero fractional part (1.0) is an integer
            case "integer" -> value instanceof JsonNumber n && isIntegral(n.bigDecimalValue());
            case "null" -> value == JsonValue.NULL;
            default -> true;
        };
    }

    private static boolean isIntegral(BigDecimal number) {
        return number.signum() == 0 || number.stripTrailingZeros().scale() <= 0;
    }

    private static String describe(JsonValue value) {
        return switch (value.getValueType()) {
            case TRUE, FALSE -> "boolean";
            default -> value.getValueType().name().toLowerCase(Locale.ROOT);
        };
    }

    private static String where(String path) {
        return path.isEmpty() ? "arguments: " : path + ": ";
    }
}
