package dev.mcpauth.runtime.auth;

import dev.mcpauth.McpCaller;
import dev.mcpauth.RequiresScope;
import dev.mcpauth.runtime.tools.McpExtension;
import dev.mcpauth.runtime.tools.ScopeRequirement;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.util.List;

/**
 * Enforces {@link RequiresScope} on the methods it binds, reading the requirement the extension computed at
 * deployment. It fails closed: a call from outside an authenticated MCP request (no caller) is refused too.
 * The MCP endpoint checks the same requirement before it validates arguments, so a caller without the scope
 * gets 403 first; this interceptor guards the method itself, whoever calls it.
 */
@RequiresScope({})
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 200)
public class RequiresScopeInterceptor {

    @Inject
    McpExtension extension;

    @Inject
    CallerHolder holder;

    @AroundInvoke
    Object checkScopes(InvocationContext invocation) throws Exception {
        if (!extension.authSettings().enabled()) {
            return invocation.proceed();
        }
        List<String> required = extension.scopeRequirements().get(invocation.getMethod());
        if (required == null) {
            // a method the extension did not see (a bean added programmatically, say): read the annotations now
            required = ScopeRequirement.of(invocation.getMethod(), invocation.getTarget().getClass()).scopes();
        }
        McpCaller caller = holder.caller();
        List<String> missing = caller == null ? required : Scopes.missing(required, caller.scopes());
        if (!missing.isEmpty()) {
            throw new InsufficientScopeException(required, missing);
        }
        return invocation.proceed();
    }
}
