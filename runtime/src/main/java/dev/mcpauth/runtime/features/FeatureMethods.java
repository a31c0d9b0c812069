package dev.mcpauth.runtime.features;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Optional;

/** What every feature scanner asks of an annotated method: may it be one, and the handle to call it by. */
public final class FeatureMethods {

    private FeatureMethods() {
    }

    /**
     * Whether the method can serve a feature: public and not static (it is called on the bean).
     *
     * @param method the annotated method
     * @return true when it can
     */
    public static boolean isPublicInstance(Method method) {
        return Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers());
    }

    /**
     * The method as a handle taking the bean instance, then the arguments.
     *
     * @param method the annotated method
     * @return the handle, or empty when the method cannot be accessed (reported like a non-public method)
     */
    public static Optional<MethodHandle> handle(Method method) {
        try {
            method.setAccessible(true);
            return Optional.of(MethodHandles.lookup().unreflect(method));
        } catch (IllegalAccessException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
