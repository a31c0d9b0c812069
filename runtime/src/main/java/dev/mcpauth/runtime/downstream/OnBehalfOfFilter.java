package dev.mcpauth.runtime.downstream;

import dev.mcpauth.McpCaller;
import dev.mcpauth.runtime.auth.CallerHolder;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.function.Supplier;

/**
 * Puts a token for the API, obtained in the MCP caller's name, on each request of an {@link dev.mcpauth.OnBehalfOf}
 * Rest Client: {@code Authorization: Bearer <exchanged token>}, replacing any other. The caller is the one of the MCP
 * request (or task) on whose thread the call runs.
 */
public final class OnBehalfOfFilter implements ClientRequestFilter {

    private final String api;
    private final Supplier<DownstreamTokens> tokens;
    private final Supplier<CallerHolder> callers;

    /**
     * The filter of one API.
     *
     * @param api the name in {@code @OnBehalfOf}
     * @param tokens the deployment's token service
     * @param callers the current request's caller
     */
    public OnBehalfOfFilter(String api, Supplier<DownstreamTokens> tokens, Supplier<CallerHolder> callers) {
        this.api = api;
        this.tokens = tokens;
        this.callers = callers;
    }

    @Override
    public void filter(ClientRequestContext request) {
        McpCaller caller = null;
        String callerToken = null;
        try {
            CallerHolder holder = callers.get();
            caller = holder.caller();
            callerToken = holder.rawToken();
        } catch (ContextNotActiveException e) {
            // no MCP request on this thread: tokenFor refuses with a message that says so
        }
        request.getHeaders()
                .putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.get().tokenFor(api, caller, callerToken));
    }
}
