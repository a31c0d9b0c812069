package dev.mcpauth.runtime.protocol;

import dev.mcpauth.McpInput;
import dev.mcpauth.MissingClientCapabilityException;
import dev.mcpauth.TaskSupport;
import dev.mcpauth.runtime.auth.AllowedCall;
import dev.mcpauth.runtime.auth.AuditLog;
import dev.mcpauth.runtime.auth.Authorizer;
import dev.mcpauth.runtime.features.CallContext;
import dev.mcpauth.runtime.features.LiveInteraction;
import dev.mcpauth.runtime.features.ProgressStream;
import dev.mcpauth.runtime.jsonrpc.JsonRpcError;
import dev.mcpauth.runtime.jsonrpc.JsonRpcException;
import dev.mcpauth.runtime.jsonrpc.Jsonp;
import dev.mcpauth.runtime.jsonrpc.Printable;
import dev.mcpauth.runtime.session.ClientRequests;
import dev.mcpauth.runtime.tasks.Tasks;
import dev.mcpauth.runtime.tools.ToolDefinition;
import dev.mcpauth.runtime.tools.ToolInvoker;
import dev.mcpauth.runtime.tools.ToolRegistry;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/** Answers {@code tools/list} (with cursor pagination) and {@code tools/call} (MCP 2025-11-25, Tools). */
final class ToolsHandler {

    private ToolsHandler() {}

    static JsonObject list(JsonObject params, List<ToolDefinition> visible, int pageSize) {
        return Pages.page(params, visible, ToolDefinition::descriptor, pageSize, "tools");
    }

    /**
     * A {@code tools/call} whose every check ran: the tool, its arguments and the opened {@code requestState}.
     *
     * @param tool the tool
     * @param allowed the decision that the caller may call it, for the authorization interceptor
     * @param arguments its arguments, checked against its schema
     * @param state what the request's state holds ({@link RequestStates.Contents#NONE} without one)
     * @param asTask whether the call runs as a task: the tool may, and the client declared the tasks extension
     */
    record Call(
            ToolDefinition tool,
            AllowedCall allowed,
            JsonObject arguments,
            RequestStates.Contents state,
            boolean asTask) {

        /**
         * Whether the answer may be a stream: the tool reports progress and the client asked for progress or logs,
         * or the tool may ask a 2025-era session's client something (its questions travel on the stream). A task's
         * answer is its handle, never a stream.
         */
        boolean streams(McpRequest request) {
            return !asTask
                    && (tool.reportsProgress() && (request.progressToken() != null || request.logLevel() != null)
                            || tool.asksInput() && live(request));
        }
    }

    /**
     * Makes every check the request alone decides, once: the tool is looked up, the authorizer asked before the
     * arguments are looked at (so a caller without the scope learns what to ask for, not the schema), the
     * {@code Mcp-Param-*} headers compared with the arguments they mirror (required in a modern request, checked
     * whenever sent), the {@code requestState} opened, and the arguments checked against the schema.
     *
     * @param request the {@code tools/call}
     * @param registry the tools
     * @param authorizer decides whether the caller may call it
     * @param states opens request states
     * @param audit records a refused state
     * @return the call, ready to run
     * @throws JsonRpcException for invalid params, header mismatches and refused states
     * @throws dev.mcpauth.runtime.auth.AccessDeniedException when the caller may not call the tool
     */
    static Call prepare(
            McpRequest request, ToolRegistry registry, Authorizer authorizer, RequestStates states, AuditLog audit) {
        JsonObject params = request.params();
        if (!(params.get("name") instanceof JsonString name)) {
            throw new JsonRpcException(JsonRpcError.INVALID_PARAMS, "tools/call needs params.name, a string");
        }
        JsonValue arguments = params.getOrDefault("arguments", JsonValue.EMPTY_JSON_OBJECT);
        if (arguments == JsonValue.NULL) {
            arguments = JsonValue.EMPTY_JSON_OBJECT;
        }
        if (!(arguments instanceof JsonObject argumentObject)) {
            throw new JsonRpcException(JsonRpcError.INVALID_PARAMS, "tools/call params.arguments must be an object");
        }
        ToolDefinition tool = registry.find(name.getString())
                .orElseThrow(() -> new JsonRpcException(
                        JsonRpcError.INVALID_PARAMS, "Unknown tool: " + Printable.of(name.getString())));
        AllowedCall allowed = tool.method().authorize(authorizer, request.caller(), request.roles());
        boolean asTask = tool.runsAsTask() && TasksHandler.declared(request);
        if (request.modern() && tool.task() == TaskSupport.REQUIRED && !asTask) {
            throw TasksHandler.extensionRequired(
                    "Tool " + tool.name() + " runs only as a task: declare the " + Tasks.EXTENSION + " extension");
        }
        ParamHeaders.check(tool, argumentObject, request.metadata(), request.modern());
        RequestStates.Contents state = Rounds.open(request, item(tool), argumentObject, states, audit);
        ToolInvoker.validate(tool, argumentObject);
        return new Call(tool, allowed, argumentObject, state, asTask);
    }

