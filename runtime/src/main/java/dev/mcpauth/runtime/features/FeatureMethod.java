package dev.mcpauth.runtime.features;

import dev.mcpauth.runtime.auth.AccessRequirement;
import jakarta.enterprise.inject.spi.Bean;
import java.lang.invoke.MethodHandle;

/**
 * A bean method that serves one MCP feature item (a tool, resource, template, prompt or completion): what the
 * runtime needs to call it and to authorize the call, computed once at deployment.
 *
 * @param bean the CDI bean whose method it is
 * @param handle the method as {@code (Object[])Object}: the bean instance, then the arguments (see {@link FeatureMethods#handle})
 * @param where {@code Class#method} for logs and messages
 * @param access what a caller needs to invoke it
 */
public record FeatureMethod(Bean<?> bean, MethodHandle handle, String where, AccessRequirement access) {
}
