package dev.mcpauth.runtime.features;

import dev.mcpauth.McpCaller;
import dev.mcpauth.McpClient;
import dev.mcpauth.McpInput;
import dev.mcpauth.McpProgress;
import dev.mcpauth.runtime.auth.AllowedCall;

/**
 * What one call of a feature method hands to its {@link ContextArgument} parameters: resolved once per request by the
 * protocol layer, read by every kind's binder the same way.
 *
 * @param caller the verified caller (or {@link McpCaller#ANONYMOUS} with authentication off)
 * @param client the client of the request
 * @param input the round's questions and answers; null where the method has no rounds (no such kind may take one)
 * @param progress where progress reports go; {@link McpProgress#NONE} unless the transport streams
 * @param allowed the dispatcher's decision that the caller may call the method, from {@code Authorizer#allow}
 */
public record CallContext(
        McpCaller caller, McpClient client, McpInput input, McpProgress progress, AllowedCall allowed) {

    /**
     * The context of a call without rounds or progress (a resource read, a completion).
     *
     * @param caller the verified caller
     * @param client the client of the request
     * @param allowed the dispatcher's decision that the caller may call the method
     * @return the context
     */
    public static CallContext of(McpCaller caller, McpClient client, AllowedCall allowed) {
        return new CallContext(caller, client, null, McpProgress.NONE, allowed);
    }
}
