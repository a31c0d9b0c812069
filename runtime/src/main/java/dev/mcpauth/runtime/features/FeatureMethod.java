package dev.mcpauth.runtime.features;

import dev.mcpauth.McpCaller;
import dev.mcpauth.runtime.auth.AccessRequirement;
import dev.mcpauth.runtime.auth.AllowedCall;
import dev.mcpauth.runtime.auth.Authorizer;
import jakarta.enterprise.inject.spi.Bean;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.Method;
import java.util.Set;

/**
 * A bean method that serves one MCP feature item (a tool, resource, template, prompt or completion): what the
 * runtime needs to call it and to authorize the call, computed once at deployment.
 *
 * @param bean the CDI bean whose method it is
 * @param method the Java method, which the authorization interceptor sees when it is called
 * @param handle the method as {@code (Object[])Object}: the bean instance, then the arguments (see {@link FeatureMethods#handle})
 * @param access what a caller needs to invoke it
 */
public record FeatureMethod(Bean<?> bean, Method method, MethodHandle handle, AccessRequirement access) {

    /**
     * Where the method is, for logs and messages.
     *
     * @return {@code Class#method}
     */
    public String where() {
        return FeatureMethods.where(method);
    }

    /**
     * Asks the authorizer whether the caller may call this method.
     *
     * @param authorizer the one decision
     * @param caller the verified caller, or null
     * @param roles the caller's roles
     * @return the decision, which the invoker hands to the authorization interceptor
     * @throws dev.mcpauth.runtime.auth.AccessDeniedException when the caller may not
     */
    public AllowedCall authorize(Authorizer authorizer, McpCaller caller, Set<String> roles) {
        // a definition made without a bean (a unit test's, a benchmark's) gets a decision that names no bean class
        return authorizer.allow(bean == null ? null : bean.getBeanClass(), method, access, caller, roles);
    }
}
