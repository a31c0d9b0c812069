package dev.mcpauth.runtime.protocol;

import dev.mcpauth.runtime.jsonrpc.JsonRpcError;
import dev.mcpauth.runtime.jsonrpc.JsonRpcException;
import dev.mcpauth.runtime.jsonrpc.Jsonp;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;

/** Answers {@code initialize} (MCP 2025-11-25, Lifecycle, Initialization): version, capabilities, server info. */
final class InitializeHandler {

    private InitializeHandler() {
    }

    /** The server's {@code Implementation} object: name, version and title. */
    static JsonObjectBuilder serverInfo(ServerSettings settings) {
        JsonObjectBuilder serverInfo = Jsonp.object()
                .add("name", settings.serverName())
                .add("version", settings.serverVersion());
        settings.serverTitle().ifPresent(title -> serverInfo.add("title", title));
        return serverInfo;
    }

    /** The server's capabilities: tools, whose set is fixed at deployment, so there is never a list_changed to send. */
    static JsonObjectBuilder capabilities() {
        return Jsonp.object().add("tools", Jsonp.object().add("listChanged", false));
    }

    static JsonObject initialize(JsonObject params, ServerSettings settings) {
        if (!(params.get("protocolVersion") instanceof JsonString requested)) {
            throw new JsonRpcException(JsonRpcError.INVALID_PARAMS, "initialize needs params.protocolVersion, a string");
        }
        JsonObjectBuilder result = Jsonp.object()
                .add("protocolVersion", ProtocolVersions.negotiate(requested.getString()))
                .add("capabilities", capabilities())
                .add("serverInfo", serverInfo(settings));
        settings.instructions().ifPresent(text -> result.add("instructions", text));
        return result.build();
    }
}
