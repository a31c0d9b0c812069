package dev.mcpauth.runtime.protocol;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The JSON-RPC request methods the endpoint answers, by wire name. */
public enum McpMethod {
    /** The 2025 handshake. */
    INITIALIZE("initialize"),
    /** Liveness. */
    PING("ping"),
    /** The tools the caller may call. */
    TOOLS_LIST("tools/list"),
    /** A tool call. */
    TOOLS_CALL("tools/call");

    private static final Map<String, McpMethod> BY_WIRE_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(m -> m.wireName, Function.identity()));

    private final String wireName;

    McpMethod(String wireName) {
        this.wireName = wireName;
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
