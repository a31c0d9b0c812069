package dev.mcpauth.runtime.protocol;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The JSON-RPC request methods the endpoint answers, by wire name, and the eras that have them. */
public enum McpMethod {
    /** The 2025 handshake; removed in 2026-07-28. */
    INITIALIZE("initialize", true, false),
    /** Liveness; removed in 2026-07-28. */
    PING("ping", true, false),
    /** 2026-07-28: supported versions, capabilities, server identity. */
    SERVER_DISCOVER("server/discover", false, true),
    /** The tools the caller may call. */
    TOOLS_LIST("tools/list", true, true),
    /** A tool call. */
    TOOLS_CALL("tools/call", true, true),
    /** The resources with fixed URIs the caller may read. */
    RESOURCES_LIST("resources/list", true, true),
    /** The resource templates the caller may read. */
    RESOURCES_TEMPLATES_LIST("resources/templates/list", true, true),
    /** Reading one resource. */
    RESOURCES_READ("resources/read", true, true),
    /** The prompts the caller may get. */
    PROMPTS_LIST("prompts/list", true, true),
    /** Getting one prompt. */
    PROMPTS_GET("prompts/get", true, true),
    /** Suggestions for a prompt argument or template variable. */
    COMPLETION_COMPLETE("completion/complete", true, true);

    private static final Map<String, McpMethod> BY_WIRE_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(m -> m.wireName, Function.identity()));

    private final String wireName;
    private final boolean legacy;
    private final boolean modern;

    McpMethod(String wireName, boolean legacy, boolean modern) {
        this.wireName = wireName;
        this.legacy = legacy;
        this.modern = modern;
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
