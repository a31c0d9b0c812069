package dev.mcpauth;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Requires OAuth scopes of the caller's access token to call a tool.
 *
 * <p>On a tool bean class it applies to every tool of the class; on a method it adds to the class's
 * requirement. All named scopes are required (all-of). A call without them is refused with HTTP 403
 * and a {@code WWW-Authenticate: Bearer error="insufficient_scope", scope="..."} challenge naming every
 * scope the call needs (MCP 2025-11-25, Authorization, Scope Challenge Handling), and {@code tools/list}
 * shows a caller only the tools their scopes allow.
 *
 * <pre>{@code
 * @ApplicationScoped
 * @RequiresScope("tickets:read")
 * public class TicketTools {
 *     @Tool public List<Ticket> searchTickets(String query) { ... }
 *
 *     @Tool @RequiresScope("tickets:write")          // needs tickets:read and tickets:write
 *     public Draft draftReply(String ticketId, String text) { ... }
 * }
 * }</pre>
 *
 * <p>It is an interceptor binding whose member is {@link Nonbinding}, so one interceptor serves every
 * value, reading a scope model computed once at deployment.
 */
@Documented
@Inherited
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RequiresScope {

    /**
     * The scopes required, all of them. Each must be a valid OAuth scope token (RFC 6749 §3.3: printable
     * ASCII without spaces, quotes or backslashes).
     *
     * @return the required scopes
     */
    @Nonbinding
    String[] value();
}
