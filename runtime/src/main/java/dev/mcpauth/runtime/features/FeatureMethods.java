package dev.mcpauth.runtime.features;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Optional;

/** What every feature scanner asks of an annotated method: may it be one, and the handle to call it by. */
public final class FeatureMethods {

    private FeatureMethods() {}

    /**
     * Where a method is, as deployment messages and logs name it.
     *
     * @param method the method
     * @return {@code Class#method}
     */
    public static String where(Method method) {
        return method.getDeclaringClass().getName() + "#" + method.getName();
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
     * The method as a handle of type {@code (Object[])Object}: the array holds the bean instance, then the
     * arguments; a {@code void} method returns null. Adapted once here so each call is one {@code invokeExact}
     * (measured: {@code invokeWithArguments} re-derives the spreading and the conversions on every call).
     *
     * @param method the annotated method
     * @return the handle, or empty when the method cannot be accessed (reported like a non-public method)
     */
    public static Optional<MethodHandle> handle(Method method) {
        try {
            method.setAccessible(true);
            MethodHandle direct = MethodHandles.lookup().unreflect(method).asFixedArity();
            int parameters = direct.type().parameterCount();
            return Optional.of(
                    direct.asType(MethodType.genericMethodType(parameters)).asSpreader(Object[].class, parameters));
        } catch (IllegalAccessException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
