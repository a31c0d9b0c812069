package dev.mcpauth.runtime.protocol;

import dev.mcpauth.runtime.auth.AccessRequirement;
import dev.mcpauth.runtime.auth.AllowedCall;
import dev.mcpauth.runtime.auth.Authorizer;
import dev.mcpauth.runtime.completion.CompletionDefinition;
import dev.mcpauth.runtime.features.CallContext;
import dev.mcpauth.runtime.jsonrpc.JsonRpcError;
import dev.mcpauth.runtime.jsonrpc.JsonRpcException;
import dev.mcpauth.runtime.jsonrpc.Jsonp;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.Optional;

/**
 * Answers {@code completion/complete} (MCP, Completion): the completion method of the referenced prompt argument
 * or template variable, after the authorizer agrees to both the prompt or template and the completion method; an
 * argument nobody completes gets no suggestions.
 */
final class CompletionHandler {

    private CompletionHandler() {}

    static JsonObject complete(McpRequest request, Features features, Authorizer authorizer) {
        JsonObject params = request.params();
        if (!(params.get("ref") instanceof JsonObject ref)
                || !(ref.get("type") instanceof JsonString type)
                || !(params.get("argument") instanceof JsonObject argument)
                || !(argument.get("name") instanceof JsonString name)
                || !(argument.get("value") instanceof JsonString value)) {
            throw new JsonRpcException(
                    JsonRpcError.INVALID_PARAMS,
                    "completion/complete needs params.ref {type, name or uri} and params.argument {name, value}");
        }
        CompletionDefinition.Kind kind = switch (type.getString()) {
            case "ref/prompt" -> CompletionDefinition.Kind.PROMPT;
            case "ref/resource" -> CompletionDefinition.Kind.RESOURCE;
            default ->
                throw new JsonRpcException(
                        JsonRpcError.INVALID_PARAMS, "params.ref.type must be ref/prompt or ref/resource");
        };
        String field = kind == CompletionDefinition.Kind.PROMPT ? "name" : "uri";
        if (!(ref.get(field) instanceof JsonString target)) {
            throw new JsonRpcException(JsonRpcError.INVALID_PARAMS, "params.ref." + field + " must be a string");
        }
        return features.completions()
                .find(kind, target.getString(), name.getString())
                .map(completion -> {
                    // suggestions (ticket ids, say) are as private as what they complete: both requirements apply
                    targetAccess(features, completion)
                            .ifPresent(access -> authorizer.check(access, request.caller(), request.roles()));
                    AllowedCall allowed = completion.method().authorize(authorizer, request.caller(), request.roles());
                    return features.completer()
                            .complete(
                                    completion,
                                    value.getString(),
                                    CallContext.of(request.caller(), request.client(), allowed));
                })
                .orElseGet(CompletionHandler::nothing);
    }

    /** The requirement of the prompt or template a completion completes. */
    private static Optional<AccessRequirement> targetAccess(Features features, CompletionDefinition completion) {
        return completion.kind() == CompletionDefinition.Kind.PROMPT
                ? features.prompts()
                        .find(completion.ref())
                        .map(prompt -> prompt.method().access())
                : features.resources()
                        .template(completion.ref())
                        .map(template -> template.method().access());
    }

    private static JsonObject nothing() {
        return Jsonp.object()
                .add(
                        "completion",
                        Jsonp.object()
                                .add("values", Jsonp.array())
                                .add("total", 0)
                                .add("hasMore", false))
                .build();
    }
}
