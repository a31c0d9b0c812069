package dev.mcpauth.runtime.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpauth.RequiresScope;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How the annotations of a method, its declaring class and its bean class make one requirement. */
class AccessRequirementTest {

    @RequiresScope("tickets:read")
    static class ScopedTools {
        public void read() {}

        @RequiresScope("tickets:write")
        public void write() {}
    }

    @RolesAllowed("auditor")
    static class AuditBase {
        public void inherited() {}
    }

    /** A bean class without annotations of its own that inherits an annotated class's method. */
    static class PlainAudit extends AuditBase {}

    @RolesAllowed("admin")
    static class AdminAudit extends AuditBase {
        public void own() {}
    }

    static class Unannotated {
        public void open() {}
    }

    @RolesAllowed("admin")
    static class RoleTools {
        @RolesAllowed({})
        public void nobody() {}

        @DenyAll
        public void denied() {}

        @PermitAll
        public void open() {}

        public void admins() {}
    }

    @DenyAll
    static class ClosedTools {
        public void closed() {}

        @RolesAllowed("ops")
        public void ops() {}
    }

    private static AccessRequirement of(Class<?> beanClass, Class<?> declaring, String method)
            throws NoSuchMethodException {
        Method javaMethod = declaring.getDeclaredMethod(method);
        return AccessRequirement.of(javaMethod, beanClass);
    }

    @Test
    void classAndMethodScopesAreAllRequired() throws Exception {
        assertEquals(
                List.of("tickets:read"),
                of(ScopedTools.class, ScopedTools.class, "read").scopes());
        AccessRequirement write = of(ScopedTools.class, ScopedTools.class, "write");
        assertEquals(List.of("tickets:read", "tickets:write"), write.scopes());
        assertTrue(write.methodLevelScopes());
        assertFalse(of(ScopedTools.class, ScopedTools.class, "read").methodLevelScopes());
    }

    @Test
    void anEmptyRolesAllowedAndDenyAllDenyEveryone() throws Exception {
        assertTrue(of(RoleTools.class, RoleTools.class, "nobody").denyAll());
        assertTrue(of(RoleTools.class, RoleTools.class, "denied").denyAll());
    }

    @Test
    void aMethodsOwnAnnotationWinsOverItsClass() throws Exception {
        AccessRequirement open = of(RoleTools.class, RoleTools.class, "open");
        assertEquals(Set.of(), open.rolesAllowed());
        assertFalse(open.denyAll());
        assertEquals(
                Set.of("admin"), of(RoleTools.class, RoleTools.class, "admins").rolesAllowed());
        assertEquals(
                Set.of("ops"), of(ClosedTools.class, ClosedTools.class, "ops").rolesAllowed());
        assertFalse(of(ClosedTools.class, ClosedTools.class, "ops").denyAll());
    }

    @Test
    void aClassLevelDenyAllClosesTheMethodsWithoutTheirOwnAnnotation() throws Exception {
        assertTrue(of(ClosedTools.class, ClosedTools.class, "closed").denyAll());
    }

    @Test
    void anInheritedMethodKeepsTheRolesOfTheClassThatDeclaresIt() throws Exception {
        assertEquals(
                Set.of("auditor"),
                of(PlainAudit.class, AuditBase.class, "inherited").rolesAllowed());
        // Jakarta Annotations: a class-level annotation applies to the methods that class declares
        assertEquals(
                Set.of("auditor"),
                of(AdminAudit.class, AuditBase.class, "inherited").rolesAllowed());
        assertEquals(
                Set.of("admin"), of(AdminAudit.class, AdminAudit.class, "own").rolesAllowed());
    }

    @Test
    void withoutAnyAnnotationNothingIsRequired() throws Exception {
        assertEquals(AccessRequirement.NONE, of(Unannotated.class, Unannotated.class, "open"));
    }

    @Test
    void invalidScopeTokensAreReportedForTheDeploymentCheck() {
        AccessRequirement requirement =
                new AccessRequirement(List.of("ok", "not ok", "quo\"te"), false, Set.of(), false);
        assertEquals(List.of("not ok", "quo\"te"), requirement.invalidScopes());
    }
}
