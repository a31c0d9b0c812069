package dev.mcpauth.sample;

import dev.mcpauth.McpCaller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/** The tickets in this server's memory ({@link TicketStore}), owned by token subject. */
@ApplicationScoped
@Typed(InMemoryTicketDesk.class) // TicketDesks chooses which desk the tools get
public class InMemoryTicketDesk implements TicketDesk {

    @Inject
    TicketStore store;

    @Override
    public List<Ticket> search(McpCaller caller, String query) {
        return store.search(TicketTools.owner(caller), query);
    }

    @Override
    public Optional<Ticket> find(McpCaller caller, String id) {
        return store.find(TicketTools.owner(caller), id);
    }

    @Override
    public Draft addDraft(McpCaller caller, Ticket ticket, String text) {
        // the author is the ticket's assignee, as the desk knows them: only its owner gets this far
        return store.addDraft(ticket.id(), ticket.assignee(), text);
    }

    @Override
    public List<Draft> drafts(McpCaller caller, String ticketId) {
        return store.drafts(ticketId);
    }
}
