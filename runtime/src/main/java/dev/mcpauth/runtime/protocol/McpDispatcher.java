package dev.mcpauth.runtime.protocol;

import dev.mcpauth.McpCaller;
import dev.mcpauth.runtime.auth.AccessDeniedException;
import dev.mcpauth.runtime.auth.AccessRequirement;
import dev.mcpauth.runtime.auth.Authorizer;
import dev.mcpauth.runtime.jsonrpc.JsonRpcError;
import dev.mcpauth.runtime.jsonrpc.JsonRpcException;
import dev.mcpauth.runtime.jsonrpc.Printable;
import dev.mcpauth.runtime.tools.ToolDefinition;
import dev.mcpauth.runtime.tools.ToolInvoker;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Answers one JSON-RPC request by its method: the protocol layer between the HTTP endpoint and the feature
 * packages. It asks {@link Authorizer} before it invokes anything and filters every list by the same
 * decision, so what a caller sees and what a caller may call never disagree.
 */
public final class McpDispatcher {

    private final ServerSettings settings;
    private final Features features;
    private final Authorizer authorizer;
    private final ModernResults results;
    private final RequestStates states;

    /**
     * A dispatcher.
     *
     * @param settings the server's identity and page size
     * @param features what the deployment serves
     * @param authorizer decides what a caller may do
     */
    public McpDispatcher(ServerSettings settings, Features features, Authorizer authorizer) {
        this.settings = settings;
        this.features = features;
        this.authorizer = authorizer;
        this.results = new ModernResults(settings);
        this.states = new RequestStates(settings.stateKeys(), settings.stateTtlSeconds(), Clock.systemUTC());
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
        MirrorHeaders.check(request, false);
        McpMethod method = McpMethod.of(request.method()).filter(McpMethod::legacy).filter(this::offered)
                .orElseThrow(() -> new JsonRpcException(JsonRpcError.METHOD_NOT_FOUND, "Method not found: " + Printable.of(request.method())));
        return switch (method) {
            case INITIALIZE -> InitializeHandler.initialize(request.params(), settings, features);
            case PING -> JsonValue.EMPTY_JSON_OBJECT;
            case SERVER_DISCOVER -> throw new IllegalStateException("not a legacy method");
            default -> feature(method, request, caller, roles);
        };
    }

    /** The methods both eras share: the features, answered the same way (the envelope is the modern era's business). */
    private JsonObject feature(McpMethod method, McpRequest request, McpCaller caller, Set<String> roles) {
        int pageSize = settings.pageSize();
        return switch (method) {
            case TOOLS_LIST -> ToolsHandler.list(request.params(), visible(features.tools().all(), tool -> tool.method().access(), caller, roles), pageSize);
            case TOOLS_CALL -> ToolsHandler.call(request, features.tools(), features.invoker(), authorizer, states, caller, roles);
            case RESOURCES_LIST -> ResourcesHandler.list(request.params(),
                    visible(features.resources().resources(), r -> r.method().access(), caller, roles), pageSize, "resources");
            case RESOURCES_TEMPLATES_LIST -> ResourcesHandler.list(request.params(),
                    visible(features.resources().templates(), r -> r.method().access(), caller, roles), pageSize, "resourceTemplates");
            case RESOURCES_READ -> ResourcesHandler.read(request, features, authorizer, caller, roles);
            case PROMPTS_LIST -> PromptsHandler.list(request.params(),
                    visible(features.prompts().all(), p -> p.method().access(), caller, roles), pageSize);
            case PROMPTS_GET -> PromptsHandler.get(request, features, authorizer, states, caller, roles);
            case COMPLETION_COMPLETE -> CompletionHandler.complete(request, features, authorizer, caller, roles);
            default -> throw new IllegalStateException("not a feature method: " + method);
        };
    }

    /** Whether the application has what the method serves: a client may only use the capabilities advertised. */
    private boolean offered(McpMethod method) {
        return switch (method) {
            case RESOURCES_LIST, RESOURCES_TEMPLATES_LIST, RESOURCES_READ -> !features.resources().isEmpty();
            case PROMPTS_LIST, PROMPTS_GET -> !features.prompts().all().isEmpty();
            case COMPLETION_COMPLETE -> !features.completions().isEmpty();
            default -> true;
        };
    }

