package dev.mcpauth.runtime.completion;

import dev.mcpauth.runtime.features.BeanMethodInvoker;
import dev.mcpauth.runtime.features.CallContext;
import dev.mcpauth.runtime.features.ContextArgument;
import dev.mcpauth.runtime.features.FeatureFailure;
import dev.mcpauth.runtime.jsonrpc.JsonRpcError;
import dev.mcpauth.runtime.jsonrpc.JsonRpcException;
import dev.mcpauth.runtime.jsonrpc.Jsonp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.Collection;
import java.util.Objects;

/** Calls a completion method and shapes its suggestions as the protocol's {@code CompleteResult}. */
@ApplicationScoped
public class Completer {

    /** At most this many values per answer (MCP, Completion: "must not exceed 100 items"). */
    static final int MAX_VALUES = 100;

    private BeanMethodInvoker methods;

    /** For the CDI proxy only. */
    protected Completer() {}

    @Inject
    Completer(BeanManager beanManager) {
        this.methods = new BeanMethodInvoker(beanManager);
    }

    /**
     * Completes a partial value.
     *
     * @param completion the completion method
     * @param value the partial value
     * @param context the call's caller and client, for {@link ContextArgument} parameters
     * @return {@code {"completion": {"values": [...], "total": n, "hasMore": bool}}}
     */
    public JsonObject complete(CompletionDefinition completion, String value, CallContext context) {
        Object[] arguments = completion.parameters().stream()
                .map(parameter -> parameter.context() == null
                        ? value
                        : parameter.context().value(context))
                .toArray();
        Object returned;
        try {
            returned =
                    methods.invoke(completion.method(), context.allowed(), arguments, "completion", completion.label());
        } catch (FeatureFailure failure) {
            throw new JsonRpcException(JsonRpcError.INTERNAL_ERROR, failure.getMessage());
        }
        Collection<?> suggestions = returned instanceof Collection<?> list ? list : java.util.List.of();
        JsonArrayBuilder values = Jsonp.array();
        suggestions.stream().filter(Objects::nonNull).limit(MAX_VALUES).forEach(item -> values.add(item.toString()));
        return Jsonp.object()
                .add(
                        "completion",
                        Jsonp.object()
                                .add("values", values)
                                .add("total", suggestions.size())
                                .add("hasMore", suggestions.size() > MAX_VALUES))
                .build();
    }
}
