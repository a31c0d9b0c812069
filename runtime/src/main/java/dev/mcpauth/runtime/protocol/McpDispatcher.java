package dev.mcpauth.runtime.protocol;

import dev.mcpauth.McpCaller;
import dev.mcpauth.McpProgress;
import dev.mcpauth.runtime.auth.AccessDeniedException;
import dev.mcpauth.runtime.auth.AccessRequirement;
import dev.mcpauth.runtime.auth.AuditLog;
import dev.mcpauth.runtime.auth.Authorizer;
import dev.mcpauth.runtime.auth.TokenExpiry;
import dev.mcpauth.runtime.jsonrpc.JsonRpcError;
import dev.mcpauth.runtime.jsonrpc.JsonRpcException;
import dev.mcpauth.runtime.jsonrpc.Printable;
import dev.mcpauth.runtime.session.ClientRequests;
import dev.mcpauth.runtime.session.SessionSettings;
import dev.mcpauth.runtime.session.Sessions;
import dev.mcpauth.runtime.state.InMemoryState;
import dev.mcpauth.runtime.state.SharedMap;
import dev.mcpauth.runtime.state.SharedState;
import dev.mcpauth.runtime.tasks.Tasks;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Answers one JSON-RPC request by its method: the protocol layer between the HTTP endpoint and the feature
 * packages. It asks {@link Authorizer} before it invokes anything and filters every list by the same
 * decision, so what a caller sees and what a caller may call never disagree.
 */
public final class McpDispatcher {

    /** The shared map of the multi round-trip states already used. */
    public static final String USED_STATES = "mcp.request-states.used";

    private final ServerSettings settings;
    private final Features features;
    private final Authorizer authorizer;
    private final ModernResults results;
    private final RequestStates states;
    private final AuditLog audit;
    private final SessionMethods sessionMethods;
    private final ClientRequests clientRequests;
    private final Tasks tasks;

    /**
     * A dispatcher whose sessions live in this instance's memory, with the default limits.
     *
     * @param settings the server's identity and page size
     * @param features what the deployment serves
     * @param authorizer decides what a caller may do
     * @param audit records the refusals the protocol decides (a refused {@code requestState})
     */
    public McpDispatcher(ServerSettings settings, Features features, Authorizer authorizer, AuditLog audit) {
        this(settings, features, authorizer, audit, new InMemoryState(), SessionSettings.DEFAULTS);
    }

    private McpDispatcher(
            ServerSettings settings,
            Features features,
            Authorizer authorizer,
            AuditLog audit,
            SharedState state,
            SessionSettings sessionSettings) {
        this(
                settings,
                features,
                authorizer,
                audit,
                new Sessions(state, sessionSettings),
                new ClientRequests(state, sessionSettings),
                state.map(USED_STATES),
                null);
    }

    /**
     * A dispatcher.
     *
     * @param settings the server's identity and page size
     * @param features what the deployment serves
     * @param authorizer decides what a caller may do
     * @param audit records the refusals the protocol decides (a refused {@code requestState})
     * @param sessions the 2025-era sessions
     * @param clientRequests sends a 2025-era session's client the questions of its tools
     * @param usedStates the multi round-trip states already used, on every instance: each is good for one round
     * @param tasks the tool calls that run as tasks; null when no tool runs as one
     */
    public McpDispatcher(
            ServerSettings settings,
            Features features,
            Authorizer authorizer,
            AuditLog audit,
            Sessions sessions,
            ClientRequests clientRequests,
            SharedMap usedStates,
            Tasks tasks) {
        this.settings = settings;
        this.features = features;
        this.authorizer = authorizer;
        this.audit = audit;
        this.sessionMethods = new SessionMethods(sessions, features, authorizer);
        this.clientRequests = clientRequests;
        this.tasks = tasks;
        this.results = new ModernResults(settings);
        this.states = new RequestStates(settings.stateKeys(), settings.stateTtlSeconds(), Clock.systemUTC())
                .singleUse(usedStates);
    }

    /**
     * A request whose every check the request alone decides has run (the era's rules, the method, and for
     * {@code tools/call} the tool, the authorization, the mirror headers, the {@code requestState} and the
     * arguments), ready to run: a transport can refuse with a plain HTTP answer before it opens a stream.
     *
     * @param streams whether the answer may be a stream of progress and log messages: a {@code tools/call} of a tool
     *     that reports progress, for a client that asked for progress or log messages
     * @param runner runs it, given where progress reports and log messages go; the result is in the envelope of the
     *     request's era
     */
    public record Prepared(boolean streams, Function<McpProgress, JsonObject> runner) {

        /**
         * Runs the request.
         *
         * @param progress where progress reports and log messages go ({@link McpProgress#NONE} when not streamed)
         * @return the result
         * @throws JsonRpcException for protocol errors the method decides while it runs
         * @throws AccessDeniedException when a bean's own authorization refuses
         */
        public JsonObject run(McpProgress progress) {
            return runner.apply(progress);
        }
    }

