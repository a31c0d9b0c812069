package dev.mcpauth.runtime.protocol;

import dev.mcpauth.McpCaller;
import dev.mcpauth.MissingClientCapabilityException;
import dev.mcpauth.runtime.auth.Authorizer;
import dev.mcpauth.runtime.features.CallContext;
import dev.mcpauth.runtime.jsonrpc.JsonRpcError;
import dev.mcpauth.runtime.jsonrpc.JsonRpcException;
import dev.mcpauth.runtime.jsonrpc.Jsonp;
import dev.mcpauth.runtime.jsonrpc.Printable;
import dev.mcpauth.runtime.tools.ToolDefinition;
import dev.mcpauth.runtime.tools.ToolInvoker;
import dev.mcpauth.runtime.tools.ToolRegistry;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Set;

/** Answers {@code tools/list} (with cursor pagination) and {@code tools/call} (MCP 2025-11-25, Tools). */
final class ToolsHandler {

    private ToolsHandler() {
    }

    static JsonObject list(JsonObject params, List<ToolDefinition> visible, int pageSize) {
        return Pages.page(params, visible, ToolDefinition::descriptor, pageSize, "tools");
    }

    /**
     * Calls a tool, after asking the authorizer: before argument validation, so a caller without the scope
     * learns what to ask for, not the schema. The {@code Mcp-Param-*} headers, required in a modern request, must
     * agree with the arguments they mirror in every era.
     */
    static JsonObject call(McpRequest request, ToolRegistry registry, ToolInvoker invoker, Authorizer authorizer,
            RequestStates states, McpCaller caller, Set<String> roles) {
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
                .orElseThrow(() -> new JsonRpcException(JsonRpcError.INVALID_PARAMS, "Unknown tool: " + Printable.of(name.getString())));
        authorizer.check(tool.method().access(), caller, roles);
        ParamHeaders.check(tool, argumentObject, request.metadata(), request.modern());
        try {
            return Rounds.run(request, caller, "tools/call " + tool.name(), argumentObject, states,
                    input -> invoker.call(tool, argumentObject, new CallContext(caller, request.client(), input, request.progress())));
        } catch (MissingClientCapabilityException missing) {
            if (!request.modern()) {
                // 2025 revisions have no error for it, and a stateless server never knew the capabilities anyway
                return Jsonp.object().add("content", Jsonp.array().add(Jsonp.object().add("type", "text").add("text", missing.getMessage())))
                        .add("isError", true).build();
            }
            JsonObjectBuilder required = Jsonp.object();
            missing.missing().forEach(capability -> required.add(capability, JsonValue.EMPTY_JSON_OBJECT));
            throw new JsonRpcException(JsonRpcError.MISSING_REQUIRED_CLIENT_CAPABILITY, missing.getMessage(),
                    Jsonp.object().add("requiredCapabilities", required).build(), 400);
        }
    }
}
