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
    private final ModernResults results;

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
        this.results = new ModernResults(settings);
    }

    /**
     * Answers a request by the rules of its era: a legacy request as its 2025 revision says, a modern one after
     * the 2026-07-28 checks ({@link ModernRules}) and in the 2026-07-28 result envelope.
     *
     * @param request the request
     * @param caller the verified caller (or {@link McpCaller#ANONYMOUS} with authentication off)
     * @param roles the caller's roles
     * @return the result
     * @throws JsonRpcException for protocol errors (unknown method, invalid params, header and version rules)
     * @throws AccessDeniedException when the caller may not do this
     */
    public JsonObject dispatch(McpRequest request, McpCaller caller, Set<String> roles) {
        return request.modern() ? modern(request, caller, roles) : legacy(request, caller, roles);
    }

    private JsonObject legacy(McpRequest request, McpCaller caller, Set<String> roles) {
        McpMethod method = McpMethod.of(request.method()).filter(McpMethod::legacy)
                .orElseThrow(() -> new JsonRpcException(JsonRpcError.METHOD_NOT_FOUND, "Method not found: " + Printable.of(request.method())));
        return switch (method) {
            case INITIALIZE -> InitializeHandler.initialize(request.params(), settings);
            case PING -> JsonValue.EMPTY_JSON_OBJECT;
            case TOOLS_LIST -> ToolsHandler.list(request.params(), visibleTools(caller, roles), settings.pageSize());
            case TOOLS_CALL -> ToolsHandler.call(request, tools, invoker, authorizer, caller, roles);
            case SERVER_DISCOVER -> throw new IllegalStateException("not a legacy method");
        };
    }

    private JsonObject modern(McpRequest request, McpCaller caller, Set<String> roles) {
        ModernRules.check(request);
        McpMethod method = McpMethod.of(request.method()).filter(McpMethod::modern)
                // the revision asks for 404 here, which also tells a client probing for the era that this is a modern server
                .orElseThrow(() -> new JsonRpcException(JsonRpcError.METHOD_NOT_FOUND,
                        "Method not found: " + Printable.of(request.method()), null, 404));
        // what the caller sees depends on who they are whenever decisions are made: reusable only in their context
        boolean perCaller = authorizer.enforced();
        return switch (method) {
            case SERVER_DISCOVER -> results.discover(settings, perCaller);
            case TOOLS_LIST -> results.cacheable(ToolsHandler.list(request.params(), visibleTools(caller, roles), settings.pageSize()), perCaller);
            case TOOLS_CALL -> results.complete(ToolsHandler.call(request, tools, invoker, authorizer, caller, roles));
            case INITIALIZE, PING -> throw new IllegalStateException("not a modern method");
        };
    }

    private List<ToolDefinition> visibleTools(McpCaller caller, Set<String> roles) {
        if (!authorizer.enforced()) {
            return tools.all();
        }
        return tools.all().stream().filter(tool -> authorizer.permits(tool.access(), caller, roles)).toList();
    }
}
