package dev.mcpauth.runtime.protocol;

import dev.mcpauth.McpCaller;
import dev.mcpauth.McpInput;
import dev.mcpauth.runtime.auth.AuditLog;
import dev.mcpauth.runtime.features.Interaction;
import dev.mcpauth.runtime.jsonrpc.JsonRpcException;
import dev.mcpauth.runtime.jsonrpc.Jsonp;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Runs one round of a call that may ask the client something (MCP 2026-07-28, Multi Round-Trip Requests): opens
 * the echoed {@code requestState} (refusing one that is not ours, changed, expired or someone else's, with an
 * audit line, before any tool code runs), adds the round's {@code inputResponses} to the questions the state says
 * were asked (answers without a state, or to questions never asked, are ignored), calls the item with an
 * {@link McpInput} over them, and answers either the complete result or an {@code InputRequiredResult} with the
 * open questions and a newly sealed state.
 */
final class Rounds {

    private Rounds() {}

    /**
     * Opens the request's {@code requestState}, if it carries one, refusing (with an audit line) one that is not
     * ours, changed, expired or bound to another caller, item or arguments: the request alone decides this, before
     * any tool code runs and before a transport opens a stream.
     *
     * @param request a {@code tools/call} or {@code prompts/get}
     * @param item the method and item name the state is bound to, such as {@code tools/call echo}
     * @param arguments the item's arguments, part of the binding
     * @param states opens states
     * @param audit records a refused state, with the caller who sent it
     * @return what the state holds; {@link RequestStates.Contents#NONE} for a first round or a 2025-era request
     * @throws JsonRpcException {@code INVALID_PARAMS} for a state that is refused
     */
    static RequestStates.Contents open(
            McpRequest request, String item, JsonValue arguments, RequestStates states, AuditLog audit) {
        if (!request.modern() || !(request.params().get("requestState") instanceof JsonString state)) {
            return RequestStates.Contents.NONE;
        }
        try {
            return states.open(state.getString(), binding(request.caller(), item, arguments));
        } catch (JsonRpcException refused) {
            audit.denied(
                    200,
                    AuditLog.Reason.INVALID_REQUEST_STATE,
                    request.caller(),
                    request.audit(),
                    List.of(),
                    refused.getMessage());
            throw refused;
        }
    }

    /**
     * One round, over the state {@link #open} opened.
     *
     * @param request the {@code tools/call} or {@code prompts/get}
     * @param earlier what the opened state holds
     * @param item the method and item name the state is bound to, such as {@code tools/call echo}
     * @param arguments the item's arguments, part of the binding
     * @param states seals states
     * @param call calls the item with the round's input
     * @return the item's result, or an {@code InputRequiredResult}
     */
    static JsonObject run(
            McpRequest request,
            RequestStates.Contents earlier,
            String item,
            JsonValue arguments,
            RequestStates states,
            Function<McpInput, JsonObject> call) {
        if (!request.modern()) {
            // 2025 revisions have no rounds: asking fails with a missing capability, which the caller maps
            return call.apply(new Interaction(request.client(), false, Map.of(), Map.of()));
        }
        Map<String, Object> answers = new LinkedHashMap<>(earlier.answers());
        Set<String> asked = earlier.asked();
        if (request.params().get("inputResponses") instanceof JsonObject responses) {
            // only answers to questions this call asked in an earlier round, as its sealed state says: an answer
            // without a state, or to a question never asked, is ignored, so no round can be skipped by answering ahead
            Jsonp.toJava(responses).forEach((key, value) -> {
                if (asked.contains(key) && value instanceof Map<?, ?>) {
                    answers.put(key, value);
                }
            });
        }
        Interaction input = new Interaction(request.client(), true, answers, earlier.kept());
        try {
            return call.apply(input);
        } catch (McpInput.InputRequired roundEnds) {
            Set<String> askedNow = new LinkedHashSet<>(asked);
            askedNow.addAll(input.inputRequests().keySet());
            return Jsonp.object()
                    .add("resultType", "input_required")
                    .add("inputRequests", input.inputRequests())
                    .add(
                            "requestState",
                            states.seal(
                                    binding(request.caller(), item, arguments),
                                    new RequestStates.Contents(input.answers(), input.keptValues(), askedNow)))
                    .build();
        }
    }

    /** What a state belongs to: hashed from the canonical arguments, so computed only when a state is opened or sealed. */
    private static String binding(McpCaller caller, String item, JsonValue arguments) {
        return RequestStates.binding(caller.issuer(), caller.subject(), caller.clientId(), item, arguments);
    }
}
