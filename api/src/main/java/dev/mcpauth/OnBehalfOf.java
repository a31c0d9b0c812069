package dev.mcpauth;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a MicroProfile Rest Client interface whose calls go to another API <em>on behalf of the MCP caller</em>: each
 * call carries a token the authorization server issued for that API and that user, obtained by token exchange
 * (RFC 8693) with the caller's token as the subject. The caller's own token never leaves the MCP server: its audience
 * is this server, and MCP's authorization rules forbid passing it through.
 *
 * <pre>{@code
 * @RegisterRestClient(configKey = "ticket-api")
 * @OnBehalfOf("ticket-api")
 * @Path("/tickets")
 * public interface TicketApi {
 *     @GET @Path("/{id}") Ticket get(@PathParam("id") String id);
 * }
 * }</pre>
 *
 * <p>The name is the API's entry in the configuration: {@code mcp.downstream.<name>.audience} (required: the audience
 * to ask for), {@code mcp.downstream.<name>.scopes} (optional), and the MCP server's own client at the authorization
 * server, {@code mcp.token-exchange.client-id} with a secret or a private key. Exchanged tokens are cached per caller
 * token and API until shortly before they expire. When the authorization server refuses or cannot be reached, the
 * call fails with a {@link DownstreamAccessException} whose message is written for the model and the user.
 *
 * <p>Calls must happen while an MCP request (or a task it started) is being served: outside one there is no caller.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface OnBehalfOf {

    /**
     * The API's name in the configuration keys {@code mcp.downstream.<name>.*}.
     *
     * @return the name, such as {@code ticket-api}
     */
    String value();
}
