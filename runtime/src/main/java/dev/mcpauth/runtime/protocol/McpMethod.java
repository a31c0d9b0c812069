package dev.mcpauth.runtime.protocol;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The JSON-RPC request methods the endpoint answers, by wire name, and the eras that have them. */
public enum McpMethod {
    /** The 2025 handshake; removed in 2026-07-28. */
    INITIALIZE("initialize", true, false, null, null),
    /** Liveness; removed in 2026-07-28. */
    PING("ping", true, false, null, null),
    /** 2026-07-28: supported versions, capabilities, server identity. */
    SERVER_DISCOVER("server/discover", false, true, null, null),
    /** The tools the caller may call. */
    TOOLS_LIST("tools/list", true, true, null, null),
    /** A tool call. */
    TOOLS_CALL("tools/call", true, true, "name", "tool"),
    /** The resources with fixed URIs the caller may read. */
    RESOURCES_LIST("resources/list", true, true, null, null),
    /** The resource templates the caller may read. */
    RESOURCES_TEMPLATES_LIST("resources/templates/list", true, true, null, null),
    /** Reading one resource. */
    RESOURCES_READ("resources/read", true, true, "uri", "resource"),
    /** The prompts the caller may get. */
    PROMPTS_LIST("prompts/list", true, true, null, null),
    /** Getting one prompt. */
    PROMPTS_GET("prompts/get", true, true, "name", "prompt"),
    /** Suggestions for a prompt argument or template variable. */
    COMPLETION_COMPLETE("completion/complete", true, true, null, null),
    /** 2025: the least severe log level a session's client wants ({@code logging/setLevel}). */
    LOGGING_SET_LEVEL("logging/setLevel", true, false, null, null),
    /** 2025: a session subscribes to changes of one resource. */
    RESOURCES_SUBSCRIBE("resources/subscribe", true, false, "uri", "resource"),
    /** 2025: a session ends a subscription. */
    RESOURCES_UNSUBSCRIBE("resources/unsubscribe", true, false, "uri", "resource"),
    /** 2026-07-28: a stream of change notifications for the resources the request names. */
    SUBSCRIPTIONS_LISTEN("subscriptions/listen", false, true, null, null),
    /** 2026-07-28 tasks extension: a task's status, and its result once it ended. */
    TASKS_GET("tasks/get", false, true, "taskId", "task"),
    /** 2026-07-28 tasks extension: answers to a task's questions. */
    TASKS_UPDATE("tasks/update", false, true, "taskId", "task"),
    /** 2026-07-28 tasks extension: cancels a task. */
    TASKS_CANCEL("tasks/cancel", false, true, "taskId", "task");

    private static final Map<String, McpMethod> BY_WIRE_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(m -> m.wireName, Function.identity()));

    private final String wireName;
    private final boolean legacy;
    private final boolean modern;
    private final String targetParam;
    private final String auditField;

    McpMethod(String wireName, boolean legacy, boolean modern, String targetParam, String auditField) {
        this.wireName = wireName;
        this.legacy = legacy;
        this.modern = modern;
        this.targetParam = targetParam;
        this.auditField = auditField;
    }

    /**
     * The param that names what the method acts on ({@code name} of a tool or prompt, {@code uri} of a resource,
     * {@code taskId} of a task):
     * what {@code Mcp-Name} mirrors and the audit line names.
     *
     * @return the param, or empty for a method that names nothing
     */
    public Optional<String> targetParam() {
        return Optional.ofNullable(targetParam);
    }

    /**
     * The audit line's field for what a request of this method names ({@code tool}, {@code resource},
     * {@code prompt}, {@code task}).
     *
     * @return the field, or empty for a method that names nothing
     */
    public Optional<String> auditField() {
        return Optional.ofNullable(auditField);
    }

    /**
     * What a request names by its method's target param, such as a tool name or a resource URI.
     *
     * @param method the request's wire method
     * @param params the request's params
     * @return the target, or null when the method names nothing or the param is not a string
     */
    public static String target(String method, JsonObject params) {
        McpMethod known = BY_WIRE_NAME.get(method);
        return known != null && known.targetParam != null && params.get(known.targetParam) instanceof JsonString value
                ? value.getString()
                : null;
    }

    /** Whether the 2025 revisions have the method. */
    public boolean legacy() {
        return legacy;
    }

    /** Whether 2026-07-28 has the method. */
    public boolean modern() {
        return modern;
    }

    /** The method name on the wire. */
    public String wireName() {
        return wireName;
    }

    /** The method with this wire name. */
    public static Optional<McpMethod> of(String wireName) {
        return Optional.ofNullable(BY_WIRE_NAME.get(wireName));
    }
}