    /**
     * Runs a prepared call: one round of the tool.
     *
     * @param call the prepared call
     * @param request the request, with the progress sink of its answer
     * @param invoker calls the tool's method
     * @param states seals the next round's state
     * @param clientRequests sends a 2025-era session's client the tool's questions
     * @param tasks starts tasks; null when no tool runs as one
     * @param complete the era's envelope of a complete result, which a task's result carries as the request would
     * @return the {@code CallToolResult}, an {@code InputRequiredResult} or a {@code CreateTaskResult}
     */
    static JsonObject run(
            Call call,
            McpRequest request,
            ToolInvoker invoker,
            RequestStates states,
            ClientRequests clientRequests,
            Tasks tasks,
            UnaryOperator<JsonObject> complete) {
        if (call.asTask()) {
            return startTask(call, request, invoker, states, tasks, complete);
        }
        try {
            if (request.progress() instanceof ProgressStream stream && live(request)) {
                // a 2025-era session with a stream: the tool's questions go out on it and the tool waits
                McpInput input = new LiveInteraction(
                        request.client(),
                        (method, params) -> clientRequests.ask(
                                request.session(), method, params, stream::deliver, stream::cancelled));
                return invoker.call(
                        call.tool(),
                        call.arguments(),
                        new CallContext(request.caller(), request.client(), input, stream, call.allowed()));
            }
            return Rounds.run(
                    request,
                    call.state(),
                    item(call.tool()),
                    call.arguments(),
                    states,
                    input -> invoker.call(
                            call.tool(),
                            call.arguments(),
                            new CallContext(
                                    request.caller(), request.client(), input, request.progress(), call.allowed())));
        } catch (MissingClientCapabilityException missing) {
            return missingCapability(missing, request.modern());
        }
    }

    /**
     * A call that runs as a task. A tool that runs wholly as a task gets its handle at once; one that returns
     * {@link dev.mcpauth.McpTask} first runs in the request, where it may ask its questions in rounds (the extension
     * wants them settled before the task exists), and its work becomes the task.
     */
    private static JsonObject startTask(
            Call call,
            McpRequest request,
            ToolInvoker invoker,
            RequestStates states,
            Tasks tasks,
            UnaryOperator<JsonObject> complete) {
        ToolDefinition tool = call.tool();
        if (!tool.deferred()) {
            return tasks.start(
                    request.caller(),
                    tool.name(),
                    request.client(),
                    (progress, input) -> complete.apply(guardCapabilities(() -> invoker.call(
                            tool,
                            call.arguments(),
                            new CallContext(request.caller(), request.client(), input, progress, call.allowed())))));
        }
        try {
            return Rounds.run(
                    request,
                    call.state(),
                    item(tool),
                    call.arguments(),
                    states,
                    input -> invoker.call(
                            tool,
                            call.arguments(),
                            new CallContext(
                                    request.caller(), request.client(), input, request.progress(), call.allowed()),
                            work -> tasks.start(
                                    request.caller(),
                                    tool.name(),
                                    request.client(),
                                    (progress, taskInput) -> complete.apply(guardCapabilities(
                                            () -> invoker.runWork(tool, work, progress, taskInput))))));
        } catch (MissingClientCapabilityException missing) {
            return missingCapability(missing, true);
        }
    }

    /** Inside a task, asking the client for what it did not declare is a protocol error: the task fails with it. */
    private static JsonObject guardCapabilities(Supplier<JsonObject> call) {
        try {
            return call.get();
        } catch (MissingClientCapabilityException missing) {
            return missingCapability(missing, true);
        }
    }

    /**
     * A tool asked the client for something the client did not declare: a 2025-era call gets a tool error, a modern
     * one the error {@code -32021} naming the capabilities.
     */
    private static JsonObject missingCapability(MissingClientCapabilityException missing, boolean modern) {
        if (!modern) {
            // 2025 revisions have no error for it, and a stateless server never knew the capabilities anyway
            return Jsonp.object()
                    .add(
                            "content",
                            Jsonp.array().add(Jsonp.object().add("type", "text").add("text", missing.getMessage())))
                    .add("isError", true)
                    .build();
        }
        JsonObjectBuilder required = Jsonp.object();
        missing.missing().forEach(capability -> {
            // elicitation.url is the url mode of the elicitation capability: {"elicitation": {"url": {}}}
            int dot = capability.indexOf('.');
            required.add(
                    dot < 0 ? capability : capability.substring(0, dot),
                    dot < 0
                            ? JsonValue.EMPTY_JSON_OBJECT
                            : Jsonp.object()
                                    .add(capability.substring(dot + 1), JsonValue.EMPTY_JSON_OBJECT)
                                    .build());
        });
        throw new JsonRpcException(
                JsonRpcError.MISSING_REQUIRED_CLIENT_CAPABILITY,
                missing.getMessage(),
                Jsonp.object().add("requiredCapabilities", required).build(),
                400);
    }

    /** A 2025-era request in a session whose client can be asked something: its questions go on the call's stream. */
    private static boolean live(McpRequest request) {
        return !request.modern()
                && request.session() != null
                && (request.client().hasCapability(McpInput.ELICITATION)
                        || request.client().hasCapability(McpInput.SAMPLING)
                        || request.client().hasCapability(McpInput.ROOTS));
    }

    private static String item(ToolDefinition tool) {
        return "tools/call " + tool.name();
    }
}
