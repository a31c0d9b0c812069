package dev.mcpauth.apicheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The public API of compiled classes as sorted text: one entry per element a user can compile or link against, keyed
 * by what identifies it ({@code dev.mcpauth.McpInput method elicit(java.lang.String,java.lang.String,java.util.Map)})
 * and valued by what a change of it would break ({@code public abstract dev.mcpauth.McpInput$Answer elicit(...)}).
 *
 * <p>Every public or protected type (nested types only inside such types) and its public and protected
 * constructors, methods, fields, enum constants, record components, supertypes and runtime-visible annotations.
 * Annotation element defaults and the values of constant fields are part of the value, since both are compiled into
 * the user's classes. Types are written by this class, not by {@code toString()}, whose format differs between JDK
 * releases: the build runs on JDK 17 and 25 and both must write the same text.
 */
final class ApiSignature {

    /** The modifiers that matter to a user of the API (not synchronized, native, strictfp, transient, volatile). */
    private static final int API_MODIFIERS =
            Modifier.PUBLIC | Modifier.PROTECTED | Modifier.ABSTRACT | Modifier.STATIC | Modifier.FINAL;

    private ApiSignature() {}

    /**
     * The API of every class under a classes directory, loaded (not initialized) through a class loader that sees it.
     *
     * @param classes a directory such as {@code target/classes}
     * @param loader a class loader that loads those classes
     * @return the entries, sorted by key
     */
    static SortedMap<String, String> of(Path classes, ClassLoader loader) {
        SortedMap<String, String> api = new TreeMap<>();
        for (String name : classNames(classes)) {
            Class<?> type;
            try {
                type = Class.forName(name, false, loader);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("cannot load " + name + " from " + classes, e);
            }
            if (exported(type)) {
                api.putAll(of(type));
            }
        }
        return api;
    }

