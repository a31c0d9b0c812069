package dev.mcpauth.runtime.features;

import dev.mcpauth.runtime.auth.AccessRequirement;
import jakarta.enterprise.inject.spi.Bean;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.Method;

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
}
