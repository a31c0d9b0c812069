package dev.mcpauth.runtime.auth;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpauth.McpCaller;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The one decision: what each kind of requirement lets a caller do, and what the refusal says. */
class AuthorizerTest {

    private static final Authorizer ON = new Authorizer(true);
    private static final AccessRequirement READ =
            new AccessRequirement(List.of("tickets:read"), false, Set.of(), false);
    private static final AccessRequirement CLOSE =
            new AccessRequirement(List.of("tickets:read", "tickets:write"), true, Set.of(), false);
    private static final AccessRequirement ADMIN =
            new AccessRequirement(List.of(), false, Set.of("admin", "ops"), false);
    private static final AccessRequirement ADMIN_WITH_SCOPE =
            new AccessRequirement(List.of("tickets:write"), false, Set.of("admin"), false);
    private static final AccessRequirement DENIED = new AccessRequirement(List.of(), false, Set.of(), true);

    private static McpCaller caller(String... scopes) {
        return new McpCaller("alice", "desk-app", Set.of(scopes), Map.of());
    }

    @Test
    void missingScopesAreRefusedNamingEveryRequiredAndTheMissingOnes() {
        InsufficientScopeException refusal =
                assertThrows(InsufficientScopeException.class, () -> ON.check(CLOSE, caller("tickets:read"), Set.of()));
        assertEquals(List.of("tickets:read", "tickets:write"), refusal.required());
        assertEquals(List.of("tickets:write"), refusal.missing());
        assertEquals("The call needs scope(s): tickets:write", refusal.getMessage());
        assertEquals(AuditLog.Reason.INSUFFICIENT_SCOPE, refusal.reason());
        assertDoesNotThrow(() -> ON.check(CLOSE, caller("tickets:write", "tickets:read"), Set.of()));
    }

    @Test
    void aMissingRoleIsAPlainRefusalNotAScopeChallenge() {
        AccessForbiddenException refusal =
                assertThrows(AccessForbiddenException.class, () -> ON.check(ADMIN, caller("admin"), Set.of("user")));
        assertEquals("The call needs one of the roles: admin ops", refusal.getMessage());
        assertEquals(AuditLog.Reason.FORBIDDEN, refusal.reason());
        assertDoesNotThrow(() -> ON.check(ADMIN, caller(), Set.of("ops")));
    }

    @Test
    void theRoleIsCheckedBeforeTheScopesSoNoUselessStepUpIsAskedFor() {
        assertThrows(AccessForbiddenException.class, () -> ON.check(ADMIN_WITH_SCOPE, caller(), Set.of()));
        assertThrows(InsufficientScopeException.class, () -> ON.check(ADMIN_WITH_SCOPE, caller(), Set.of("admin")));
    }

    @Test
    void denyAllRefusesEveryone() {
        assertThrows(AccessForbiddenException.class, () -> ON.check(DENIED, caller("tickets:read"), Set.of("admin")));
        assertFalse(ON.permits(DENIED, caller(), Set.of("admin")));
    }

    @Test
    void withoutACallerAnythingProtectedIsRefusedButAnOpenOperationIsNot() {
        assertThrows(NotAuthenticatedException.class, () -> ON.check(READ, null, Set.of()));
        assertThrows(NotAuthenticatedException.class, () -> ON.check(ADMIN, null, Set.of()));
        assertDoesNotThrow(() -> ON.check(AccessRequirement.NONE, null, Set.of()));
    }

    @Test
    void permitsAgreesWithCheckForListFiltering() {
        List<AccessRequirement> all = List.of(READ, CLOSE, ADMIN, ADMIN_WITH_SCOPE, DENIED, AccessRequirement.NONE);
        McpCaller reader = caller("tickets:read");
        Set<String> roles = Set.of("ops");
        for (AccessRequirement requirement : all) {
            boolean allowed;
            try {
                ON.check(requirement, reader, roles);
                allowed = true;
            } catch (AccessDeniedException e) {
                allowed = false;
            }
            assertEquals(allowed, ON.permits(requirement, reader, roles), requirement.toString());
        }
        assertTrue(ON.permits(READ, reader, roles));
        assertTrue(ON.permits(ADMIN, reader, roles));
        assertFalse(ON.permits(CLOSE, reader, roles));
    }

    @Test
    void withAuthenticationOffEverythingIsAllowed() {
        Authorizer off = new Authorizer(false);
        assertDoesNotThrow(() -> off.check(DENIED, null, Set.of()));
        assertTrue(off.permits(CLOSE, null, Set.of()));
    }
}
