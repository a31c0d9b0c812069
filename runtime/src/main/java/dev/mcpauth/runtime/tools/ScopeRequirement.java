package dev.mcpauth.runtime.tools;

import dev.mcpauth.RequiresScope;
import dev.mcpauth.runtime.auth.Scopes;
import java.lang.reflect.Method;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The scopes one method needs, read once at deployment: the bean class's {@link RequiresScope} (inherited
 * from superclasses too) plus the method's own, all of them required.
 *
 * @param scopes the required scopes, class-level first, without duplicates
 * @param methodLevel whether the method has a {@code @RequiresScope} of its own
 * @param invalidScopes named scopes that are not valid OAuth scope tokens
 */
public record ScopeRequirement(List<String> scopes, boolean methodLevel, List<String> invalidScopes) {

    /**
     * The requirement of {@code method} called on a bean of class {@code beanClass}.
     *
     * @param method the method
     * @param beanClass the bean class whose {@code @RequiresScope} applies
     * @return the requirement
     */
    public static ScopeRequirement of(Method method, Class<?> beanClass) {
        Set<String> scopes = new LinkedHashSet<>();
        RequiresScope onClass = beanClass.getAnnotation(RequiresScope.class);
        RequiresScope onMethod = method.getAnnotation(RequiresScope.class);
        if (onClass != null) {
            scopes.addAll(List.of(onClass.value()));
        }
        if (onMethod != null) {
            scopes.addAll(List.of(onMethod.value()));
        }
        List<String> invalid = scopes.stream().filter(scope -> !Scopes.isScopeToken(scope)).toList();
        return new ScopeRequirement(List.copyOf(scopes), onMethod != null, invalid);
    }
}
