package dev.mcpauth.runtime.auth;

import dev.mcpauth.RequiresScope;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a caller needs to invoke one operation (a tool method, or any method bound to {@link RequiresScope}),
 * read once at deployment from the annotations of the method, the class that declares it and the bean class.
 * Every check (the endpoint's pre-check, the {@code tools/list} filter and the interceptor) reads this one
 * model through {@link Authorizer}.
 *
 * <ul>
 *   <li>scopes: all of them, the union of {@code @RequiresScope} on the bean class (inherited from its
 *       superclasses), on the declaring class and on the method;</li>
 *   <li>roles: one of them (Jakarta Annotations 2.1 §3.7 to §3.9): a method's own {@code @DenyAll},
 *       {@code @PermitAll} or {@code @RolesAllowed} wins; else the declaring class's; else the bean class's.
 *       {@code @DenyAll} and {@code @RolesAllowed({})} deny every caller.</li>
 * </ul>
 *
 * @param scopes the required scopes, class-level first, without duplicates
 * @param methodLevelScopes whether the method has a {@code @RequiresScope} of its own
 * @param rolesAllowed the roles of which the caller needs one; empty when no role is required
 * @param denyAll whether no caller may invoke the operation at all
 */
public record AccessRequirement(
        List<String> scopes, boolean methodLevelScopes, Set<String> rolesAllowed, boolean denyAll) {

    /** An operation open to every authenticated caller. */
    public static final AccessRequirement NONE = new AccessRequirement(List.of(), false, Set.of(), false);

    /** Copies the collections. */
    public AccessRequirement {
        scopes = List.copyOf(scopes);
        rolesAllowed = Set.copyOf(rolesAllowed);
    }

    /**
     * The requirement of {@code method} invoked on a bean of class {@code beanClass}.
     *
     * @param method the method (possibly declared by a superclass of the bean class)
     * @param beanClass the bean class
     * @return the requirement
     */
    public static AccessRequirement of(Method method, Class<?> beanClass) {
        Set<String> scopes = new LinkedHashSet<>();
        addScopes(beanClass.getAnnotation(RequiresScope.class), scopes);
        addScopes(method.getDeclaringClass().getAnnotation(RequiresScope.class), scopes);
        RequiresScope onMethod = method.getAnnotation(RequiresScope.class);
        addScopes(onMethod, scopes);

        RoleRule rule = RoleRule.of(method);
        if (rule == null) {
            rule = RoleRule.of(method.getDeclaringClass());
        }
        if (rule == null) {
            rule = RoleRule.of(beanClass);
        }
        if (rule == null) {
            rule = RoleRule.PERMIT;
        }
        return new AccessRequirement(List.copyOf(scopes), onMethod != null, rule.roles, rule.denyAll);
    }

    /**
     * The named scopes that are not valid OAuth scope tokens, for the deployment check.
     *
     * @return the invalid scopes, empty when all are valid
     */
    public List<String> invalidScopes() {
        return scopes.stream().filter(scope -> !Scopes.isScopeToken(scope)).toList();
    }

    private static void addScopes(RequiresScope annotation, Set<String> scopes) {
        if (annotation != null) {
            scopes.addAll(List.of(annotation.value()));
        }
    }

    /** The Jakarta security annotation found on one element, as a rule. */
    private record RoleRule(Set<String> roles, boolean denyAll) {
        static final RoleRule PERMIT = new RoleRule(Set.of(), false);
        static final RoleRule DENY = new RoleRule(Set.of(), true);

        /** The rule on {@code element}, or null when it carries none of the annotations. */
        static RoleRule of(AnnotatedElement element) {
            if (element.isAnnotationPresent(DenyAll.class)) {
                return DENY;
            }
            RolesAllowed roles = element.getAnnotation(RolesAllowed.class);
            if (roles != null) {
                // fail closed: an empty list names no role anyone could have
                return roles.value().length == 0
                        ? DENY
                        : new RoleRule(new LinkedHashSet<>(List.of(roles.value())), false);
            }
            return element.isAnnotationPresent(PermitAll.class) ? PERMIT : null;
        }
    }
}
