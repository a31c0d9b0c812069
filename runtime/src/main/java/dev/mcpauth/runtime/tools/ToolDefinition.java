package dev.mcpauth.runtime.tools;

import dev.mcpauth.runtime.auth.AccessRequirement;
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
 * @param access what a caller needs to call it: the one model every authorization check reads
 * @param headerArguments the arguments mirrored into {@code Mcp-Param-*} headers
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
        AccessRequirement access,
        List<HeaderArgument> headerArguments) {

    /** Whether the tool reports progress (has an {@code McpProgress} parameter), so its answer may be a stream. */
    public boolean reportsProgress() {
        return parameters.stream().anyMatch(parameter -> parameter.source() == ToolParameter.Source.PROGRESS);
    }

    /** A tool without header-mirrored arguments. */
    @SuppressWarnings("checkstyle:ParameterNumber")
    public ToolDefinition(String name, JsonObject descriptor, Bean<?> bean, MethodHandle invoker, String declaringMethod,
            List<ToolParameter> parameters, JsonObject inputSchema, ResultKind resultKind, AccessRequirement access) {
        this(name, descriptor, bean, invoker, declaringMethod, parameters, inputSchema, resultKind, access, List.of());
    }
}
