package dev.mcpauth.runtime.auth;

import java.lang.reflect.Method;

/**
 * The MCP dispatcher's decision about one bean method, handed to {@link RequiresScopeInterceptor} so one call is
 * decided once. The dispatcher asks {@link Authorizer#allow} before it validates arguments (the client must get its
 * 403 first); the interceptor must still guard the bean method whoever calls it. Only {@link Authorizer#allow} makes
 * one, after the decision passed, so code that never asked cannot skip the interceptor.
 *
 * <p>The invoker {@linkplain #mark marks} the method on the calling thread right before it invokes the bean, for one
 * use: the interceptor takes the mark and, only when it names the bean class and method being invoked, lets the call
 * through without deciding again. The decision depends on nothing but the requirement, which the bean class and
 * method determine (an inherited method needs the scopes of the bean it is called on), and the caller, who is the
 * same on this thread. A mark is taken by the first intercepted invocation on the thread, whichever method it is, and
 * cleared when the call returns: anything the feature method calls in turn is decided by the interceptor as usual.
 */
public final class AllowedCall {

    private static final ThreadLocal<AllowedCall> MARKED = new ThreadLocal<>();

    private final Class<?> beanClass;
    private final Method method;

    AllowedCall(Class<?> beanClass, Method method) {
        this.beanClass = beanClass;
        this.method = method;
    }

    /**
     * Marks this call on the current thread when it is the one about to be invoked; call {@link #clear()} in a
     * {@code finally}.
     *
     * @param invokedBeanClass the class of the bean about to be invoked
     * @param invokedMethod the method about to be invoked
     */
    public void mark(Class<?> invokedBeanClass, Method invokedMethod) {
        if (names(invokedBeanClass, invokedMethod)) {
            MARKED.set(this);
        }
    }

    /** Removes the mark of the current thread, taken or not. */
    public static void clear() {
        MARKED.remove();
    }

    /**
     * Takes the mark: true when it named this bean class and method. The mark is gone either way.
     *
     * @param invokedBeanClass the class of the bean being invoked
     * @param invokedMethod the method being invoked
     * @return whether the dispatcher allowed exactly this invocation
     */
    static boolean take(Class<?> invokedBeanClass, Method invokedMethod) {
        AllowedCall marked = MARKED.get();
        if (marked == null) {
            return false;
        }
        MARKED.remove();
        return marked.names(invokedBeanClass, invokedMethod);
    }

    private boolean names(Class<?> invokedBeanClass, Method invokedMethod) {
        return beanClass == invokedBeanClass && method.equals(invokedMethod);
    }
}
