package dev.mcpauth.runtime.tools;

import dev.mcpauth.Tool;
import dev.mcpauth.runtime.auth.AccessRequirement;
import dev.mcpauth.runtime.features.ScanResult;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

/** Builds tool definitions from test classes the way deployment does, for tests in other packages too. */
public final class TestTools {

    private TestTools() {}

    /** The definition of the {@link Tool} method {@code name} of {@code type}; fails the test on any problem. */
    public static ToolDefinition define(Class<?> type, String name) {
        ScanResult<ToolDefinition> outcome = scan(type, name);
        if (outcome.definition() == null) {
            throw new AssertionError("tool " + name + " has problems: " + outcome.problems());
        }
        return outcome.definition();
    }

    /** The definitions of every {@link Tool} method of {@code type}, in method-name order. */
    public static List<ToolDefinition> defineAll(Class<?> type) {
        return Arrays.stream(type.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(Tool.class))
                .map(Method::getName)
                .sorted()
                .map(name -> define(type, name))
                .toList();
    }

    /** The problems scanning the {@link Tool} method {@code name} of {@code type} reports. */
    public static List<String> problemsOf(Class<?> type, String name) {
        return scan(type, name).problems();
    }

    private static ScanResult<ToolDefinition> scan(Class<?> type, String name) {
        Method method = method(type, name);
        return ToolScanner.scan(method, null, AccessRequirement.of(method, type));
    }

    static Method method(Class<?> type, String name) {
        List<Method> found = Arrays.stream(type.getDeclaredMethods())
                .filter(m -> m.getName().equals(name))
                .toList();
        if (found.size() != 1) {
            throw new AssertionError(
                    "expected one method " + name + " in " + type.getName() + ", found " + found.size());
        }
        return found.get(0);
    }
}
