package dev.mcpauth.sample;

import dev.mcpauth.McpCaller;
import dev.mcpauth.McpException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The tickets behind the company's ticket API, reached on the caller's behalf ({@link TicketApi}). The API decides
 * whose tickets the caller sees from the exchanged token's subject, and whether they may write from its scopes; its
 * refusals become tool errors that say so. A failed exchange (the user may not use the API, the authorization server
 * is down) reaches the client as the runtime's own message.
 */
@ApplicationScoped
@Typed(TicketApiDesk.class) // TicketDesks chooses which desk the tools get
public class TicketApiDesk implements TicketDesk {

    @Inject
    @RestClient
    TicketApi api;

    @Override
    public List<Ticket> search(McpCaller caller, String query) {
        return call(() -> api.search(query == null ? "" : query));
    }

    @Override
    public Optional<Ticket> find(McpCaller caller, String id) {
        try {
            return Optional.of(call(() -> api.get(id)));
        } catch (NotFound e) {
            return Optional.empty();
        }
    }

    @Override
    public Draft addDraft(McpCaller caller, Ticket ticket, String text) {
        return call(() -> api.draft(ticket.id(), new TicketApi.Reply(text)));
    }

    @Override
    public List<Draft> drafts(McpCaller caller, String ticketId) {
        return call(() -> api.drafts(ticketId));
    }

    /** One call, with the API's refusals in words the model can pass on. */
    private static <T> T call(Supplier<T> request) {
        try {
            return request.get();
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            throw switch (status) {
                case 404 -> new NotFound();
                case 403 ->
                    new McpException("The ticket API refused: your access to it does not allow this"
                            + " (it needs a permission your account does not have).");
                case 401 -> new McpException("The ticket API did not accept the token issued for it on your behalf.");
                default -> new McpException("The ticket API failed (HTTP " + status + "); try again later.", e);
            };
        } catch (ProcessingException e) {
            // the runtime's own message (a refused or failed token exchange) travels as the cause
            if (e.getCause() instanceof McpException message) {
                throw message;
            }
            throw new McpException("The ticket API cannot be reached right now; try again later.", e);
        }
    }

    /** The API answered 404: no such ticket for this caller. */
    private static final class NotFound extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotFound() {
            super(null, null, false, false);
        }
    }
}
