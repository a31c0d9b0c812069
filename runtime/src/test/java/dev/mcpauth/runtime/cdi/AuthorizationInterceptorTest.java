package dev.mcpauth.runtime.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mcpauth.McpCaller;
import dev.mcpauth.RequiresScope;
import dev.mcpauth.Tool;
import dev.mcpauth.runtime.auth.AccessForbiddenException;
import dev.mcpauth.runtime.auth.AccessRequirement;
import dev.mcpauth.runtime.auth.AllowedCall;
import dev.mcpauth.runtime.auth.Authorizer;
import dev.mcpauth.runtime.auth.CallerHolder;
import dev.mcpauth.runtime.auth.InsufficientScopeException;
import dev.mcpauth.runtime.auth.NotAuthenticatedException;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.inject.Inject;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The authorization interceptor guards protected bean methods whoever calls them: another bean, a REST
 * resource of the application, a timer. These calls never pass the MCP endpoint's own check.
 */
class AuthorizationInterceptorTest {

    private static final Map<String, String> AUTH_ON = Map.of(
            "mcp.auth.resource", "https://mcp.example.com/mcp",
            "mp.jwt.verify.issuer", "https://idp.example.com/realms/acme");

    @ApplicationScoped
    @RequiresScope("tickets:read")
    public static class TicketTools {
        @Tool
        public String readTicket(String id) {
            return "ticket " + id;
        }

        @Tool
        @RequiresScope("tickets:write")
        public String closeTicket(String id) {
            return "closed " + id;
        }
    }

    /** Guarded by Jakarta annotations only: no {@code @RequiresScope} anywhere. */
    @ApplicationScoped
    @RolesAllowed("admin")
    public static class AdminTools {
        @Tool
        public String purge() {
            return "purged";
        }

        @Tool
        @DenyAll
        public String dropEverything() {
            return "dropped";
        }

        @Tool
        @PermitAll
        public String status() {
            return "ok";
        }
    }

    /** A base class whose method two beans inherit, each with its own class-level scope. */
    public abstract static class ReportBase {
        public String report() {
            return "report";
        }
    }

    @ApplicationScoped
    @RequiresScope("sales:read")
    public static class SalesReports extends ReportBase {}

    @ApplicationScoped
    @RequiresScope("hr:read")
    public static class HrReports extends ReportBase {}

    /** Application code that calls a tool bean directly, outside any MCP request. */
    @ApplicationScoped
    public static class NightlyJob {
        @Inject
        TicketTools tickets;

        public String run() {
            return tickets.closeTicket("T-1");
        }
    }

    @RequestScoped
    public static class RequestScopedCallerUser {
        @Inject
        McpCaller caller;

        public String who() {
            return caller.subject();
        }
    }

    private TestDeployment deployment;
    private WeldContainer container;

    @BeforeEach
    void deploy() {
        deployment = TestDeployment.of(
                AUTH_ON,
                TicketTools.class,
                AdminTools.class,
                SalesReports.class,
                HrReports.class,
                NightlyJob.class,
                RequestScopedCallerUser.class);
        container = deployment.container();
    }

    @AfterEach
    void undeploy() {
        deployment.close();
    }

    /** Runs {@code call} in a request whose verified caller has {@code scopes} and {@code roles}. */
    private <T> T as(Set<String> scopes, Set<String> roles, Supplier<T> call) {
        RequestContextController request =
                container.select(RequestContextController.class).get();
        request.activate();
        try {
            container
                    .select(CallerHolder.class)
                    .get()
                    .set(new McpCaller("alice", "desk", scopes, Map.of()), null, roles);
            return call.get();
        } finally {
            request.deactivate();
        }
    }

    @Test
    void aToolBeanCalledByAnotherBeanOutsideAnyRequestIsRefused() {
        NightlyJob job = container.select(NightlyJob.class).get();
        assertThrows(NotAuthenticatedException.class, job::run);
    }

    @Test
    void aToolBeanCalledInARequestWithoutAVerifiedCallerIsRefused() {
        RequestContextController request =
                container.select(RequestContextController.class).get();
        request.activate();
        try {
            TicketTools tools = container.select(TicketTools.class).get();
            assertThrows(NotAuthenticatedException.class, () -> tools.readTicket("T-1"));
        } finally {
            request.deactivate();
        }
    }

    @Test
    void theInterceptorRefusesMissingScopesNamingEveryScopeTheMethodNeeds() {
        TicketTools tools = container.select(TicketTools.class).get();
        assertEquals("ticket T-1", as(Set.of("tickets:read"), Set.of(), () -> tools.readTicket("T-1")));
        InsufficientScopeException refusal = assertThrows(
                InsufficientScopeException.class,
                () -> as(Set.of("tickets:read"), Set.of(), () -> tools.closeTicket("T-1")));
        assertEquals(List.of("tickets:read", "tickets:write"), refusal.required());
        assertEquals(List.of("tickets:write"), refusal.missing());
        assertEquals(
                "closed T-1", as(Set.of("tickets:read", "tickets:write"), Set.of(), () -> tools.closeTicket("T-1")));
    }

