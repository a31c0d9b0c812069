package dev.mcpauth.ticketapi;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;

/**
 * The tickets of the token's user: reading needs {@code tickets:read}, drafting {@code tickets:write} (RFC 6750 §3.1
 * {@code insufficient_scope} otherwise). Someone else's ticket answers {@code 404} like a missing one.
 */
@Path("/tickets")
@Produces(MediaType.APPLICATION_JSON)
public class TicketResource {

    @Inject
    TicketBook book;

    @Context
    SecurityContext security;

    /**
     * The caller's tickets matching a text.
     *
     * @param query the text
     * @return the tickets
     */
    @GET
    public List<Ticket> search(@QueryParam("query") String query) {
        return book.search(caller("tickets:read").subject(), query);
    }

    /**
     * One of the caller's tickets.
     *
     * @param id the ticket id
     * @return the ticket; 404 when it is not the caller's
     */
    @GET
    @Path("/{id}")
    public Ticket get(@PathParam("id") String id) {
        return book.find(caller("tickets:read").subject(), id).orElseThrow(TicketResource::notFound);
    }

    /**
     * The drafts of one of the caller's tickets.
     *
     * @param id the ticket id
     * @return the drafts
     */
    @GET
    @Path("/{id}/drafts")
    public List<Draft> drafts(@PathParam("id") String id) {
        Ticket ticket = book.find(caller("tickets:read").subject(), id).orElseThrow(TicketResource::notFound);
        return book.drafts(ticket.id());
    }

    /**
     * Records a draft reply to one of the caller's tickets.
     *
     * @param id the ticket id
     * @param reply the reply
     * @return 201 with the draft
     */
    @POST
    @Path("/{id}/drafts")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response draft(@PathParam("id") String id, Reply reply) {
        Caller caller = caller("tickets:write");
        Ticket ticket = book.find(caller.subject(), id).orElseThrow(TicketResource::notFound);
        if (reply == null || reply.text() == null || reply.text().isBlank()) {
            throw new WebApplicationException(Response.status(400)
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity("{\"error\":\"the draft needs a text\"}")
                    .build());
        }
        return Response.status(201).entity(book.addDraft(ticket, reply.text())).build();
    }

    /**
     * A draft's body.
     *
     * @param text the reply
     */
    public record Reply(String text) {}

    /** The verified caller, who must hold the scope. */
    private Caller caller(String scope) {
        Caller caller = (Caller) security.getUserPrincipal();
        if (!caller.scopes().contains(scope)) {
            throw new WebApplicationException(Response.status(403)
                    .header(
                            HttpHeaders.WWW_AUTHENTICATE,
                            "Bearer realm=\"ticket-api\", error=\"insufficient_scope\", scope=\"" + scope + "\"")
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(Json.createObjectBuilder()
                            .add("error", "insufficient_scope")
                            .add("scope", scope)
                            .build()
                            .toString())
                    .build());
        }
        return caller;
    }

    private static WebApplicationException notFound() {
        return new WebApplicationException(Response.status(404)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity("{\"error\":\"no such ticket\"}")
                .build());
    }
}
