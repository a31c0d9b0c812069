package dev.mcpauth.runtime.protocol;

import dev.mcpauth.runtime.auth.AccessDeniedException;
import dev.mcpauth.runtime.auth.Authorizer;
import dev.mcpauth.runtime.jsonrpc.JsonRpcError;
import dev.mcpauth.runtime.jsonrpc.JsonRpcException;
import dev.mcpauth.runtime.jsonrpc.Jsonp;
import dev.mcpauth.runtime.tasks.TaskView;
import dev.mcpauth.runtime.tasks.Tasks;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * {@code subscriptions/listen} (MCP 2026-07-28, Subscriptions): which of the resources a listen request names the
 * caller may hear about. The feature sets are fixed at deployment, so no list ever changes and the list filters are
 * never acknowledged; a resource is acknowledged when reading it as the caller succeeds, so someone else's resource
 * and a missing one are left out alike.
 */
public final class SubscriptionsHandler {

    /** The most resources one listen request may name. */
    static final int MAX_URIS = 100;

    private SubscriptionsHandler() {}

    /**
     * What a listen request will hear.
     *
     * @param uris the resources acknowledged
     * @param taskIds the tasks acknowledged (2026-07-28 tasks extension): the caller's own
     * @param acknowledgement the {@code notifications/subscriptions/acknowledged} message
     */
    public record Listening(Set<String> uris, Set<String> taskIds, JsonObject acknowledgement) {}

    /**
     * Decides what a listen request hears, reading each resource it names as the caller.
     *
     * @param request the {@code subscriptions/listen} request
     * @param id its JSON-RPC id, the subscription's id
     * @param features what the deployment serves
     * @param authorizer decides what the caller may read
     * @param tasks the tasks, or null when no tool runs as one
     * @return the resources and the acknowledgement
     * @throws JsonRpcException for a malformed filter, or {@code -32021} for task ids from a client that did not
     *     declare the tasks extension
     */
    static Listening listen(McpRequest request, JsonValue id, Features features, Authorizer authorizer, Tasks tasks) {
        JsonValue filter = request.params().get("notifications");
        if (filter != null && !(filter instanceof JsonObject)) {
            throw new JsonRpcException(
                    JsonRpcError.INVALID_PARAMS, "subscriptions/listen params.notifications must be an object");
        }
        Set<String> granted = new LinkedHashSet<>();
        if (filter instanceof JsonObject notifications
                && notifications.get("resourceSubscriptions") instanceof JsonArray uris) {
            if (uris.size() > MAX_URIS) {
                throw new JsonRpcException(
                        JsonRpcError.INVALID_PARAMS,
                        "subscriptions/listen may name at most " + MAX_URIS + " resources");
            }
            for (JsonValue uri : uris) {
                if (uri instanceof JsonString value && readable(request, value.getString(), features, authorizer)) {
                    granted.add(value.getString());
                }
            }
        }
        Set<String> watched = new LinkedHashSet<>();
        if (filter instanceof JsonObject notifications && notifications.get("taskIds") instanceof JsonArray taskIds) {
            if (!taskIds.isEmpty() && !TasksHandler.declared(request)) {
                throw TasksHandler.extensionRequired("task status notifications need the " + Tasks.EXTENSION
                        + " extension in the request's client capabilities");
            }
            if (taskIds.size() > MAX_URIS) {
                throw new JsonRpcException(
                        JsonRpcError.INVALID_PARAMS, "subscriptions/listen may name at most " + MAX_URIS + " tasks");
            }
            for (JsonValue taskId : taskIds) {
                if (taskId instanceof JsonString value && tasks != null) {
                    ownTask(request, value.getString(), tasks, features, authorizer)
                            .ifPresent(task -> watched.add(value.getString()));
                }
            }
        }
        JsonObject acknowledgement = Jsonp.object()
                .add("jsonrpc", "2.0")
                .add("method", "notifications/subscriptions/acknowledged")
                .add("params", Jsonp.object().add("_meta", meta(id)).add("notifications", filter(granted, watched)))
                .build();
        return new Listening(Set.copyOf(granted), Set.copyOf(watched), acknowledgement);
    }

    /**
     * A task the caller may hear about: its own, and one whose tool it may still use (what {@code tasks/get} would
     * show it). Another caller's task and a missing one are left out alike.
     */
    private static Optional<TaskView> ownTask(
            McpRequest request, String taskId, Tasks tasks, Features features, Authorizer authorizer) {
        return tasks.find(taskId)
                .filter(task -> task.ownedBy(request.caller()))
                .filter(task -> features.tools()
                        .find(task.tool())
                        .map(tool -> authorizer.permits(tool.method().access(), request.caller(), request.roles()))
                        .orElse(true));
    }

    /**
     * The {@code _meta} every message of a subscription carries.
     *
     * @param id the listen request's id
     * @return the meta object
     */
    public static JsonObject meta(JsonValue id) {
        return Jsonp.object().add("io.modelcontextprotocol/subscriptionId", id).build();
    }

    private static boolean readable(McpRequest request, String uri, Features features, Authorizer authorizer) {
        if (features.resources().isEmpty() || uri.length() > ResourcesHandler.MAX_URI_CHARS) {
            return false;
        }
        JsonObject params = Jsonp.object().add("uri", uri).build();
        try {
            ResourcesHandler.read(
                    new McpRequest(
                            "resources/read",
                            params,
                            request.metadata(),
                            true,
                            request.protocolVersion(),
                            request.client(),
                            request.caller(),
                            request.roles(),
                            request.progress(),
                            null),
                    features,
                    authorizer);
            return true;
        } catch (JsonRpcException | AccessDeniedException notReadable) {
            return false;
        }
    }

    /** The filter the server honours: resource updates for the resources granted, status for the tasks granted. */
    private static JsonObject filter(Set<String> granted, Set<String> taskIds) {
        JsonObjectBuilder filter = Jsonp.object();
        if (!granted.isEmpty()) {
            JsonArrayBuilder uris = Jsonp.array();
            granted.forEach(uris::add);
            filter.add("resourceSubscriptions", uris);
        }
        if (!taskIds.isEmpty()) {
            JsonArrayBuilder ids = Jsonp.array();
            taskIds.forEach(ids::add);
            filter.add("taskIds", ids);
        }
        return filter.build();
    }
}
