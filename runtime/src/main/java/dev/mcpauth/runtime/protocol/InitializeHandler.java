package dev.mcpauth.runtime.protocol;

import dev.mcpauth.runtime.jsonrpc.JsonRpcError;
import dev.mcpauth.runtime.jsonrpc.JsonRpcException;
import dev.mcpauth.runtime.jsonrpc.Jsonp;
import dev.mcpauth.runtime.tasks.Tasks;
import dev.mcpauth.runtime.tools.ToolDefinition;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/** Answers {@code initialize} (MCP 2025-11-25, Lifecycle, Initialization): version, capabilities, server info. */
final class InitializeHandler {

    private InitializeHandler() {}

    /** The server's {@code Implementation} object: name, version and title. */
    static JsonObjectBuilder serverInfo(ServerSettings settings) {
        JsonObjectBuilder serverInfo =
                Jsonp.object().add("name", settings.serverName()).add("version", settings.serverVersion());
        settings.serverTitle().ifPresent(title -> serverInfo.add("title", title));
        return serverInfo;
    }

    /**
     * The server's capabilities: tools always (possibly none), resources, prompts and completions only when the
     * application has them. Every set is fixed at deployment, so there is never a list_changed to send.
     */
    static JsonObjectBuilder capabilities(Features features) {
        JsonObjectBuilder capabilities =
                Jsonp.object().add("tools", Jsonp.object().add("listChanged", false));
        if (!features.resources().isEmpty()) {
            capabilities.add("resources", Jsonp.object().add("listChanged", false));
        }
        if (!features.prompts().all().isEmpty()) {
            capabilities.add("prompts", Jsonp.object().add("listChanged", false));
        }
        if (!features.completions().isEmpty()) {
            capabilities.add("completions", JsonValue.EMPTY_JSON_OBJECT);
        }
        return capabilities;
    }

    /** The 2026-07-28 capabilities: resource updates are heard through {@code subscriptions/listen}. */
    static JsonObjectBuilder modernCapabilities(Features features) {
        JsonObjectBuilder capabilities = capabilities(features);
        if (!features.resources().isEmpty()) {
            capabilities.add("resources", Jsonp.object().add("subscribe", true).add("listChanged", false));
        }
        if (features.tools().all().stream().anyMatch(ToolDefinition::runsAsTask)) {
            // the tasks extension (io.modelcontextprotocol/tasks): no settings, an empty object says it is served
            capabilities.add("extensions", Jsonp.object().add(Tasks.EXTENSION, JsonValue.EMPTY_JSON_OBJECT));
        }
        return capabilities;
    }

    /**
     * The 2025-era capabilities: those of {@link #capabilities} and, where {@code initialize} opens a session,
     * {@code logging} and resource subscriptions, which live in the session.
     */
    static JsonObjectBuilder sessionCapabilities(Features features, boolean sessions) {
        JsonObjectBuilder capabilities = capabilities(features);
        if (sessions) {
            capabilities.add("logging", JsonValue.EMPTY_JSON_OBJECT);
            if (!features.resources().isEmpty()) {
                capabilities.add(
                        "resources", Jsonp.object().add("subscribe", true).add("listChanged", false));
            }
        }
        return capabilities;
    }

    static JsonObject initialize(JsonObject params, ServerSettings settings, Features features, boolean sessions) {
        if (!(params.get("protocolVersion") instanceof JsonString requested)) {
            throw new JsonRpcException(
                    JsonRpcError.INVALID_PARAMS, "initialize needs params.protocolVersion, a string");
        }
        JsonObjectBuilder result = Jsonp.object()
                .add("protocolVersion", ProtocolVersions.negotiate(requested.getString()))
                .add("capabilities", sessionCapabilities(features, sessions))
                .add("serverInfo", serverInfo(settings));
        settings.instructions().ifPresent(text -> result.add("instructions", text));
        return result.build();
    }
}