    /**
     * Makes the checks of the request's era ({@link ModernRules} for 2026-07-28, the mirror headers for a 2025
     * request), finds the method, and for {@code tools/call} makes every check before the tool runs, each once.
     *
     * @param request the request, with its caller
     * @return the request, ready to run
     * @throws JsonRpcException for protocol errors (unknown method, invalid params, header and version rules)
     * @throws AccessDeniedException when the caller may not call the tool
     */
    public Prepared prepare(McpRequest request) {
        McpMethod method = method(request);
        if (method == McpMethod.TOOLS_CALL) {
            ToolsHandler.Call call = ToolsHandler.prepare(request, features.tools(), authorizer, states, audit);
            return new Prepared(call.streams(request), progress -> {
                JsonObject result = ToolsHandler.run(
                        call,
                        request.withProgress(progress),
                        features.invoker(),
                        states,
                        clientRequests,
                        tasks,
                        results::complete);
                return request.modern() ? results.complete(result) : result;
            });
        }
        return new Prepared(false, progress -> request.modern() ? modern(method, request) : legacy(method, request));
    }

    /**
     * A {@code subscriptions/listen} request, checked: what it will hear and its acknowledgement. The transport
     * holds the stream.
     *
     * @param request the request, with its caller
     * @param id its JSON-RPC id
     * @return what it hears
     * @throws JsonRpcException for protocol errors (the era's rules, a malformed filter)
     */
    public SubscriptionsHandler.Listening listen(McpRequest request, JsonValue id) {
        McpMethod method = method(request);
        if (method != McpMethod.SUBSCRIPTIONS_LISTEN) {
            throw new IllegalStateException("not subscriptions/listen: " + method);
        }
        return SubscriptionsHandler.listen(request, id, features, authorizer, tasks);
    }

    /**
     * Sends a subscription the status of the tasks it was granted ({@link SubscriptionsHandler.Listening#taskIds}):
     * each task as it is now, then every change, as {@code notifications/tasks}.
     *
     * @param caller who listens: nothing is sent once its token expired
     * @param taskIds the tasks
     * @param sink where the notifications go; must not block
     * @return ends the watch
     */
    public AutoCloseable watchTasks(McpCaller caller, Set<String> taskIds, Consumer<JsonObject> sink) {
        if (tasks == null || taskIds.isEmpty()) {
            return () -> {};
        }
        long expires = TokenExpiry.of(caller);
        Consumer<JsonObject> whileValid = message -> {
            if (expires == 0 || Clock.systemUTC().instant().getEpochSecond() < expires) {
                sink.accept(message);
            }
        };
        AutoCloseable watch = tasks.watch(taskIds, whileValid);
        // registered first, then the state as it is now: a change in between is heard, never lost
        taskIds.forEach(id -> tasks.find(id).map(Tasks::notification).ifPresent(whileValid));
        return watch;
    }

    /**
     * Whether a caller may read a resource now: the scopes its definition requires (the application's own answer
     * was asked when it subscribed).
     *
     * @param caller the caller
     * @param roles the caller's roles
     * @param uri the resource
     * @return true when it may
     */
    public boolean mayRead(McpCaller caller, Set<String> roles, String uri) {
        return features.resources()
                .find(uri)
                .map(match -> authorizer.permits(match.definition().method().access(), caller, roles))
                .orElse(false);
    }

    /**
     * Answers a request by the rules of its era, without a stream: {@link #prepare} and run.
     *
     * @param request the request, with its caller
     * @return the result
     * @throws JsonRpcException for protocol errors (unknown method, invalid params, header and version rules)
     * @throws AccessDeniedException when the caller may not do this
     */
    public JsonObject dispatch(McpRequest request) {
        return prepare(request).run(McpProgress.NONE);
    }

    /** The era's checks, then the method, as the era names an unknown one. */
    private McpMethod method(McpRequest request) {
        if (request.modern()) {
            ModernRules.check(request);
            // the revision asks for 404 here, which also tells a client probing for the era that this is a modern
            // server
            return McpMethod.of(request.method())
                    .filter(McpMethod::modern)
                    .filter(this::offered)
                    .orElseThrow(() -> new JsonRpcException(
                            JsonRpcError.METHOD_NOT_FOUND,
                            "Method not found: " + Printable.of(request.method()),
                            null,
                            404));
        }
        MirrorHeaders.check(request, false);
        return McpMethod.of(request.method())
                .filter(McpMethod::legacy)
                .filter(this::offered)
                .orElseThrow(() -> new JsonRpcException(
                        JsonRpcError.METHOD_NOT_FOUND, "Method not found: " + Printable.of(request.method())));
    }

