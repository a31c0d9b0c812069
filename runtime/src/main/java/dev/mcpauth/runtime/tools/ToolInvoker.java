package dev.mcpauth.runtime.tools;

import dev.mcpauth.McpInput;
import dev.mcpauth.McpProgress;
import dev.mcpauth.McpTask;
import dev.mcpauth.MissingClientCapabilityException;
import dev.mcpauth.runtime.features.BeanMethodInvoker;
import dev.mcpauth.runtime.features.CallContext;
import dev.mcpauth.runtime.features.ContextArgument;
import dev.mcpauth.runtime.features.FeatureFailure;
import dev.mcpauth.runtime.jsonrpc.JsonRpcError;
import dev.mcpauth.runtime.jsonrpc.JsonRpcException;
import dev.mcpauth.runtime.jsonrpc.Jsonp;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import java.lang.reflect.Array;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Calls a tool: checks arguments against the tool's schema ({@link #validate}, asked once per request before the
 * call), binds them to the method's parameters with JSON-B, calls the method on the CDI bean (so interceptors such as
 * {@code @RequiresScope} run), and maps what it returns. A {@link dev.mcpauth.McpException} becomes a result with
 * {@code isError: true} and its message; any other exception a result with a generic text and an incident id
 * (the details go to the log only); bad arguments are a JSON-RPC invalid-params error.
 */
@ApplicationScoped
public class ToolInvoker {

    private static final Logger LOG = Logger.getLogger(ToolInvoker.class.getName());

    private BeanMethodInvoker methods;
    private Jsonb jsonb;
    private ToolResults results;

    /** For the CDI proxy only. */
    protected ToolInvoker() {}

    @Inject
    ToolInvoker(BeanManager beanManager) {
        this.methods = new BeanMethodInvoker(beanManager);
    }

    @PostConstruct
    void start() {
        jsonb = JsonbBuilder.create();
        results = new ToolResults(jsonb);
    }

    @PreDestroy
    void stop() {
        try {
            jsonb.close();
        } catch (Exception e) {
            LOG.log(Level.FINE, "closing JSON-B failed", e);
        }
    }

    /**
     * Calls {@code tool} with {@code arguments}, which {@link #validate} has checked.
     *
     * @param tool the tool
     * @param arguments the {@code arguments} of {@code tools/call}
     * @param context the call's caller, client, round input and progress sink, for {@link ContextArgument} parameters
     * @return the {@code CallToolResult}
     * @throws JsonRpcException with {@code INVALID_PARAMS} when an argument cannot be read as its Java type
     * @throws dev.mcpauth.runtime.auth.AccessDeniedException when an authorization check around the method refuses the call
     * @throws MissingClientCapabilityException when the tool needs a capability the client lacks
     * @throws McpInput.InputRequired when the tool needs an answer the client has not given yet
     * @throws Error what the method threw, unchanged
     */
    public JsonObject call(ToolDefinition tool, JsonObject arguments, CallContext context) {
        return call(tool, arguments, context, work -> runWork(tool, work, context.progress(), context.input()));
    }

    /**
     * Calls {@code tool}; when its method returns {@link McpTask}, {@code deferred} decides what becomes of the work:
     * a task, or {@link #runWork} at once.
     *
     * @param tool the tool
     * @param arguments the {@code arguments} of {@code tools/call}
     * @param context the call's caller, client, round input and progress sink
     * @param deferred what to do with the work a method returns
     * @return the {@code CallToolResult}, or what {@code deferred} returned
     */
    public JsonObject call(
            ToolDefinition tool, JsonObject arguments, CallContext context, Function<McpTask<?>, JsonObject> deferred) {
        Object[] values = bind(tool, arguments, context);
        try {
            Object returned = methods.invoke(tool.method(), context.allowed(), values, "tool", tool.name());
            return returned instanceof McpTask<?> work
                    ? deferred.apply(work)
                    : results.toResult(tool.resultKind(), returned);
        } catch (FeatureFailure failure) {
            return ToolResults.error(failure.getMessage());
        }
    }

    /**
     * Runs the work a tool method returned ({@link McpTask}), with the method's own policy for what it throws.
     *
     * @param tool the tool
     * @param work the work
     * @param progress where its progress goes
     * @param input asks the client something
     * @return the {@code CallToolResult}
     */
    public JsonObject runWork(ToolDefinition tool, McpTask<?> work, McpProgress progress, McpInput input) {
        try {
            Object returned = BeanMethodInvoker.guarded(
                    "tool", tool.name(), tool.method().where(), () -> work.run(progress, input));
            return results.toResult(tool.resultKind(), returned);
        } catch (FeatureFailure failure) {
            return ToolResults.error(failure.getMessage());
        }
    }

    /**
     * Refuses arguments that do not fit the tool's input schema, before any tool code runs (and before a transport
     * opens a stream, so the refusal is a plain answer).
     *
     * @param tool the tool
     * @param arguments the {@code arguments} of {@code tools/call}
     * @throws JsonRpcException with {@code INVALID_PARAMS} listing every problem
     */
    public static void validate(ToolDefinition tool, JsonObject arguments) {
        List<String> problems = SchemaValidator.validate(arguments, tool.inputSchema());
        if (!problems.isEmpty()) {
            JsonArrayBuilder data = Jsonp.array();
            problems.forEach(data::add);
            throw new JsonRpcException(
                    JsonRpcError.INVALID_PARAMS,
                    "Invalid arguments for tool " + tool.name() + ": " + String.join("; ", problems),
                    Jsonp.object().add("problems", data).build());
        }
    }

    private Object[] bind(ToolDefinition tool, JsonObject arguments, CallContext context) {
        List<ToolParameter> parameters = tool.parameters();
        Object[] values = new Object[parameters.size()];
        for (int i = 0; i < values.length; i++) {
            ToolParameter parameter = parameters.get(i);
            if (parameter.context() != null) {
                values[i] = parameter.context().value(context);
                continue;
            }
            JsonValue json = arguments.get(parameter.name());
            Type valueType = parameter.optionalWrapper()
                    ? ((ParameterizedType) parameter.type()).getActualTypeArguments()[0]
                    : parameter.type();
            Object value = json == null || json == JsonValue.NULL ? null : convert(tool, parameter, json, valueType);
            if (parameter.optionalWrapper()) {
                values[i] = Optional.ofNullable(value);
            } else if (value == null && parameter.type() instanceof Class<?> c && c.isPrimitive()) {
                values[i] = Array.get(Array.newInstance(c, 1), 0);
            } else {
                values[i] = value;
            }
        }
        return values;
    }

    private Object convert(ToolDefinition tool, ToolParameter parameter, JsonValue json, Type type) {
        if (type == String.class && json instanceof JsonString string) {
            return string.getString();
        }
        try {
            return jsonb.fromJson(json.toString(), type);
        } catch (JsonbException | IllegalArgumentException e) {
            // the schema let it through, JSON-B did not (a malformed date, say): still the caller's input
            throw new JsonRpcException(
                    JsonRpcError.INVALID_PARAMS,
                    "Invalid arguments for tool " + tool.name() + ": /" + parameter.name() + ": cannot be read as "
                            + type.getTypeName().replaceAll("[\\w$]+\\.", ""));
        }
    }
}