    @Test
    void anInheritedMethodNeedsTheScopeOfTheBeanItIsCalledOnAndNoOther() {
        SalesReports sales = container.select(SalesReports.class).get();
        HrReports hr = container.select(HrReports.class).get();
        assertEquals("report", as(Set.of("sales:read"), Set.of(), sales::report));
        InsufficientScopeException refusal =
                assertThrows(InsufficientScopeException.class, () -> as(Set.of("sales:read"), Set.of(), hr::report));
        assertEquals(List.of("hr:read"), refusal.required());
        assertEquals("report", as(Set.of("hr:read"), Set.of(), hr::report));
    }

    /**
     * The MCP dispatcher's decision reaches the interceptor for exactly the bean method it allowed, once: a mark
     * for one method lets no other through, not the same inherited method on another bean, not a second call.
     */
    @Test
    void theDispatchersDecisionCoversOnlyTheOneBeanMethodItAllowedOnce() throws Exception {
        TicketTools tools = container.select(TicketTools.class).get();
        SalesReports sales = container.select(SalesReports.class).get();
        HrReports hr = container.select(HrReports.class).get();
        Set<String> readOnly = Set.of("tickets:read");
        assertEquals(
                "closed T-1",
                as(
                        readOnly,
                        Set.of(),
                        () -> allowed(TicketTools.class, "closeTicket", () -> tools.closeTicket("T-1"))));
        assertThrows(
                InsufficientScopeException.class,
                () -> as(
                        readOnly,
                        Set.of(),
                        () -> allowed(TicketTools.class, "readTicket", () -> tools.closeTicket("T-1"))));
        assertThrows(
                InsufficientScopeException.class,
                () -> as(Set.of("sales:read"), Set.of(), () -> allowed(SalesReports.class, "report", hr::report)));
        assertThrows(
                InsufficientScopeException.class,
                () -> as(
                        readOnly,
                        Set.of(),
                        () -> allowed(
                                TicketTools.class,
                                "closeTicket",
                                () -> tools.closeTicket("T-1") + tools.closeTicket("T-2"))));
    }

    /**
     * Calls {@code call} with the dispatcher's decision about one bean method marked, as {@code BeanMethodInvoker}
     * does. The decision is the authorizer's own, made for an operation that needs nothing, so the interceptor's
     * answer shows whether it took the mark or decided again.
     */
    private static <T> T allowed(Class<?> beanClass, String method, Supplier<T> call) {
        Method allowedMethod;
        try {
            allowedMethod = beanClass.getMethod(
                    method, beanClass == TicketTools.class ? new Class<?>[] {String.class} : new Class<?>[0]);
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
        AllowedCall decision =
                new Authorizer(true).allow(beanClass, allowedMethod, AccessRequirement.NONE, null, Set.of());
        decision.mark(beanClass, allowedMethod);
        try {
            return call.get();
        } finally {
            AllowedCall.clear();
        }
    }

    /** No decision is handed on without the authorizer saying yes: a refused caller gets the refusal, not a mark. */
    @Test
    void onlyAnAllowedDecisionCanBeHandedOn() throws Exception {
        Method close = TicketTools.class.getMethod("closeTicket", String.class);
        AccessRequirement needsWrite =
                new AccessRequirement(List.of("tickets:read", "tickets:write"), false, Set.of(), false);
        McpCaller reader = new McpCaller("alice", "desk", Set.of("tickets:read"), Map.of());
        assertThrows(
                InsufficientScopeException.class,
                () -> new Authorizer(true).allow(TicketTools.class, close, needsWrite, reader, Set.of("tickets:read")));
        assertThrows(
                NotAuthenticatedException.class,
                () -> new Authorizer(true).allow(TicketTools.class, close, needsWrite, null, Set.of()));
    }

    @Test
    void rolesAllowedOnAToolBeanIsEnforcedOnDirectCallsToo() {
        AdminTools admin = container.select(AdminTools.class).get();
        assertThrows(NotAuthenticatedException.class, admin::purge);
        AccessForbiddenException refusal =
                assertThrows(AccessForbiddenException.class, () -> as(Set.of("admin"), Set.of("user"), admin::purge));
        assertEquals("The call needs one of the roles: admin", refusal.getMessage());
        assertEquals("purged", as(Set.of(), Set.of("admin"), admin::purge));
    }

    @Test
    void denyAllRefusesEvenTheRightRoleAndPermitAllOpensTheMethod() {
        AdminTools admin = container.select(AdminTools.class).get();
        assertThrows(AccessForbiddenException.class, () -> as(Set.of(), Set.of("admin"), admin::dropEverything));
        assertEquals("ok", as(Set.of(), Set.of(), admin::status));
    }

    @Test
    void aRequestScopedBeanSeesTheCallerOfItsOwnRequest() {
        assertEquals(
                "alice",
                as(
                        Set.of(),
                        Set.of(),
                        () -> container
                                .select(RequestScopedCallerUser.class)
                                .get()
                                .who()));
    }
}
