package dev.mcpauth.runtime.tools;

import dev.mcpauth.McpCaller;
import dev.mcpauth.McpClient;
import dev.mcpauth.MissingClientCapabilityException;
import dev.mcpauth.ToolException;
import dev.mcpauth.runtime.auth.AccessDeniedException;
import dev.mcpauth.runtime.jsonrpc.JsonRpcError;
import dev.mcpauth.runtime.jsonrpc.JsonRpcException;
import dev.mcpauth.runtime.jsonrpc.Jsonp;
import dev.mcpauth.runtime.messages.Message;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.spi.CreationalContext;
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
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Calls a tool: validates the arguments against the tool's schema, binds them to the method's
 * parameters with JSON-B, calls the method on the CDI bean (so interceptors such as
 * {@code @RequiresScope} run), and maps what it returns. A {@link ToolException} becomes a result with
 * {@code isError: true} and its message; any other exception a result with a generic text and an incident id
 * (the details go to the log only); bad arguments are a JSON-RPC invalid-params error.
 */
@ApplicationScoped
public class ToolInvoker {

    private static final Logger LOG = Logger.getLogger(ToolInvoker.class.getName());

    private BeanManager beanManager;
    private Jsonb jsonb;
    private ToolResults results;

    /** For the CDI proxy only. */
    protected ToolInvoker() {
    }

    @Inject
    ToolInvoker(BeanManager beanManager) {
        this.beanManager = beanManager;
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
     * Calls {@code tool} with {@code arguments}.
     *
     * @param tool the tool
     * @param arguments the {@code arguments} of {@code tools/call}
     * @param caller who calls, passed to parameters of type {@link McpCaller}
     * @param client the client of the request, passed to parameters of type {@link McpClient}
     * @return the {@code CallToolResult}
     * @throws JsonRpcException with {@code INVALID_PARAMS} when the arguments do not fit the tool
     * @throws AccessDeniedException when an authorization check around the method refuses the call
     * @throws MissingClientCapabilityException when the tool needs a capability the client lacks
     * @throws Error what the method threw, unchanged
     */
    public JsonObject call(ToolDefinition tool, JsonObject arguments, McpCaller caller, McpClient client) {
        List<String> problems = SchemaValidator.validate(arguments, tool.inputSchema());
        if (!problems.isEmpty()) {
            JsonArrayBuilder data = Jsonp.array();
            problems.forEach(data::add);
            throw new JsonRpcException(JsonRpcError.INVALID_PARAMS,
                    "Invalid arguments for tool " + tool.name() + ": " + String.join("; ", problems),
                    Jsonp.object().add("problems", data).build());
        }
        Object[] values = bind(tool, arguments, caller, client);
        CreationalContext<?> context = beanManager.createCreationalContext(tool.bean());
        try {
            // the reference is the client proxy (or an intercepted instance), so interceptors apply
            Object instance = beanManager.getReference(tool.bean(), tool.bean().getBeanClass(), context);
            Object returned = invoke(tool, instance, values);
            return results.toResult(tool.resultKind(), returned);
        } catch (ToolFailure failure) {
            return ToolResults.error(failure.clientMessage);
        } finally {
            context.release();
        }
    }

    private Object invoke(ToolDefinition tool, Object instance, Object[] values) {
        Object[] receiverAndArguments = new Object[values.length + 1];
        receiverAndArguments[0] = instance;
        System.arraycopy(values, 0, receiverAndArguments, 1, values.length);
        try {
            return tool.invoker().invokeWithArguments(receiverAndArguments);
        } catch (AccessDeniedException refusal) {
            // the interceptor's decision: the endpoint turns it into an HTTP status, never into a tool result
            throw refusal;
        } catch (MissingClientCapabilityException missing) {
            // the protocol layer answers it as its revision says (-32021 in 2026-07-28)
            throw missing;
        } catch (ToolException failure) {
            // written for the model by the tool's author: it goes to the client as it is
            LOG.log(Level.FINE, failure, () -> "tool " + tool.name() + " reported: " + failure.getMessage());
            throw new ToolFailure(failure.getMessage() == null ? "The tool failed." : failure.getMessage());
        } catch (Error error) {
            // the JVM is in trouble (or an assertion failed): not something to show a model as the tool's answer
            throw error;
        } catch (Throwable e) {
            // anything else is a bug or an outage whose message may carry internals: the operator gets the details
            String incident = UUID.randomUUID().toString();
            LOG.log(Level.WARNING, e, () -> Message.TOOL_FAILED_UNEXPECTEDLY.format(tool.name(), tool.declaringMethod(),
                    e.getClass().getName(), incident));
            throw new ToolFailure("The tool failed unexpectedly (incident " + incident + ").");
        }
    }

    private Object[] bind(ToolDefinition tool, JsonObject arguments, McpCaller caller, McpClient client) {
        List<ToolParameter> parameters = tool.parameters();
        Object[] values = new Object[parameters.size()];
        for (int i = 0; i < values.length; i++) {
            ToolParameter parameter = parameters.get(i);
            if (parameter.source() == ToolParameter.Source.CALLER) {
                values[i] = caller;
                continue;
            }
            if (parameter.source() == ToolParameter.Source.CLIENT) {
                values[i] = client;
                continue;
            }
            JsonValue json = arguments.get(parameter.name());
            Type valueType = parameter.optionalWrapper()
                    ? ((ParameterizedType) parameter.type()).getActualTypeArguments()[0] : parameter.type();
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
            throw new JsonRpcException(JsonRpcError.INVALID_PARAMS,
                    "Invalid arguments for tool " + tool.name() + ": /" + parameter.name() + ": cannot be read as "
                            + type.getTypeName().replaceAll("[\\w$]+\\.", ""));
        }
    }

    /** A tool's own failure, carried to the result mapping without a stack trace. */
    private static final class ToolFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String clientMessage;

        ToolFailure(String clientMessage) {
            super(clientMessage, null, false, false);
            this.clientMessage = clientMessage;
        }
    }
}
