package dev.mcpauth.runtime.auth;

import dev.mcpauth.McpCaller;
import dev.mcpauth.RequiresScope;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.Intercepted;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.util.Set;

/**
 * Guards the protected bean methods themselves, whoever calls them: a tool bean called from another bean
 * or from a REST resource of the application is refused just like an MCP call, and without a verified
 * MCP caller it is refused outright (fail closed). It asks {@link Authorizer} about the requirement the
 * extension computed for this bean class and method. The MCP endpoint asks the same question before it
 * validates arguments, so an MCP client without the scope gets its 403 first, and hands its decision on
 * ({@link AllowedCall}): the method the endpoint allowed is not decided twice.
 *
 * <p>It binds to {@link RequiresScope}; the extension also binds it to tool beans that use Jakarta
 * {@code @RolesAllowed} or {@code @DenyAll}.
 */
@RequiresScope({})
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 200)
public class RequiresScopeInterceptor {

    // field injection: the form every CDI container supports for interceptors
    @Inject
    @Intercepted
    Bean<?> bean;

    @Inject
    OperationRequirements requirements;

    @Inject
    Authorizer authorizer;

    @Inject
    CallerHolder holder;

    @AroundInvoke
    Object authorize(InvocationContext invocation) throws Exception {
        if (authorizer.enforced() && !AllowedCall.take(bean.getBeanClass(), invocation.getMethod())) {
            AccessRequirement requirement = requirements.of(bean.getBeanClass(), invocation.getMethod());
            McpCaller caller;
            Set<String> roles;
            try {
                caller = holder.caller();
                roles = holder.roles();
            } catch (ContextNotActiveException e) {
                // no request at all (a timer, a thread of the application's own): nobody is calling
                caller = null;
                roles = Set.of();
            }
            authorizer.check(requirement, caller, roles);
        }
        return invocation.proceed();
    }
}