    /**
     * The entries of one type, without its nested types.
     *
     * @param type the type
     * @return the entries, sorted by key
     */
    static SortedMap<String, String> of(Class<?> type) {
        SortedMap<String, String> api = new TreeMap<>();
        String owner = type.getName();
        api.put(owner + " type", typeDeclaration(type));
        annotations(api, owner, type.getDeclaredAnnotations());
        if (type.getGenericSuperclass() != null && type.getSuperclass() != Object.class) {
            api.put(owner + " supertype " + type.getSuperclass().getName(), name(type.getGenericSuperclass()));
        }
        for (Type supertype : type.getGenericInterfaces()) {
            api.put(owner + " supertype " + raw(supertype).getName(), name(supertype));
        }
        if (type.isRecord()) {
            RecordComponent[] components = type.getRecordComponents();
            for (int i = 0; i < components.length; i++) {
                api.put(
                        owner + " component " + i,
                        name(components[i].getGenericType()) + " " + components[i].getName());
            }
        }
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            if (visible(constructor.getModifiers()) && !constructor.isSynthetic()) {
                String key = owner + " constructor " + "(" + erased(constructor.getParameterTypes()) + ")";
                api.put(
                        key,
                        modifiers(constructor.getModifiers())
                                + typeParameters(constructor.getTypeParameters())
                                + type.getSimpleName()
                                + parameters(constructor)
                                + exceptions(constructor));
                annotations(api, key, constructor.getDeclaredAnnotations());
            }
        }
        for (Method method : type.getDeclaredMethods()) {
            if (visible(method.getModifiers()) && !method.isSynthetic() && !method.isBridge()) {
                String key = owner + " method " + method.getName() + "(" + erased(method.getParameterTypes()) + ")";
                api.put(key, methodDeclaration(method));
                annotations(api, key, method.getDeclaredAnnotations());
            }
        }
        for (Field field : type.getDeclaredFields()) {
            if (visible(field.getModifiers()) && !field.isSynthetic()) {
                String key = owner + (field.isEnumConstant() ? " constant " : " field ") + field.getName();
                api.put(key, field.isEnumConstant() ? "enum constant" : fieldDeclaration(field));
                annotations(api, key, field.getDeclaredAnnotations());
            }
        }
        return api;
    }

    /** Whether a user outside the package can name the type: public, or a public or protected member of such a type. */
    static boolean exported(Class<?> type) {
        if (type.isAnonymousClass() || type.isLocalClass() || type.isSynthetic()) {
            return false;
        }
        if (type.getEnclosingClass() == null) {
            return Modifier.isPublic(type.getModifiers());
        }
        return visible(type.getModifiers()) && exported(type.getEnclosingClass());
    }

    private static boolean visible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private static List<String> classNames(Path classes) {
        try (Stream<Path> files = Files.walk(classes)) {
            return files.filter(f -> f.toString().endsWith(".class"))
                    .map(f -> classes.relativize(f)
                            .toString()
                            .replace(f.getFileSystem().getSeparator(), "."))
                    .map(f -> f.substring(0, f.length() - ".class".length()))
                    .filter(n -> !n.endsWith("package-info") && !n.equals("module-info"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String typeDeclaration(Class<?> type) {
        String kind = type.isAnnotation()
                ? "@interface"
                : type.isInterface() ? "interface" : type.isEnum() ? "enum" : type.isRecord() ? "record" : "class";
        int modifiers = type.getModifiers() & API_MODIFIERS;
        if (type.isInterface()) {
            modifiers &= ~Modifier.ABSTRACT; // implied
        }
        StringBuilder declaration = new StringBuilder(Modifier.toString(modifiers));
        if (type.isSealed()) {
            declaration.append(" sealed");
        } else if (!Modifier.isFinal(type.getModifiers()) && hasSealedSupertype(type)) {
            declaration.append(" non-sealed");
        }
        declaration
                .append(' ')
                .append(kind)
                .append(' ')
                .append(type.getName())
                .append(typeParameters(type.getTypeParameters()).stripTrailing());
        if (type.isSealed()) {
            declaration
                    .append(" permits ")
                    .append(Arrays.stream(type.getPermittedSubclasses())
                            .map(Class::getName)
                            .sorted()
                            .collect(Collectors.joining(", ")));
        }
        return declaration.toString().strip();
    }

    private static boolean hasSealedSupertype(Class<?> type) {
        return (type.getSuperclass() != null && type.getSuperclass().isSealed())
                || Arrays.stream(type.getInterfaces()).anyMatch(Class::isSealed);
    }

    private static String methodDeclaration(Method method) {
        StringBuilder declaration = new StringBuilder(modifiers(method.getModifiers()));
        if (method.isDefault()) {
            declaration.append("default ");
        }
        declaration
                .append(typeParameters(method.getTypeParameters()))
                .append(name(method.getGenericReturnType()))
                .append(' ')
                .append(method.getName())
                .append(parameters(method))
                .append(exceptions(method));
        if (method.getDefaultValue() != null) {
            declaration.append(" default ").append(value(method.getDefaultValue()));
        }
        return declaration.toString();
    }

    private static String fieldDeclaration(Field field) {
        String declaration = modifiers(field.getModifiers()) + name(field.getGenericType());
        boolean constant = Modifier.isStatic(field.getModifiers())
                && Modifier.isFinal(field.getModifiers())
                && (field.getType().isPrimitive() || field.getType() == String.class);
        if (!constant) {
            return declaration;
        }
        try {
            field.trySetAccessible(); // a protected constant of another package
            return declaration + " = " + value(field.get(null)); // compiled into the user's classes
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read the constant " + field, e);
        }
    }

    private static String modifiers(int modifiers) {
        String text = Modifier.toString(modifiers & API_MODIFIERS);
        return text.isEmpty() ? "" : text + " ";
    }

    private static String typeParameters(TypeVariable<?>[] parameters) {
        if (parameters.length == 0) {
            return "";
        }
        return Arrays.stream(parameters)
                .map(parameter -> {
                    List<Type> bounds = Arrays.stream(parameter.getBounds())
                            .filter(bound -> bound != Object.class)
                            .toList();
                    return parameter.getName()
                            + (bounds.isEmpty()
                                    ? ""
                                    : " extends "
                                            + bounds.stream()
                                                    .map(ApiSignature::name)
                                                    .collect(Collectors.joining(" & ")));
                })
                .collect(Collectors.joining(", ", "<", "> "));
    }

    private static String parameters(Executable executable) {
        Type[] types = executable.getGenericParameterTypes();
        if (types.length != executable.getParameterCount()) {
            types = executable.getParameterTypes(); // an inner class's constructor may leave out the outer instance
        }
        String[] names = Arrays.stream(types).map(ApiSignature::name).toArray(String[]::new);
        if (executable.isVarArgs()) {
            String last = names[names.length - 1];
            names[names.length - 1] = last.substring(0, last.length() - 2) + "...";
        }
        return "(" + String.join(", ", names) + ")";
    }

    private static String exceptions(Executable executable) {
        String exceptions = Arrays.stream(executable.getGenericExceptionTypes())
                .map(ApiSignature::name)
                .sorted()
                .collect(Collectors.joining(", "));
        return exceptions.isEmpty() ? "" : " throws " + exceptions;
    }

    private static String erased(Class<?>[] types) {
        return Arrays.stream(types).map(ApiSignature::name).collect(Collectors.joining(","));
    }

    private static void annotations(Map<String, String> api, String key, Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            api.put(key + " annotation " + annotation.annotationType().getName(), value(annotation));
        }
    }

    /** A type as source would write it, with binary names for nested types ({@code dev.mcpauth.McpInput$Answer}). */
    static String name(Type type) {
        if (type instanceof Class<?> c) {
            return c.isArray() ? name(c.getComponentType()) + "[]" : c.getName();
        }
        if (type instanceof ParameterizedType p) {
            return raw(p).getName()
                    + Arrays.stream(p.getActualTypeArguments())
                            .map(ApiSignature::name)
                            .collect(Collectors.joining(", ", "<", ">"));
        }
        if (type instanceof WildcardType w) {
            if (w.getLowerBounds().length > 0) {
                return "? super " + name(w.getLowerBounds()[0]);
            }
            Type upper = w.getUpperBounds()[0];
            return upper == Object.class ? "?" : "? extends " + name(upper);
        }
        if (type instanceof GenericArrayType g) {
            return name(g.getGenericComponentType()) + "[]";
        }
        if (type instanceof TypeVariable<?> v) {
            return v.getName();
        }
        throw new IllegalArgumentException("unknown kind of type: " + type);
    }

    private static Class<?> raw(Type type) {
        return type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
    }

    /** A constant, annotation element value or annotation as source would write it. */
    static String value(Object value) {
        if (value instanceof String s) {
            return '"' + escape(s) + '"';
        }
        if (value instanceof Character c) {
            return "'" + escape(c.toString()) + "'";
        }
        if (value instanceof Long l) {
            return l + "L";
        }
        if (value instanceof Float f) {
            return f + "f";
        }
        if (value instanceof Class<?> c) {
            return name(c) + ".class";
        }
        if (value instanceof Enum<?> e) {
            return e.getDeclaringClass().getName() + "." + e.name();
        }
        if (value instanceof Annotation annotation) {
            Method[] elements = annotation.annotationType().getDeclaredMethods();
            Arrays.sort(elements, Comparator.comparing(Method::getName));
            String arguments = Arrays.stream(elements)
                    .map(element -> element.getName() + "=" + value(element(annotation, element)))
                    .collect(Collectors.joining(", "));
            return "@" + annotation.annotationType().getName() + (arguments.isEmpty() ? "" : "(" + arguments + ")");
        }
        if (value != null && value.getClass().isArray()) {
            return Stream.iterate(0, i -> i < Array.getLength(value), i -> i + 1)
                    .map(i -> value(Array.get(value, i)))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        return String.valueOf(value);
    }

    private static Object element(Annotation annotation, Method element) {
        try {
            element.trySetAccessible(); // an annotation type that is not public
            return element.invoke(annotation);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + element + " of " + annotation.annotationType(), e);
        }
    }

    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> escaped.append("\\\"");
                case '\'' -> escaped.append("\\'");
                case '\\' -> escaped.append("\\\\");
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                case '\t' -> escaped.append("\\t");
                default -> escaped.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return escaped.toString();
    }
}
