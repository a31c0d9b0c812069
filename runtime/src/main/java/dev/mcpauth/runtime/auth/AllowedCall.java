package dev.mcpauth.runtime.auth;

import java.lang.reflect.Method;

/**
 * Hands the MCP dispatcher's decision to {@link RequiresScopeInterceptor}, so one call is decided once. The
 * dispatcher asks {@link Authorizer} before it validates arguments (the client must get its 403 first); the
 * interceptor must still guard the bean method whoever calls it. Between the two, this marks the one bean method the
 * dispatcher allowed for the request's caller, on the calling thread, for one use: the interceptor takes the mark
 * and, only when it names the bean class and method being invoked, lets the call through without deciding again.
 * The decision depends on nothing but the requirement, which the bean class and method determine (an inherited
 * method needs the scopes of the bean it is called on), and the caller, who is the same on this thread.
 *
 * <p>A mark is taken by the first intercepted invocation on the thread, whichever method it is, and cleared when
 * the call returns: anything the feature method calls in turn is decided by the interceptor as usual.
 */
public final class AllowedCall {

    private static final ThreadLocal<Allowed> ALLOWED = new ThreadLocal<>();

    private record Allowed(Class<?> beanClass, Method method) {}

    private AllowedCall() {}

    /**
     * Marks the method about to be invoked on this thread as allowed. Call only after {@link Authorizer#check}
     * passed for the method's requirement and the request's caller, and {@link #clear()} in a {@code finally}.
     *
     * @param beanClass the class of the bean the method is invoked on
     * @param method the feature method about to be invoked
     */
    public static void mark(Class<?> beanClass, Method method) {
        ALLOWED.set(new Allowed(beanClass, method));
    }

    /** Removes the mark, taken or not. */
    public static void clear() {
        ALLOWED.remove();
    }

    /**
     * Takes the mark: true when it named this bean class and method. The mark is gone either way.
     *
     * @param beanClass the class of the bean being invoked
     * @param method the method being invoked
     * @return whether the dispatcher allowed exactly this invocation
     */
    static boolean take(Class<?> beanClass, Method method) {
        Allowed allowed = ALLOWED.get();
        if (allowed == null) {
            return false;
        }
        ALLOWED.remove();
        return allowed.beanClass() == beanClass && allowed.method().equals(method);
    }
}
