package dev.mcpauth.runtime.protocol;

import dev.mcpauth.McpCaller;
import dev.mcpauth.runtime.auth.AccessDeniedException;
import dev.mcpauth.runtime.auth.Authorizer;
import dev.mcpauth.runtime.jsonrpc.JsonRpcError;
import dev.mcpauth.runtime.jsonrpc.JsonRpcException;
import dev.mcpauth.runtime.jsonrpc.Printable;
import dev.mcpauth.runtime.tools.ToolDefinition;
import dev.mcpauth.runtime.tools.ToolInvoker;
import dev.mcpauth.runtime.tools.ToolRegistry;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Set;

/**
 * Answers one JSON-RPC request by its method: the protocol layer between the HTTP endpoint and the feature
 * packages. It asks {@link Authorizer} before it invokes anything and filters every list by the same
 * decision, so what a caller sees and what a caller may call never disagree.
 */
public final class McpDispatcher {

    private final ServerSettings settings;
    private final ToolRegistry tools;
    private final ToolInvoker invoker;
    private final Authorizer authorizer;

    /**
     * A dispatcher.
     *
     * @param settings the server's identity and page size
     * @param tools the deployment's tools
     * @param invoker calls tools
     * @param authorizer decides what a caller may do
     */
    public McpDispatcher(ServerSettings settings, ToolRegistry tools, ToolInvoker invoker, Authorizer authorizer) {
        this.settings = settings;
        this.tools = tools;
        this.invoker = invoker;
        this.authorizer = authorizer;
    }

    /**
     * Answers a request.
     *
     * @param methodName the JSON-RPC method
     * @param params the params, {@code {}} when absent
     * @param caller the verified caller (or {@link McpCaller#ANONYMOUS} with authentication off)
     * @param roles the caller's roles
     * @return the result
     * @throws JsonRpcException for protocol errors (unknown method, invalid params)
     * @throws AccessDeniedException when the caller may not do this
     */
    public JsonObject dispatch(String methodName, JsonObject params, McpCaller caller, Set<String> roles) {
        McpMethod method = McpMethod.of(methodName)
                .orElseThrow(() -> new JsonRpcException(JsonRpcError.METHOD_NOT_FOUND, "Method not found: " + Printable.of(methodName)));
        return switch (method) {
            case INITIALIZE -> InitializeHandler.initialize(params, settings);
            case PING -> JsonValue.EMPTY_JSON_OBJECT;
            case TOOLS_LIST -> ToolsHandler.list(params, visibleTools(caller, roles), settings.pageSize());
            case TOOLS_CALL -> ToolsHandler.call(params, tools, invoker, authorizer, caller, roles);
        };
    }

    private List<ToolDefinition> visibleTools(McpCaller caller, Set<String> roles) {
        if (!authorizer.enforced()) {
            return tools.all();
        }
        return tools.all().stream().filter(tool -> authorizer.permits(tool.access(), caller, roles)).toList();
    }
}
