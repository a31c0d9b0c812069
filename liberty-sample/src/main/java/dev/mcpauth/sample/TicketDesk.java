package dev.mcpauth.sample;

import dev.mcpauth.McpCaller;
import java.util.List;
import java.util.Optional;

/**
 * Where the tools find the caller's tickets: {@link InMemoryTicketDesk} (the default, self-contained) or
 * {@link TicketApiDesk}, the company's ticket API called on the caller's behalf with a token exchanged for it
 * ({@code sample.tickets=ticket-api}, as the demo runs). Either way a caller only ever reaches their own tickets.
 */
public interface TicketDesk {

    /**
     * The caller's tickets whose title, description or customer contains the text, any case.
     *
     * @param caller who asks
     * @param query the text; empty matches all
     * @return the tickets, by id
     */
    List<Ticket> search(McpCaller caller, String query);

    /**
     * One of the caller's tickets.
     *
     * @param caller who asks
     * @param id the ticket id
     * @return the ticket, empty when there is none or it is someone else's
     */
    Optional<Ticket> find(McpCaller caller, String id);

    /**
     * Records a draft reply to one of the caller's tickets.
     *
     * @param caller who drafts
     * @param ticket the ticket, found for this caller
     * @param text the reply
     * @return the recorded draft
     */
    Draft addDraft(McpCaller caller, Ticket ticket, String text);

    /**
     * The drafts recorded for one of the caller's tickets, oldest first.
     *
     * @param caller who asks
     * @param ticketId the ticket id
     * @return the drafts
     */
    List<Draft> drafts(McpCaller caller, String ticketId);
}
