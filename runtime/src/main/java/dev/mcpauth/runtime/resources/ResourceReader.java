package dev.mcpauth.runtime.resources;

import dev.mcpauth.ResourceContents;
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
import jakarta.json.JsonObjectBuilder;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.Base64;
import java.util.Collection;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads a resource: binds the URI's variables to the method's parameters, calls the method on its CDI bean (so
 * interceptors apply), and maps what it returns to {@code contents}: text, a blob, or the JSON of an object.
 */
@ApplicationScoped
public class ResourceReader {

    private static final Logger LOG = Logger.getLogger(ResourceReader.class.getName());

    private BeanMethodInvoker methods;
    private Jsonb jsonb;

    /** For the CDI proxy only. */
    protected ResourceReader() {}

    @Inject
    ResourceReader(BeanManager beanManager) {
        this.methods = new BeanMethodInvoker(beanManager);
    }

    @PostConstruct
    void start() {
        jsonb = JsonbBuilder.create();
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
     * Reads {@code uri}.
     *
     * @param match the definition serving the URI and the template's variables
     * @param uri the URI read
     * @param context the call's caller and client, for {@link ContextArgument} parameters
     * @return the {@code ReadResourceResult}, or empty when the method says there is no such resource
     * @throws JsonRpcException {@code INVALID_PARAMS} naming the variable when a decoded value is one the method did
     *     not opt in to ({@link UriTemplate#unsafe}), {@code INTERNAL_ERROR} when the method failed
     */
    public Optional<JsonObject> read(ResourceRegistry.Match match, String uri, CallContext context) {
        ResourceDefinition resource = match.definition();
        if (!resource.uncheckedVariables()) {
            match.variables()
                    .forEach((variable, value) -> UriTemplate.unsafe(value).ifPresent(why -> {
                        throw new JsonRpcException(
                                JsonRpcError.INVALID_PARAMS,
                                "Invalid params: the value of the variable '" + variable + "' of " + resource.key()
                                        + " is not allowed: " + why,
                                Jsonp.object().add("variable", variable).build());
                    }));
        }
        Object[] arguments = new Object[resource.parameters().size()];
        for (int i = 0; i < arguments.length; i++) {
            ResourceParameter parameter = resource.parameters().get(i);
            if (parameter.context() != null) {
                arguments[i] = parameter.context().value(context);
                continue;
            }
            String value = match.variables().get(parameter.variable());
            try {
                arguments[i] = switch (parameter.type()) {
                    case STRING -> value;
                    case INT -> Integer.valueOf(value);
                    case LONG -> Long.valueOf(value);
                };
            } catch (NumberFormatException e) {
                return Optional.empty(); // tickets://abc for a numeric id names no resource
            }
        }
        Object returned;
        try {
            returned = methods.invoke(resource.method(), context.allowed(), arguments, "resource", uri);
        } catch (FeatureFailure failure) {
            throw new JsonRpcException(JsonRpcError.INTERNAL_ERROR, failure.getMessage());
        }
        if (returned instanceof Optional<?> optional) {
            returned = optional.orElse(null);
        }
        if (returned == null) {
            return Optional.empty();
        }
        return Optional.of(Jsonp.object()
                .add("contents", contents(returned, uri, resource.mimeType()))
                .build());
    }

    private JsonArrayBuilder contents(Object returned, String uri, String declaredMimeType) {
        JsonArrayBuilder contents = Jsonp.array();
        if (returned instanceof ResourceContents single) {
            contents.add(contents(single, uri, declaredMimeType));
        } else if (returned instanceof Collection<?> items
                && !items.isEmpty()
                && items.stream().allMatch(ResourceContents.class::isInstance)) {
            items.forEach(item -> contents.add(contents((ResourceContents) item, uri, declaredMimeType)));
        } else if (returned instanceof String text) {
            contents.add(item(uri, mimeType(declaredMimeType, "text/plain")).add("text", text));
        } else if (returned instanceof byte[] bytes) {
            contents.add(item(uri, mimeType(declaredMimeType, "application/octet-stream"))
                    .add("blob", Base64.getEncoder().encodeToString(bytes)));
        } else {
            contents.add(
                    item(uri, mimeType(declaredMimeType, "application/json")).add("text", jsonb.toJson(returned)));
        }
        return contents;
    }

    private static JsonObject contents(ResourceContents given, String uri, String declaredMimeType) {
        JsonObjectBuilder item = item(
                given.uri() == null ? uri : given.uri(),
                given.mimeType() == null ? declaredMimeType : given.mimeType());
        return (given.text() != null ? item.add("text", given.text()) : item.add("blob", given.blob())).build();
    }

    private static JsonObjectBuilder item(String uri, String mimeType) {
        JsonObjectBuilder item = Jsonp.object().add("uri", uri);
        if (mimeType != null) {
            item.add("mimeType", mimeType);
        }
        return item;
    }

    private static String mimeType(String declared, String fallback) {
        return declared != null ? declared : fallback;
    }
}
