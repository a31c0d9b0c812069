package dev.mcpauth.runtime.auth;

import dev.mcpauth.McpCaller;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The one place that decides whether a caller may invoke an operation. The MCP endpoint asks it before it
 * invokes a tool, the list methods ask it which items to show, and {@link RequiresScopeInterceptor} asks it
 * whenever a protected bean method runs, whoever calls it. All of them read the operation's
 * {@link AccessRequirement}, computed once at deployment.
 *
 * <p>Order of the rules: no verified caller is refused (unless the operation requires nothing at all); {@code @DenyAll} and a missing role are refused
 * without a step-up challenge (no token could fix them); then missing scopes are refused with one.
 */
public final class Authorizer {

    private final boolean enforced;

    /**
     * An authorizer.
     *
     * @param enforced false when authentication is switched off ({@code mcp.auth.enabled=false}): then
     *     everything is allowed
     */
    public Authorizer(boolean enforced) {
        this.enforced = enforced;
    }

    /**
     * Whether decisions are made at all.
     *
     * @return false when authentication is switched off
     */
    public boolean enforced() {
        return enforced;
    }

    /**
     * Refuses what the caller may not do.
     *
     * @param requirement what the operation needs
     * @param caller the verified caller, or null when there is none
     * @param roles the caller's roles
     * @throws AccessDeniedException the refusal, when the caller may not
     */
    public void check(AccessRequirement requirement, McpCaller caller, Set<String> roles) {
        Supplier<AccessDeniedException> refusal = refusal(requirement, caller, roles);
        if (refusal != null) {
            throw refusal.get();
        }
    }

    /**
     * Refuses what the caller may not do, and hands on the decision about a bean method that passed, so the
     * authorization interceptor does not decide the same call again.
     *
     * @param beanClass the class of the bean whose method will be invoked
     * @param method the bean method
     * @param requirement what the method needs
     * @param caller the verified caller, or null when there is none
     * @param roles the caller's roles
     * @return the decision, for the invoker of this one call
     * @throws AccessDeniedException the refusal, when the caller may not
     */
    public AllowedCall allow(
            Class<?> beanClass, Method method, AccessRequirement requirement, McpCaller caller, Set<String> roles) {
        check(requirement, caller, roles);
        return new AllowedCall(beanClass, method);
    }

    /**
     * Whether the caller may invoke the operation: what the list methods show.
     *
     * @param requirement what the operation needs
     * @param caller the verified caller, or null
     * @param roles the caller's roles
     * @return true when {@link #check} would pass
     */
    public boolean permits(AccessRequirement requirement, McpCaller caller, Set<String> roles) {
        return refusal(requirement, caller, roles) == null;
    }

    /**
     * The decision: null to allow, or how to make the refusal. The exception is made only when it is thrown: the
     * list methods ask about every item, and an exception's stack trace costs more than the rest of the decision.
     */
    private Supplier<AccessDeniedException> refusal(
            AccessRequirement requirement, McpCaller caller, Set<String> roles) {
        if (!enforced) {
            return null;
        }
        if (caller == null) {
            // fail closed for anything protected; an operation that asks for nothing asks for no caller either
            return requirement.equals(AccessRequirement.NONE) ? null : NotAuthenticatedException::new;
        }
        if (requirement.denyAll()) {
            return () -> new AccessForbiddenException("The operation is not available to any caller");
        }
        if (!requirement.rolesAllowed().isEmpty()
                && requirement.rolesAllowed().stream().noneMatch(roles::contains)) {
            return () -> new AccessForbiddenException(
                    "The call needs one of the roles: " + String.join(" ", new TreeSet<>(requirement.rolesAllowed())));
        }
        List<String> missing = Scopes.missing(requirement.scopes(), caller.scopes());
        return missing.isEmpty() ? null : () -> new InsufficientScopeException(requirement.scopes(), missing);
    }
}
