package dev.mcpauth.runtime.tools;

import dev.mcpauth.runtime.jsonrpc.Jsonp;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTransient;
import java.beans.IntrospectionException;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Builds JSON Schema (2020-12, the MCP 2025-11-25 default dialect) for the Java types a tool takes and
 * returns. The mapping follows what JSON-B does with the same types, so a value that passes the schema
 * also binds. Runs once per tool at deployment, never per request.
 */
final class JsonSchemaGenerator {

    private static final Map<Class<?>, String> STRING_FORMATS = Map.of(
            UUID.class, "uuid",
            URI.class, "uri",
            LocalDate.class, "date",
            LocalTime.class, "time",
            LocalDateTime.class, "date-time",
            OffsetDateTime.class, "date-time",
            ZonedDateTime.class, "date-time",
            Instant.class, "date-time");

    private final Deque<Class<?>> inProgress = new ArrayDeque<>();
    private final boolean forOutput;

    /**
     * A generator for input schemas (a record's components are required unless {@code Optional}) or for
     * output schemas (only primitive components are required, because JSON-B leaves out null values).
     *
     * @param forOutput whether the schema describes values the server writes
     */
    JsonSchemaGenerator(boolean forOutput) {
        this.forOutput = forOutput;
    }

    /** The schema of a value of {@code type}; {@code Optional<T>} gives the schema of {@code T}. */
    JsonObject schemaOf(Type type) throws UnsupportedTypeException {
        return build(type).build();
    }

    /** Whether a property of this type may be left out: {@code Optional} and its primitive variants. */
    static boolean isOptionalType(Type type) {
        return rawClass(type) == Optional.class;
    }

    /** Whether values of this type are JSON objects (records, POJOs, maps), so they may be structured content. */
    static boolean isObjectType(Type type) {
        Class<?> raw = rawClass(type);
        if (raw == null || Map.class.isAssignableFrom(raw)) {
            return raw != null;
        }
        return !isScalar(raw) && !raw.isArray() && !Collection.class.isAssignableFrom(raw) && raw != Optional.class;
    }

    /** Whether values of this type are JSON arrays. */
    static boolean isArrayType(Type type) {
        Class<?> raw = rawClass(type);
        return type instanceof GenericArrayType
                || raw != null && (raw.isArray() || Collection.class.isAssignableFrom(raw));
    }

