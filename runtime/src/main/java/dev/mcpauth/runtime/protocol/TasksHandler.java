package dev.mcpauth.runtime.protocol;

import dev.mcpauth.runtime.auth.AuditLog;
import dev.mcpauth.runtime.auth.Authorizer;
import dev.mcpauth.runtime.jsonrpc.JsonRpcError;
import dev.mcpauth.runtime.jsonrpc.JsonRpcException;
import dev.mcpauth.runtime.jsonrpc.Jsonp;
import dev.mcpauth.runtime.tasks.TaskView;
import dev.mcpauth.runtime.tasks.Tasks;
import dev.mcpauth.runtime.tools.ToolRegistry;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;

/**
 * Answers {@code tasks/get}, {@code tasks/update} and {@code tasks/cancel} (MCP 2026-07-28 tasks extension). A task
 * exists only for its creator: another caller's request is answered exactly like one for an unknown task, and
 * audited. Reading a task, or answering its questions, asks again for the scopes of the tool it runs, so a token
 * that lost a scope since does not read the result.
 */
final class TasksHandler {

    private TasksHandler() {}

    static JsonObject get(McpRequest request, Tasks tasks, ToolRegistry tools, Authorizer authorizer, AuditLog audit) {
        TaskView task = owned(request, tasks, tools, authorizer, audit, true);
        return task.detailed();
    }

    static JsonObject update(
            McpRequest request, Tasks tasks, ToolRegistry tools, Authorizer authorizer, AuditLog audit) {
        if (!(request.params().get("inputResponses") instanceof JsonObject responses)) {
            throw new JsonRpcException(
                    JsonRpcError.INVALID_PARAMS, "tasks/update needs params.inputResponses, an object");
        }
        tasks.update(owned(request, tasks, tools, authorizer, audit, true), responses);
        return JsonValue.EMPTY_JSON_OBJECT;
    }

    static JsonObject cancel(
            McpRequest request, Tasks tasks, ToolRegistry tools, Authorizer authorizer, AuditLog audit) {
        // cancelling one's own task needs no scope: stopping work never grants anything
        tasks.cancel(owned(request, tasks, tools, authorizer, audit, false));
        return JsonValue.EMPTY_JSON_OBJECT;
    }

    /**
     * The error for a request of a client that did not declare the extension (or a tool that runs only as a task,
     * called by one).
     */
    static JsonRpcException extensionRequired(String message) {
        return new JsonRpcException(
                JsonRpcError.MISSING_REQUIRED_CLIENT_CAPABILITY,
                message,
                Jsonp.object()
                        .add(
                                "requiredCapabilities",
                                Jsonp.object()
                                        .add(
                                                "extensions",
                                                Jsonp.object().add(Tasks.EXTENSION, JsonValue.EMPTY_JSON_OBJECT)))
                        .build(),
                400);
    }

    /** Whether the request's client declared the tasks extension in its per-request capabilities. */
    static boolean declared(McpRequest request) {
        return request.modern()
                && request.client().capabilities().get("extensions") instanceof Map<?, ?> extensions
                && extensions.containsKey(Tasks.EXTENSION);
    }

    private static TaskView owned(
            McpRequest request,
            Tasks tasks,
            ToolRegistry tools,
            Authorizer authorizer,
            AuditLog audit,
            boolean checkScopes) {
        if (!declared(request)) {
            throw extensionRequired(request.method() + " needs the " + Tasks.EXTENSION
                    + " extension in the request's client capabilities");
        }
        if (!(request.params().get("taskId") instanceof JsonString taskId)) {
            throw new JsonRpcException(
                    JsonRpcError.INVALID_PARAMS, request.method() + " needs params.taskId, a string");
        }
        TaskView task = tasks.find(taskId.getString()).orElseThrow(TasksHandler::notFound);
        if (!task.ownedBy(request.caller())) {
            // whoever learnt the id of another caller's task learns nothing more, not even that it exists
            audit.denied(
                    200,
                    AuditLog.Reason.FOREIGN_TASK,
                    request.caller(),
                    request.audit(),
                    List.of(),
                    "the task belongs to another caller");
            throw notFound();
        }
        if (checkScopes) {
            tools.find(task.tool())
                    .ifPresent(tool -> tool.method().authorize(authorizer, request.caller(), request.roles()));
        }
        return task;
    }

    private static JsonRpcException notFound() {
        return new JsonRpcException(JsonRpcError.INVALID_PARAMS, "Failed to retrieve task: Task not found");
    }
}
