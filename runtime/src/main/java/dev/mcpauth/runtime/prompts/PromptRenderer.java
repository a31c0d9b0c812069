package dev.mcpauth.runtime.prompts;

import dev.mcpauth.PromptMessage;
import dev.mcpauth.runtime.features.BeanMethodInvoker;
import dev.mcpauth.runtime.features.CallContext;
import dev.mcpauth.runtime.features.ContentJson;
import dev.mcpauth.runtime.features.ContextArgument;
import dev.mcpauth.runtime.features.FeatureFailure;
import dev.mcpauth.runtime.jsonrpc.JsonRpcError;
import dev.mcpauth.runtime.jsonrpc.JsonRpcException;
import dev.mcpauth.runtime.jsonrpc.Jsonp;
import dev.mcpauth.runtime.jsonrpc.Printable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Gets a prompt: checks and binds its arguments, calls its method on the CDI bean, and maps the messages. */
@ApplicationScoped
public class PromptRenderer {

    private BeanMethodInvoker methods;

    /** For the CDI proxy only. */
    protected PromptRenderer() {}

    @Inject
    PromptRenderer(BeanManager beanManager) {
        this.methods = new BeanMethodInvoker(beanManager);
    }

    /**
     * Renders a prompt.
     *
     * @param prompt the prompt
     * @param arguments {@code params.arguments} of {@code prompts/get} (string values)
     * @param context the call's caller, client and round input, for {@link ContextArgument} parameters
     * @return the {@code GetPromptResult}
     * @throws JsonRpcException {@code INVALID_PARAMS} for missing, unknown or non-string arguments
     */
    public JsonObject render(PromptDefinition prompt, JsonObject arguments, CallContext context) {
        List<String> problems = new ArrayList<>();
        for (String given : arguments.keySet()) {
            if (!prompt.argumentNames().contains(given)) {
                problems.add("unknown argument '" + Printable.of(given) + "'");
            }
        }
        Object[] values = new Object[prompt.parameters().size()];
        for (int i = 0; i < values.length; i++) {
            PromptParameter parameter = prompt.parameters().get(i);
            if (!parameter.isArgument()) {
                values[i] = parameter.context().value(context);
                continue;
            }
            JsonValue value = arguments.get(parameter.name());
            String text = value instanceof JsonString string ? string.getString() : null;
            if (value != null && value != JsonValue.NULL && text == null) {
                problems.add("argument '" + parameter.name() + "' must be a string");
            } else if (text == null && parameter.required()) {
                problems.add("argument '" + parameter.name() + "' is required");
            }
            values[i] = parameter.optionalWrapper() ? Optional.ofNullable(text) : text;
        }
        if (!problems.isEmpty()) {
            throw new JsonRpcException(
                    JsonRpcError.INVALID_PARAMS,
                    "Invalid arguments for prompt " + prompt.name() + ": " + String.join("; ", problems));
        }
        Object returned;
        try {
            returned = methods.invoke(prompt.method(), context.allowed(), values, "prompt", prompt.name());
        } catch (FeatureFailure failure) {
            throw new JsonRpcException(JsonRpcError.INTERNAL_ERROR, failure.getMessage());
        }
        JsonArrayBuilder messages = Jsonp.array();
        if (returned instanceof String text) {
            messages.add(message(PromptMessage.user(text)));
        } else if (returned instanceof PromptMessage single) {
            messages.add(message(single));
        } else if (returned instanceof Collection<?> list) {
            list.forEach(item -> messages.add(message((PromptMessage) item)));
        }
        JsonObject descriptor = prompt.descriptor();
        return descriptor.containsKey("description")
                ? Jsonp.object()
                        .add("description", descriptor.getString("description"))
                        .add("messages", messages)
                        .build()
                : Jsonp.object().add("messages", messages).build();
    }

    private static JsonObject message(PromptMessage message) {
        return Jsonp.object()
                .add("role", message.role().name().toLowerCase(Locale.ROOT))
                .add("content", ContentJson.of(message.content()))
                .build();
    }
}
