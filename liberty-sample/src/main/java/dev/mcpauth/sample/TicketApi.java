package dev.mcpauth.sample;

import dev.mcpauth.OnBehalfOf;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The company's ticket API ({@code liberty-sample/ticket-api}), called on behalf of the MCP caller: each call carries
 * a token the authorization server issued for {@code ticket-api} and this user, by token exchange, never the caller's
 * MCP token. Its URL is {@code ticket-api/mp-rest/url}; its audience and scopes are {@code mcp.downstream.ticket-api.*}.
 */
@RegisterRestClient(configKey = "ticket-api")
@OnBehalfOf("ticket-api")
@Path("/tickets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface TicketApi {

    /**
     * The caller's tickets matching a text.
     *
     * @param query the text
     * @return the tickets
     */
    @GET
    List<Ticket> search(@QueryParam("query") String query);

    /**
     * One of the caller's tickets; 404 for any other.
     *
     * @param id the ticket id
     * @return the ticket
     */
    @GET
    @Path("/{id}")
    Ticket get(@PathParam("id") String id);

    /**
     * The drafts of one of the caller's tickets.
     *
     * @param id the ticket id
     * @return the drafts, oldest first
     */
    @GET
    @Path("/{id}/drafts")
    List<Draft> drafts(@PathParam("id") String id);

    /**
     * Records a draft reply; needs {@code tickets:write} in the exchanged token.
     *
     * @param id the ticket id
     * @param reply the reply
     * @return the recorded draft
     */
    @POST
    @Path("/{id}/drafts")
    Draft draft(@PathParam("id") String id, Reply reply);

    /**
     * A draft's body.
     *
     * @param text the reply text
     */
    record Reply(String text) {}
}