    private JsonObject modern(McpRequest request, McpCaller caller, Set<String> roles) {
        ModernRules.check(request);
        McpMethod method = McpMethod.of(request.method()).filter(McpMethod::modern).filter(this::offered)
                // the revision asks for 404 here, which also tells a client probing for the era that this is a modern server
                .orElseThrow(() -> new JsonRpcException(JsonRpcError.METHOD_NOT_FOUND,
                        "Method not found: " + Printable.of(request.method()), null, 404));
        // what the caller sees depends on who they are whenever decisions are made: reusable only in their context
        boolean perCaller = authorizer.enforced();
        return switch (method) {
            case SERVER_DISCOVER -> results.discover(settings, features, perCaller);
            case INITIALIZE, PING -> throw new IllegalStateException("not a modern method");
            // the lists and reads are CacheableResults (2026-07-28, Caching); a read is private whenever decisions
            // are made, since what a method returns may depend on who asks
            case TOOLS_LIST, RESOURCES_LIST, RESOURCES_TEMPLATES_LIST, RESOURCES_READ, PROMPTS_LIST ->
                    results.cacheable(feature(method, request, caller, roles), perCaller);
            default -> results.complete(feature(method, request, caller, roles));
        };
    }

    /**
     * Whether the answer to this request may be a stream of progress: a {@code tools/call} of a tool that reports
     * progress, for a client that asked for it.
     *
     * @param request the request
     * @return true when the transport should stream
     */
    public boolean streams(McpRequest request) {
        return McpMethod.TOOLS_CALL.wireName().equals(request.method()) && (request.progressToken() != null || request.logLevel() != null)
                && request.params().get("name") instanceof JsonString name
                && features.tools().find(name.getString()).map(ToolDefinition::reportsProgress).orElse(false);
    }

    /**
     * Makes every check a {@code tools/call} makes before its tool runs, everything the request alone decides (the
     * revision's rules, the tool, the authorization, the mirror headers, the arguments against the schema, the
     * {@code requestState}), so that a transport can refuse with a plain HTTP answer before it opens a stream; the
     * call itself makes them again.
     *
     * @param request a {@code tools/call}
     * @param caller who calls
     * @param roles the caller's roles
     * @throws JsonRpcException for protocol errors
     * @throws AccessDeniedException when the caller may not call the tool
     */
    public void preflight(McpRequest request, McpCaller caller, Set<String> roles) {
        if (request.modern()) {
            ModernRules.check(request);
        } else {
            MirrorHeaders.check(request, false);
        }
        if (!(request.params().get("name") instanceof JsonString name)) {
            throw new JsonRpcException(JsonRpcError.INVALID_PARAMS, "tools/call needs params.name, a string");
        }
        ToolDefinition tool = features.tools().find(name.getString())
                .orElseThrow(() -> new JsonRpcException(JsonRpcError.INVALID_PARAMS, "Unknown tool: " + Printable.of(name.getString())));
        authorizer.check(tool.method().access(), caller, roles);
        JsonValue given = request.params().get("arguments");
        if (given != null && given != JsonValue.NULL && !(given instanceof JsonObject)) {
            throw new JsonRpcException(JsonRpcError.INVALID_PARAMS, "tools/call params.arguments must be an object");
        }
        JsonObject arguments = given instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
        ParamHeaders.check(tool, arguments, request.metadata(), request.modern());
        ToolInvoker.validate(tool, arguments);
        if (request.modern()) {
            Rounds.checkState(request, caller, "tools/call " + tool.name(), arguments, states);
        }
    }

    /** The items the caller may use: every list shows exactly what {@link Authorizer} would allow. */
    private <T> List<T> visible(List<T> items, Function<T, AccessRequirement> access, McpCaller caller, Set<String> roles) {
        if (!authorizer.enforced()) {
            return items;
        }
        return items.stream().filter(item -> authorizer.permits(access.apply(item), caller, roles)).toList();
    }
}
