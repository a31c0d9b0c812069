package dev.mcpauth.ticketapi;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The company's tickets, each owned by one employee's user id (the {@code sub} of their tokens), and the drafted replies.
 * The same demo data as the MCP sample's own in-memory store, so the sample answers alike in both of its modes.
 */
@ApplicationScoped
public class TicketBook {

    static final String ALICE = "a11ce000-0000-4000-8000-000000000001";
    static final String BOB = "b0b00000-0000-4000-8000-000000000002";

    private record Owned(String owner, Ticket ticket) {}

    private final Map<String, Owned> tickets = List.of(
                    new Owned(
                            ALICE,
                            new Ticket(
                                    "T-1001",
                                    "Cannot log in after password reset",
                                    "OPEN",
                                    "ACME Corp",
                                    "alice",
                                    "Since the reset this morning the login page says 'invalid credentials'.")),
                    new Owned(
                            ALICE,
                            new Ticket(
                                    "T-1002",
                                    "Invoice shows the wrong VAT rate",
                                    "PENDING",
                                    "Globex",
                                    "alice",
                                    "Our March invoice applies 21% instead of 19%.")),
                    new Owned(
                            ALICE,
                            new Ticket(
                                    "T-1003",
                                    "Export to CSV times out",
                                    "OPEN",
                                    "Initech",
                                    "alice",
                                    "Exporting more than 10,000 rows never finishes.")),
                    new Owned(
                            BOB,
                            new Ticket(
                                    "T-2001",
                                    "Request for a second admin account",
                                    "OPEN",
                                    "Umbrella",
                                    "bob",
                                    "We need another administrator for the night shift.")),
                    new Owned(
                            BOB,
                            new Ticket(
                                    "T-2002",
                                    "Mobile app crashes on start",
                                    "CLOSED",
                                    "Hooli",
                                    "bob",
                                    "Version 4.2 crashes immediately on Android 14.")))
            .stream()
            .collect(Collectors.toUnmodifiableMap(owned -> owned.ticket().id(), Function.identity()));

    private final List<Draft> drafts = new CopyOnWriteArrayList<>();

    /**
     * The owner's tickets whose title, description or customer contains the text, any case, by id.
     *
     * @param owner the owner's user id
     * @param query the text; empty or null matches all
     * @return the tickets
     */
    public List<Ticket> search(String owner, String query) {
        String needle = query == null ? "" : query.toLowerCase(Locale.ROOT);
        return tickets.values().stream()
                .filter(owned -> owned.owner().equals(owner))
                .map(Owned::ticket)
                .filter(ticket -> (ticket.title() + " " + ticket.description() + " " + ticket.customer())
                        .toLowerCase(Locale.ROOT)
                        .contains(needle))
                .sorted((a, b) -> a.id().compareTo(b.id()))
                .toList();
    }

    /**
     * One of the owner's tickets: empty for another's and for an unknown id alike.
     *
     * @param owner the owner's user id
     * @param id the ticket id
     * @return the ticket
     */
    public Optional<Ticket> find(String owner, String id) {
        return Optional.ofNullable(tickets.get(id))
                .filter(owned -> owned.owner().equals(owner))
                .map(Owned::ticket);
    }

    /**
     * Records a draft reply to a ticket found for its owner.
     *
     * @param ticket the ticket
     * @param text the reply
     * @return the draft, by the ticket's assignee
     */
    public Draft addDraft(Ticket ticket, String text) {
        Draft draft = new Draft(ticket.id(), ticket.assignee(), text, Instant.now());
        drafts.add(draft);
        return draft;
    }

    /**
     * The drafts of a ticket, oldest first.
     *
     * @param ticketId the ticket id
     * @return the drafts
     */
    public List<Draft> drafts(String ticketId) {
        return drafts.stream()
                .filter(draft -> draft.ticketId().equals(ticketId))
                .toList();
    }
}
