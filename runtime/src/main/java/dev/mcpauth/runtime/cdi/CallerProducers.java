package dev.mcpauth.runtime.cdi;

import dev.mcpauth.McpCaller;
import dev.mcpauth.runtime.auth.CallerHolder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Makes the caller injectable: {@code @Inject McpCaller caller} and, for code written against MicroProfile
 * JWT, {@code @Inject JsonWebToken token} (do not also enable Liberty's {@code mpJwt} feature, which
 * produces its own).
 */
@ApplicationScoped
public class CallerProducers {

    /**
     * The caller of the current request.
     *
     * @param holder the request's caller
     * @return the caller; {@link McpCaller#ANONYMOUS} outside an authenticated MCP request
     */
    @Produces
    @Dependent
    McpCaller caller(CallerHolder holder) {
        McpCaller caller = holder.caller();
        return caller == null ? McpCaller.ANONYMOUS : caller;
    }

    /**
     * The caller's token.
     *
     * @param holder the request's caller
     * @return the token; one without claims outside an authenticated MCP request
     */
    @Produces
    @RequestScoped
    JsonWebToken jsonWebToken(CallerHolder holder) {
        return holder.jsonWebToken();
    }
}
