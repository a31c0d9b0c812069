package dev.mcpauth.runtime.tools;

import jakarta.enterprise.inject.spi.Bean;
import jakarta.json.JsonObject;
import java.lang.invoke.MethodHandle;
import java.util.List;

/**
 * Everything the runtime knows about one tool, computed once at deployment: its wire descriptor for
 * {@code tools/list}, its input schema, how to bind arguments, how to call it and how to map its result.
 *
 * @param name the tool name
 * @param descriptor the {@code Tool} object sent in {@code tools/list}
 * @param bean the CDI bean declaring the method
 * @param invoker the method as a handle, taking the bean instance then the arguments
 * @param declaringMethod {@code Class#method} for logs and messages
 * @param parameters the parameters in declaration order
 * @param inputSchema the JSON Schema of {@code arguments}
 * @param resultKind how the return value is mapped
 * @param requiredScopes every scope a call needs: the bean's {@code @RequiresScope} and the method's
 * @param methodLevelScopes whether the method adds scopes of its own to its bean's
 * @param rolesAllowed the Jakarta {@code @RolesAllowed} roles, any of which the caller must have; empty when
 *     the tool has none
 */
public record ToolDefinition(
        String name,
        JsonObject descriptor,
        Bean<?> bean,
        MethodHandle invoker,
        String declaringMethod,
        List<ToolParameter> parameters,
        JsonObject inputSchema,
        ResultKind resultKind,
        List<String> requiredScopes,
        boolean methodLevelScopes,
        List<String> rolesAllowed) {

    /** A tool without {@code @RolesAllowed}. */
    @SuppressWarnings("checkstyle:ParameterNumber")
    public ToolDefinition(String name, JsonObject descriptor, Bean<?> bean, MethodHandle invoker, String declaringMethod,
            List<ToolParameter> parameters, JsonObject inputSchema, ResultKind resultKind, List<String> requiredScopes,
            boolean methodLevelScopes) {
        this(name, descriptor, bean, invoker, declaringMethod, parameters, inputSchema, resultKind, requiredScopes,
                methodLevelScopes, List.of());
    }
}
