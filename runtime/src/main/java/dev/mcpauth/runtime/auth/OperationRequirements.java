package dev.mcpauth.runtime.auth;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The access requirement of every protected operation, keyed by bean class and method, filled at deployment
 * by the extension. Keyed by the bean class too because one inherited method can be two operations: a base
 * class's method inherited by two beans with different class-level annotations needs different things on each.
 */
public final class OperationRequirements {

    private final Map<Key, AccessRequirement> requirements = new ConcurrentHashMap<>();

    /**
     * Computes and remembers the requirement of {@code method} on beans of {@code beanClass}.
     *
     * @param beanClass the bean class
     * @param method the method, possibly declared by a superclass
     * @return the requirement
     */
    public AccessRequirement register(Class<?> beanClass, Method method) {
        return requirements.computeIfAbsent(new Key(beanClass, method), key -> AccessRequirement.of(method, beanClass));
    }

    /**
     * The requirement of {@code method} on a bean of {@code beanClass}. A method the extension did not see
     * (on a bean added programmatically, say) is read from its annotations now, and remembered.
     *
     * @param beanClass the bean class
     * @param method the method
     * @return the requirement
     */
    public AccessRequirement of(Class<?> beanClass, Method method) {
        AccessRequirement known = requirements.get(new Key(beanClass, method));
        return known != null ? known : register(beanClass, method);
    }

    private record Key(Class<?> beanClass, Method method) {}
}
