package dev.mcpauth.sample;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;

/** In-memory tickets of the demo company: each belongs to one employee, and drafts are recorded. */
@ApplicationScoped
public class TicketStore {

    private final Map<String, Ticket> tickets = List.of(
            new Ticket("T-1001", "Cannot log in after password reset", Ticket.Status.OPEN, "ACME Corp", "alice",
                    "Since the reset this morning the login page says 'invalid credentials'."),
            new Ticket("T-1002", "Invoice shows the wrong VAT rate", Ticket.Status.PENDING, "Globex", "alice",
                    "Our March invoice applies 21% instead of 19%."),
            new Ticket("T-1003", "Export to CSV times out", Ticket.Status.OPEN, "Initech", "alice",
                    "Exporting more than 10,000 rows never finishes."),
            new Ticket("T-2001", "Request for a second admin account", Ticket.Status.OPEN, "Umbrella", "bob",
                    "We need another administrator for the night shift."),
            new Ticket("T-2002", "Mobile app crashes on start", Ticket.Status.CLOSED, "Hooli", "bob",
                    "Version 4.2 crashes immediately on Android 14."))
            .stream().collect(Collectors.toUnmodifiableMap(Ticket::id, Function.identity()));

    private final List<Draft> drafts = new CopyOnWriteArrayList<>();

    /** The tickets of {@code assignee} whose title, description or customer contains {@code query}, any case. */
    public List<Ticket> search(String assignee, String query) {
        String needle = query == null ? "" : query.toLowerCase(Locale.ROOT);
        return tickets.values().stream()
                .filter(ticket -> ticket.assignee().equals(assignee))
                .filter(ticket -> (ticket.title() + " " + ticket.description() + " " + ticket.customer())
                        .toLowerCase(Locale.ROOT).contains(needle))
                .sorted((a, b) -> a.id().compareTo(b.id()))
                .toList();
    }

    /** The ticket with this id, if it belongs to {@code assignee}. */
    public Optional<Ticket> find(String assignee, String id) {
        return Optional.ofNullable(tickets.get(id)).filter(ticket -> ticket.assignee().equals(assignee));
    }

    /** Records a draft reply and returns it. */
    public Draft addDraft(String ticketId, String author, String text) {
        Draft draft = new Draft(ticketId, author, text, Instant.now());
        drafts.add(draft);
        return draft;
    }

    /** The drafts recorded for a ticket, oldest first. */
    public List<Draft> drafts(String ticketId) {
        return drafts.stream().filter(draft -> draft.ticketId().equals(ticketId)).toList();
    }
}