    private JsonObject legacy(McpMethod method, McpRequest request) {
        return switch (method) {
            case INITIALIZE ->
                InitializeHandler.initialize(request.params(), settings, features, sessionMethods.enabled());
            case PING -> JsonValue.EMPTY_JSON_OBJECT;
            case LOGGING_SET_LEVEL -> sessionMethods.setLevel(request);
            case RESOURCES_SUBSCRIBE -> sessionMethods.subscribe(request, true);
            case RESOURCES_UNSUBSCRIBE -> sessionMethods.subscribe(request, false);
            case SERVER_DISCOVER, SUBSCRIPTIONS_LISTEN, TASKS_GET, TASKS_UPDATE, TASKS_CANCEL ->
                throw new IllegalStateException("not a legacy method");
            default -> feature(method, request);
        };
    }

    /** The methods both eras share (but tools/call, which {@link #prepare} runs): answered the same way; the envelope is the modern era's business. */
    private JsonObject feature(McpMethod method, McpRequest request) {
        int pageSize = settings.pageSize();
        return switch (method) {
            case TOOLS_LIST ->
                ToolsHandler.list(
                        request.params(),
                        visible(features.tools().all(), tool -> tool.method().access(), request),
                        pageSize);
            case RESOURCES_LIST ->
                ResourcesHandler.list(
                        request.params(),
                        visible(
                                features.resources().resources(),
                                r -> r.method().access(),
                                request),
                        pageSize,
                        "resources");
            case RESOURCES_TEMPLATES_LIST ->
                ResourcesHandler.list(
                        request.params(),
                        visible(
                                features.resources().templates(),
                                r -> r.method().access(),
                                request),
                        pageSize,
                        "resourceTemplates");
            case RESOURCES_READ -> ResourcesHandler.read(request, features, authorizer);
            case PROMPTS_LIST ->
                PromptsHandler.list(
                        request.params(),
                        visible(features.prompts().all(), p -> p.method().access(), request),
                        pageSize);
            case PROMPTS_GET -> PromptsHandler.get(request, features, authorizer, states, audit);
            case COMPLETION_COMPLETE -> CompletionHandler.complete(request, features, authorizer);
            default -> throw new IllegalStateException("not a feature method: " + method);
        };
    }

    /** Whether the application has what the method serves: a client may only use the capabilities advertised. */
    private boolean offered(McpMethod method) {
        return switch (method) {
            case RESOURCES_LIST, RESOURCES_TEMPLATES_LIST, RESOURCES_READ ->
                !features.resources().isEmpty();
            case PROMPTS_LIST, PROMPTS_GET -> !features.prompts().all().isEmpty();
            case COMPLETION_COMPLETE -> !features.completions().isEmpty();
            case LOGGING_SET_LEVEL -> sessionMethods.enabled();
            case RESOURCES_SUBSCRIBE, RESOURCES_UNSUBSCRIBE ->
                sessionMethods.enabled() && !features.resources().isEmpty();
            case SUBSCRIPTIONS_LISTEN -> !features.resources().isEmpty() || tasks != null;
            case TASKS_GET, TASKS_UPDATE, TASKS_CANCEL -> tasks != null;
            default -> true;
        };
    }

    private JsonObject modern(McpMethod method, McpRequest request) {
        // what the caller sees depends on who they are whenever decisions are made: reusable only in their context
        boolean perCaller = authorizer.enforced();
        return switch (method) {
            case SERVER_DISCOVER -> results.discover(settings, features, perCaller);
            case INITIALIZE, PING, LOGGING_SET_LEVEL, RESOURCES_SUBSCRIBE, RESOURCES_UNSUBSCRIBE ->
                throw new IllegalStateException("not a modern method");
            case SUBSCRIPTIONS_LISTEN -> throw new IllegalStateException("a stream the transport opens");
            case TASKS_GET -> results.complete(TasksHandler.get(request, tasks, features.tools(), authorizer, audit));
            case TASKS_UPDATE ->
                results.complete(TasksHandler.update(request, tasks, features.tools(), authorizer, audit));
            case TASKS_CANCEL ->
                results.complete(TasksHandler.cancel(request, tasks, features.tools(), authorizer, audit));
            // the lists and reads are CacheableResults (2026-07-28, Caching); a read is private whenever decisions
            // are made, since what a method returns may depend on who asks
            case TOOLS_LIST, RESOURCES_LIST, RESOURCES_TEMPLATES_LIST, RESOURCES_READ, PROMPTS_LIST ->
                results.cacheable(feature(method, request), perCaller);
            default -> results.complete(feature(method, request));
        };
    }

    /** The items the caller may use: every list shows exactly what {@link Authorizer} would allow. */
    private <T> List<T> visible(List<T> items, Function<T, AccessRequirement> access, McpRequest request) {
        if (!authorizer.enforced()) {
            return items;
        }
        return items.stream()
                .filter(item -> authorizer.permits(access.apply(item), request.caller(), request.roles()))
                .toList();
    }
}
