package dev.mcpauth.runtime.protocol;

import dev.mcpauth.McpProgress;
import dev.mcpauth.MissingClientCapabilityException;
import dev.mcpauth.runtime.auth.AllowedCall;
import dev.mcpauth.runtime.auth.AuditLog;
import dev.mcpauth.runtime.auth.Authorizer;
import dev.mcpauth.runtime.features.CallContext;
import dev.mcpauth.runtime.jsonrpc.JsonRpcError;
import dev.mcpauth.runtime.jsonrpc.JsonRpcException;
import dev.mcpauth.runtime.jsonrpc.Printable;
import dev.mcpauth.runtime.prompts.PromptDefinition;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;

/** Answers {@code prompts/list} and {@code prompts/get} (MCP, Prompts). */
final class PromptsHandler {

    private PromptsHandler() {}

    static JsonObject list(JsonObject params, List<PromptDefinition> visible, int pageSize) {
        return Pages.page(params, visible, PromptDefinition::descriptor, pageSize, "prompts");
    }

    static JsonObject get(
            McpRequest request, Features features, Authorizer authorizer, RequestStates states, AuditLog audit) {
        if (!(request.params().get("name") instanceof JsonString name)) {
            throw new JsonRpcException(JsonRpcError.INVALID_PARAMS, "prompts/get needs params.name, a string");
        }
        PromptDefinition prompt = features.prompts()
                .find(name.getString())
                .orElseThrow(() -> new JsonRpcException(
                        JsonRpcError.INVALID_PARAMS, "Unknown prompt: " + Printable.of(name.getString())));
        // before the arguments are looked at, so a caller without the scope learns what to ask for, not the arguments
        AllowedCall allowed = prompt.method().authorize(authorizer, request.caller(), request.roles());
        JsonValue arguments = request.params().getOrDefault("arguments", JsonValue.EMPTY_JSON_OBJECT);
        if (arguments == JsonValue.NULL) {
            arguments = JsonValue.EMPTY_JSON_OBJECT;
        }
        if (!(arguments instanceof JsonObject argumentObject)) {
            throw new JsonRpcException(JsonRpcError.INVALID_PARAMS, "prompts/get params.arguments must be an object");
        }
        try {
            String item = "prompts/get " + prompt.name();
            RequestStates.Contents state = Rounds.open(request, item, argumentObject, states, audit);
            return Rounds.run(
                    request,
                    state,
                    item,
                    argumentObject,
                    states,
                    input -> features.renderer()
                            .render(
                                    prompt,
                                    argumentObject,
                                    new CallContext(
                                            request.caller(), request.client(), input, McpProgress.NONE, allowed)));
        } catch (MissingClientCapabilityException missing) {
            throw new JsonRpcException(
                    request.modern() ? JsonRpcError.MISSING_REQUIRED_CLIENT_CAPABILITY : JsonRpcError.INVALID_PARAMS,
                    missing.getMessage(),
                    null,
                    request.modern() ? 400 : 0);
        }
    }
}
