package dev.mcpauth.runtime.tools;

import dev.mcpauth.TaskSupport;
import dev.mcpauth.runtime.features.ContextArgument;
import dev.mcpauth.runtime.features.FeatureMethod;
import jakarta.json.JsonObject;
import java.util.List;

/**
 * Everything the runtime knows about one tool, computed once at deployment: its wire descriptor for
 * {@code tools/list}, its input schema, how to bind arguments, the method and what a caller needs to call it, and how
 * to map its result.
 *
 * @param name the tool name
 * @param descriptor the {@code Tool} object sent in {@code tools/list}
 * @param method the bean method and its access requirement: the one model every authorization check reads
 * @param parameters the parameters in declaration order
 * @param inputSchema the JSON Schema of {@code arguments}
 * @param resultKind how the return value is mapped
 * @param headerArguments the arguments mirrored into {@code Mcp-Param-*} headers
 * @param task whether it runs as a task for clients of the tasks extension
 * @param deferred whether the method returns {@link dev.mcpauth.McpTask}: it settles things in the request and hands
 *     back the work that runs as the task
 */
public record ToolDefinition(
        String name,
        JsonObject descriptor,
        FeatureMethod method,
        List<ToolParameter> parameters,
        JsonObject inputSchema,
        ResultKind resultKind,
        List<HeaderArgument> headerArguments,
        TaskSupport task,
        boolean deferred) {

    /** A tool that never runs as a task. */
    public ToolDefinition(
            String name,
            JsonObject descriptor,
            FeatureMethod method,
            List<ToolParameter> parameters,
            JsonObject inputSchema,
            ResultKind resultKind,
            List<HeaderArgument> headerArguments) {
        this(name, descriptor, method, parameters, inputSchema, resultKind, headerArguments, TaskSupport.NONE, false);
    }

    /** Whether the tool may run as a task. */
    public boolean runsAsTask() {
        return task != TaskSupport.NONE;
    }

    /** Whether the tool may ask the client something: it takes {@link dev.mcpauth.McpInput}. */
    public boolean asksInput() {
        return parameters.stream().anyMatch(parameter -> parameter.context() == ContextArgument.INPUT);
    }

    /** Whether the tool reports progress (has an {@code McpProgress} parameter), so its answer may be a stream. */
    public boolean reportsProgress() {
        return parameters.stream().anyMatch(parameter -> parameter.context() == ContextArgument.PROGRESS);
    }
}