    static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
            return c;
        }
        return null;
    }

    private static boolean isScalar(Class<?> c) {
        return c.isPrimitive()
                || c == String.class
                || c == Character.class
                || Number.class.isAssignableFrom(c)
                || c == Boolean.class
                || c.isEnum()
                || STRING_FORMATS.containsKey(c);
    }

    private JsonObjectBuilder build(Type type) throws UnsupportedTypeException {
        if (type instanceof Class<?> c) {
            return forClass(c);
        }
        if (type instanceof GenericArrayType g) {
            return array(g.getGenericComponentType(), false);
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
            Type[] args = p.getActualTypeArguments();
            if (raw == Optional.class) {
                return build(args[0]);
            }
            if (raw == List.class
                    || raw == Collection.class
                    || raw == Iterable.class
                    || raw == Set.class
                    || (Collection.class.isAssignableFrom(raw) && !raw.isInterface())) {
                return array(args[0], Set.class.isAssignableFrom(raw));
            }
            if (Map.class.isAssignableFrom(raw)) {
                if (args[0] != String.class) {
                    throw new UnsupportedTypeException(
                            p.getTypeName() + " is not supported: JSON object keys are strings, use Map<String, V>");
                }
                return Jsonp.object().add("type", "object").add("additionalProperties", build(args[1]));
            }
            throw new UnsupportedTypeException("generic type " + p.getTypeName() + " is not supported");
        }
        throw new UnsupportedTypeException("type " + type.getTypeName()
                + " is not supported: use a concrete type, not a type variable or wildcard");
    }

    private JsonObjectBuilder forClass(Class<?> c) throws UnsupportedTypeException {
        if (c == String.class || c == char.class || c == Character.class) {
            return type("string");
        }
        String format = STRING_FORMATS.get(c);
        if (format != null) {
            return type("string").add("format", format);
        }
        if (c == boolean.class || c == Boolean.class) {
            return type("boolean");
        }
        if (c == int.class || c == Integer.class) {
            return type("integer").add("minimum", Integer.MIN_VALUE).add("maximum", Integer.MAX_VALUE);
        }
        if (c == long.class || c == Long.class) {
            return type("integer").add("minimum", Long.MIN_VALUE).add("maximum", Long.MAX_VALUE);
        }
        if (c == short.class || c == Short.class) {
            return type("integer").add("minimum", Short.MIN_VALUE).add("maximum", Short.MAX_VALUE);
        }
        if (c == byte.class || c == Byte.class) {
            return type("integer").add("minimum", Byte.MIN_VALUE).add("maximum", Byte.MAX_VALUE);
        }
        if (c == BigInteger.class) {
            return type("integer");
        }
        if (c == double.class || c == Double.class || c == float.class || c == Float.class || c == BigDecimal.class) {
            return type("number");
        }
        if (c.isEnum()) {
            JsonArrayBuilder values = Jsonp.array();
            for (Object constant : c.getEnumConstants()) {
                values.add(((Enum<?>) constant).name());
            }
            return type("string").add("enum", values);
        }
        if (c.isArray()) {
            return array(c.getComponentType(), false);
        }
        if (Collection.class.isAssignableFrom(c) || Map.class.isAssignableFrom(c) || c == Optional.class) {
            throw new UnsupportedTypeException(
                    "raw type " + c.getName() + " is not supported: give its type arguments, such as List<String>");
        }
        if (c == Object.class
                || c.isInterface()
                || Modifier.isAbstract(c.getModifiers())
                || c.isPrimitive()
                || c.getName().startsWith("java.")) {
            throw new UnsupportedTypeException(
                    "type " + c.getName() + " is not supported: use a string, number, boolean,"
                            + " enum, Optional, List, array, Map<String, V>, record or simple POJO");
        }
        if (inProgress.contains(c)) {
            throw new UnsupportedTypeException("recursive type " + c.getName() + " is not supported");
        }
        inProgress.push(c);
        try {
            return c.isRecord() ? record(c) : pojo(c);
        } finally {
            inProgress.pop();
        }
    }

    private JsonObjectBuilder record(Class<?> c) throws UnsupportedTypeException {
        JsonObjectBuilder properties = Jsonp.object();
        JsonArrayBuilder required = Jsonp.array();
        for (RecordComponent component : c.getRecordComponents()) {
            if (component.getAccessor().isAnnotationPresent(JsonbTransient.class)) {
                continue;
            }
            JsonbProperty rename = component.getAccessor().getAnnotation(JsonbProperty.class);
            String name = rename != null && !rename.value().isEmpty() ? rename.value() : component.getName();
            properties.add(name, property(c, name, component.getGenericType()));
            if (forOutput ? component.getType().isPrimitive() : !isOptionalType(component.getGenericType())) {
                required.add(name);
            }
        }
        return type("object").add("properties", properties).add("required", required);
    }

    /** A POJO's properties as JSON-B sees them by default: public fields and public getters. */
    private JsonObjectBuilder pojo(Class<?> c) throws UnsupportedTypeException {
        Map<String, Type> found = new LinkedHashMap<>();
        for (Field field : c.getFields()) {
            if (!Modifier.isStatic(field.getModifiers())
                    && !Modifier.isTransient(field.getModifiers())
                    && !field.isAnnotationPresent(JsonbTransient.class)) {
                found.put(jsonName(field.getName(), field.getAnnotation(JsonbProperty.class)), field.getGenericType());
            }
        }
        try {
            for (PropertyDescriptor descriptor :
                    Introspector.getBeanInfo(c, Object.class).getPropertyDescriptors()) {
                if (descriptor.getReadMethod() == null) {
                    continue;
                }
                // JSON-B reads a property's annotations from its getter and from the (often private) field behind it
                Field backing = declaredField(c, descriptor.getName());
                if (descriptor.getReadMethod().isAnnotationPresent(JsonbTransient.class)
                        || backing != null && backing.isAnnotationPresent(JsonbTransient.class)) {
                    continue;
                }
                JsonbProperty rename = descriptor.getReadMethod().getAnnotation(JsonbProperty.class);
                if (rename == null && backing != null) {
                    rename = backing.getAnnotation(JsonbProperty.class);
                }
                found.putIfAbsent(
                        jsonName(descriptor.getName(), rename),
                        descriptor.getReadMethod().getGenericReturnType());
            }
        } catch (IntrospectionException e) {
            throw new UnsupportedTypeException("type " + c.getName() + " cannot be introspected: " + e.getMessage());
        }
        if (found.isEmpty()) {
            throw new UnsupportedTypeException(
                    "type " + c.getName() + " has no public fields or getters to map to JSON");
        }
        JsonObjectBuilder properties = Jsonp.object();
        for (Map.Entry<String, Type> property : found.entrySet()) {
            properties.add(property.getKey(), property(c, property.getKey(), property.getValue()));
        }
        return type("object").add("properties", properties);
    }

    private static Field declaredField(Class<?> c, String name) {
        for (Class<?> type = c; type != null && type != Object.class; type = type.getSuperclass()) {
            try {
                return type.getDeclaredField(name);
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        return null;
    }

    private JsonObjectBuilder property(Class<?> owner, String name, Type type) throws UnsupportedTypeException {
        try {
            return build(type);
        } catch (UnsupportedTypeException e) {
            if (e.getMessage().startsWith("in ")) {
                throw e;
            }
            throw new UnsupportedTypeException("in " + owner.getSimpleName() + "." + name + ": " + e.getMessage());
        }
    }

    private JsonObjectBuilder array(Type items, boolean unique) throws UnsupportedTypeException {
        JsonObjectBuilder schema = type("array").add("items", build(items));
        return unique ? schema.add("uniqueItems", true) : schema;
    }

    private static String jsonName(String javaName, JsonbProperty rename) {
        return rename != null && !rename.value().isEmpty() ? rename.value() : javaName;
    }

    private static JsonObjectBuilder type(String type) {
        return Jsonp.object().add("type", type);
    }
}
