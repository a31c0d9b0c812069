package dev.mcpauth.runtime.tools;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks tool arguments against the tool's input schema before the method is called, and says what is
 * wrong in terms a model can act on ({@code /ticketId: expected string, got number}). It enforces the JSON Schema
 * 2020-12 keywords in {@link #ENFORCED}: those {@link JsonSchemaGenerator} writes, and those a hand-written schema
 * ({@code @Tool(inputSchema = ...)}) may use, with {@code $ref} to a local {@code $defs} entry or {@code $anchor}.
 * The keywords in {@link #ANNOTATIONS} only describe; a hand-written schema with any other keyword is refused at
 * deployment ({@link #unenforceable}), so that no constraint a client is shown goes unchecked.
 */
final class SchemaValidator {

    /** The keywords this validator checks. */
    static final Set<String> ENFORCED = Set.of(
            "type",
            "enum",
            "const",
            "properties",
            "required",
            "additionalProperties",
            "items",
            "uniqueItems",
            "minItems",
            "maxItems",
            "minimum",
            "maximum",
            "exclusiveMinimum",
            "exclusiveMaximum",
            "minLength",
            "maxLength",
            "pattern",
            "allOf",
            "anyOf",
            "oneOf",
            "not",
            "if",
            "then",
            "else",
            "$ref",
            "$defs");

    /** The keywords that only describe (2020-12 annotations, and MCP's {@code x-mcp-header}). */
    static final Set<String> ANNOTATIONS = Set.of(
            "$schema",
            "$anchor",
            "$comment",
            "title",
            "description",
            "default",
            "examples",
            "format",
            "deprecated",
            "readOnly",
            "writeOnly",
            ToolScanner.X_MCP_HEADER);

    /** The compiled {@code pattern}s: the deployment's own schemas hold only so many. */
    private static final Map<String, Pattern> PATTERNS = new java.util.concurrent.ConcurrentHashMap<>();

    /** Stop after this many problems: enough to fix a call, bounded for hostile input. */
    private static final int MAX_PROBLEMS = 10;

    /** Deepest nesting of schemas followed, so that a {@code $ref} cycle ends. */
    private static final int MAX_DEPTH = 64;

    /** One validation: the root schema, for {@code $ref}, and the problems found. */
    private record Run(JsonObject root, Map<String, JsonObject> anchors, List<String> problems) {}

    private SchemaValidator() {}

    /** The problems of {@code value} against {@code schema}; empty when it is valid. */
    static List<String> validate(JsonValue value, JsonObject schema) {
        Run run = new Run(schema, anchors(schema), new ArrayList<>());
        check(value, schema, "", run, 0);
        List<String> problems = run.problems();
        return problems.size() > MAX_PROBLEMS ? problems.subList(0, MAX_PROBLEMS) : problems;
    }

    /**
     * What in a hand-written schema this validator could not enforce: unknown keywords, a {@code $ref} that is not a
     * local one that resolves, a {@code pattern} that is not a regular expression.
     *
     * @param schema the schema
     * @return one line per problem; empty when every constraint is checked
     */
    static List<String> unenforceable(JsonObject schema) {
        List<String> found = new ArrayList<>();
        walk(schema, "#", schema, anchors(schema), found, 0);
        return found;
    }

    private static void walk(
            JsonObject schema,
            String at,
            JsonObject root,
            Map<String, JsonObject> anchors,
            List<String> found,
            int depth) {
        if (depth > MAX_DEPTH) {
            found.add(at + ": nested too deeply");
            return;
        }
        for (Map.Entry<String, JsonValue> keyword : schema.entrySet()) {
            String name = keyword.getKey();
            JsonValue value = keyword.getValue();
            String here = at + "/" + name;
            if (!ENFORCED.contains(name) && !ANNOTATIONS.contains(name)) {
                found.add(here + ": the keyword " + name + " is not checked");
                continue;
            }
            switch (name) {
                case "properties", "$defs" -> {
                    if (value instanceof JsonObject members) {
                        members.forEach(
                                (member, sub) -> walkSub(sub, here + "/" + member, root, anchors, found, depth));
                    }
                }
                case "items", "additionalProperties", "not", "if", "then", "else" ->
                    walkSub(value, here, root, anchors, found, depth);
                case "allOf", "anyOf", "oneOf" -> {
                    if (value instanceof JsonArray list) {
                        for (int i = 0; i < list.size(); i++) {
                            walkSub(list.get(i), here + "/" + i, root, anchors, found, depth);
                        }
                    } else {
                        found.add(here + ": must be an array of schemas");
                    }
                }
                case "$ref" -> {
                    if (!(value instanceof JsonString ref)
                            || resolve(ref.getString(), root, anchors).isEmpty()) {
                        found.add(here + ": only a local reference that resolves (#/$defs/..., #anchor) is followed");
                    }
                }
                case "pattern" -> {
                    try {
                        Pattern.compile(value instanceof JsonString text ? text.getString() : "(");
                    } catch (PatternSyntaxException e) {
                        found.add(here + ": not a regular expression");
                    }
                }
                default -> {
                    // a value keyword: nothing below it
                }
            }
        }
    }

    private static void walkSub(
            JsonValue sub, String at, JsonObject root, Map<String, JsonObject> anchors, List<String> found, int depth) {
        if (sub instanceof JsonObject object) {
            walk(object, at, root, anchors, found, depth + 1);
        } else if (sub != JsonValue.TRUE && sub != JsonValue.FALSE) {
            found.add(at + ": not a schema");
        }
    }

    private static void check(JsonValue value, JsonValue schemaValue, String path, Run run, int depth) {
        List<String> problems = run.problems();
        if (problems.size() >= MAX_PROBLEMS) {
            return;
        }
        if (schemaValue == JsonValue.FALSE) {
            problems.add(where(path) + "not allowed");
            return;
        }
        if (!(schemaValue instanceof JsonObject schema)) {
            return; // true, or something the deployment already refused
        }
        if (depth > MAX_DEPTH) {
            problems.add(where(path) + "the schema nests too deeply");
            return;
        }
        if (schema.get("$ref") instanceof JsonString ref) {
            Optional<JsonObject> target = resolve(ref.getString(), run.root(), run.anchors());
            if (target.isEmpty()) {
                problems.add(where(path) + "the schema's reference " + ref.getString() + " does not resolve");
                return;
            }
            check(value, target.get(), path, run, depth + 1);
        }
        JsonValue type = schema.get("type");
        if (type != null && !hasType(value, type)) {
            problems.add(where(path) + "expected " + typeNames(type) + ", got " + describe(value));
            return;
        }
        JsonArray allowed = schema.getJsonArray("enum");
        if (allowed != null && !allowed.contains(value)) {
            problems.add(where(path) + "must be one of " + allowed);
        }
        if (schema.containsKey("const") && !schema.get("const").equals(value)) {
            problems.add(where(path) + "must be " + schema.get("const"));
        }
        if (value instanceof JsonNumber number) {
            checkRange(number.bigDecimalValue(), schema, path, problems);
        } else if (value instanceof JsonString text) {
            checkString(text.getString(), schema, path, problems);
        } else if (value instanceof JsonObject object) {
            checkObject(object, schema, path, run, depth);
        } else if (value instanceof JsonArray array) {
            checkArray(array, schema, path, run, depth);
        }
        checkCombinations(value, schema, path, run, depth);
    }

    private static void checkCombinations(JsonValue value, JsonObject schema, String path, Run run, int depth) {
        List<String> problems = run.problems();
        if (schema.get("allOf") instanceof JsonArray all) {
            for (JsonValue sub : all) {
                check(value, sub, path, run, depth + 1);
            }
        }
        if (schema.get("anyOf") instanceof JsonArray any) {
            List<String> first = null;
            boolean matched = false;
            for (JsonValue sub : any) {
                List<String> found = trial(value, sub, path, run, depth);
                matched |= found.isEmpty();
                first = first == null ? found : first;
            }
            if (!matched && problems.size() < MAX_PROBLEMS) {
                problems.add(where(path) + "must match at least one of " + any.size() + " alternatives"
                        + (first == null || first.isEmpty() ? "" : " (the first says: " + first.get(0) + ")"));
            }
        }
        if (schema.get("oneOf") instanceof JsonArray one) {
            long matching = one.stream()
                    .filter(sub -> trial(value, sub, path, run, depth).isEmpty())
                    .count();
            if (matching != 1 && problems.size() < MAX_PROBLEMS) {
                problems.add(
                        where(path) + "must match exactly one of " + one.size() + " alternatives, matches " + matching);
            }
        }
        if (schema.containsKey("not")
                && trial(value, schema.get("not"), path, run, depth).isEmpty()) {
            problems.add(where(path) + "must not match the schema under not");
        }
        if (schema.containsKey("if")) {
            boolean holds = trial(value, schema.get("if"), path, run, depth).isEmpty();
            JsonValue branch = schema.get(holds ? "then" : "else");
            if (branch != null) {
                check(value, branch, path, run, depth + 1);
            }
        }
    }

    /** The problems of {@code value} against a subschema, without adding them to the run's. */
    private static List<String> trial(JsonValue value, JsonValue schema, String path, Run run, int depth) {
        Run trial = new Run(run.root(), run.anchors(), new ArrayList<>());
        check(value, schema, path, trial, depth + 1);
        return trial.problems();
    }

    private static void checkObject(JsonObject object, JsonObject schema, String path, Run run, int depth) {
        List<String> problems = run.problems();
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
            JsonValue memberSchema = properties == null ? null : properties.get(member.getKey());
            if (memberSchema == null && additional instanceof JsonObject additionalSchema) {
                memberSchema = additionalSchema;
            }
            if (memberSchema != null) {
                // null stands for "absent" for optional properties; required ones were reported above
                if (member.getValue() != JsonValue.NULL) {
                    check(member.getValue(), memberSchema, memberPath, run, depth + 1);
                }
            } else if (additional == JsonValue.FALSE) {
                problems.add(where(memberPath) + "unknown argument");
            }
        }
    }

    private static void checkArray(JsonArray array, JsonObject schema, String path, Run run, int depth) {
        List<String> problems = run.problems();
        JsonValue items = schema.get("items");
        for (int i = 0; i < array.size() && items != null; i++) {
            check(array.get(i), items, path + "/" + i, run, depth + 1);
        }
        if (schema.getBoolean("uniqueItems", false) && new HashSet<>(array).size() != array.size()) {
            problems.add(where(path) + "items must be unique");
        }
        JsonNumber minItems = schema.getJsonNumber("minItems");
        JsonNumber maxItems = schema.getJsonNumber("maxItems");
        if (minItems != null && array.size() < minItems.longValue()) {
            problems.add(where(path) + "must have at least " + minItems + " items");
        }
        if (maxItems != null && array.size() > maxItems.longValue()) {
            problems.add(where(path) + "must have at most " + maxItems + " items");
        }
    }

    private static void checkString(String text, JsonObject schema, String path, List<String> problems) {
        long length = text.codePointCount(0, text.length());
        JsonNumber minLength = schema.getJsonNumber("minLength");
        JsonNumber maxLength = schema.getJsonNumber("maxLength");
        if (minLength != null && length < minLength.longValue()) {
            problems.add(where(path) + "must be at least " + minLength + " characters long");
        }
        if (maxLength != null && length > maxLength.longValue()) {
            problems.add(where(path) + "must be at most " + maxLength + " characters long");
        }
        if (schema.get("pattern") instanceof JsonString pattern
                && !PATTERNS.computeIfAbsent(pattern.getString(), Pattern::compile)
                        .matcher(text)
                        .find()) {
            problems.add(where(path) + "must match the pattern " + pattern.getString());
        }
    }

    private static void checkRange(BigDecimal number, JsonObject schema, String path, List<String> problems) {
        JsonNumber minimum = schema.getJsonNumber("minimum");
        JsonNumber maximum = schema.getJsonNumber("maximum");
        JsonNumber exclusiveMinimum = schema.getJsonNumber("exclusiveMinimum");
        JsonNumber exclusiveMaximum = schema.getJsonNumber("exclusiveMaximum");
        if (minimum != null && number.compareTo(minimum.bigDecimalValue()) < 0) {
            problems.add(where(path) + "must be at least " + minimum);
        }
        if (maximum != null && number.compareTo(maximum.bigDecimalValue()) > 0) {
            problems.add(where(path) + "must be at most " + maximum);
        }
        if (exclusiveMinimum != null && number.compareTo(exclusiveMinimum.bigDecimalValue()) <= 0) {
            problems.add(where(path) + "must be more than " + exclusiveMinimum);
        }
        if (exclusiveMaximum != null && number.compareTo(exclusiveMaximum.bigDecimalValue()) >= 0) {
            problems.add(where(path) + "must be less than " + exclusiveMaximum);
        }
    }

    /** The {@code $anchor}s of a schema, by name. */
    private static Map<String, JsonObject> anchors(JsonObject root) {
        Map<String, JsonObject> anchors = new HashMap<>();
        collectAnchors(root, anchors, 0);
        return anchors;
    }

    private static void collectAnchors(JsonValue schema, Map<String, JsonObject> anchors, int depth) {
        if (!(schema instanceof JsonObject object) || depth > MAX_DEPTH) {
            return;
        }
        if (object.get("$anchor") instanceof JsonString anchor) {
            anchors.putIfAbsent(anchor.getString(), object);
        }
        for (Map.Entry<String, JsonValue> keyword : object.entrySet()) {
            JsonValue value = keyword.getValue();
            switch (keyword.getKey()) {
                case "properties", "$defs" -> {
                    if (value instanceof JsonObject members) {
                        members.values().forEach(sub -> collectAnchors(sub, anchors, depth + 1));
                    }
                }
                case "allOf", "anyOf", "oneOf" -> {
                    if (value instanceof JsonArray list) {
                        list.forEach(sub -> collectAnchors(sub, anchors, depth + 1));
                    }
                }
                case "items", "additionalProperties", "not", "if", "then", "else" ->
                    collectAnchors(value, anchors, depth + 1);
                default -> {
                    // a value keyword
                }
            }
        }
    }

    /** A local reference: {@code #}, a JSON pointer {@code #/...}, or an anchor {@code #name}. */
    private static Optional<JsonObject> resolve(String ref, JsonObject root, Map<String, JsonObject> anchors) {
        if (ref.equals("#")) {
            return Optional.of(root);
        }
        if (!ref.startsWith("#/")) {
            return ref.startsWith("#") ? Optional.ofNullable(anchors.get(ref.substring(1))) : Optional.empty();
        }
        JsonValue at = root;
        for (String token : ref.substring(2).split("/", -1)) {
            String name = token.replace("~1", "/").replace("~0", "~");
            if (at instanceof JsonObject object && object.containsKey(name)) {
                at = object.get(name);
            } else if (at instanceof JsonArray array
                    && name.matches("[0-9]{1,9}")
                    && Integer.parseInt(name) < array.size()) {
                at = array.get(Integer.parseInt(name));
            } else {
                return Optional.empty();
            }
        }
        return at instanceof JsonObject object ? Optional.of(object) : Optional.empty();
    }

    private static boolean hasType(JsonValue value, JsonValue type) {
        if (type instanceof JsonArray types) {
            return types.stream().anyMatch(one -> hasType(value, one));
        }
        return !(type instanceof JsonString name) || hasType(value, name.getString());
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

    private static String typeNames(JsonValue type) {
        return type instanceof JsonString name ? name.getString() : "one of " + type;
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
