package bench.quarkus;

import java.util.List;
import java.util.Locale;

/**
 * A support ticket, and the five tickets of the benchmark: the same data as {@code it/bench/tickets.mjs}
 * and the Liberty sample's {@code TicketStore}, so that every peer gives the same answers.
 */
public record Ticket(String id, String title, String status, String customer, String assignee, String description) {

    /** The tickets, sorted by id. */
    static final List<Ticket> ALL = List.of(
            new Ticket("T-1001", "Cannot log in after password reset", "OPEN", "ACME Corp", "alice",
                    "Since the reset this morning the login page says 'invalid credentials'."),
            new Ticket("T-1002", "Invoice shows the wrong VAT rate", "PENDING", "Globex", "alice",
                    "Our March invoice applies 21% instead of 19%."),
            new Ticket("T-1003", "Export to CSV times out", "OPEN", "Initech", "alice",
                    "Exporting more than 10,000 rows never finishes."),
            new Ticket("T-2001", "Request for a second admin account", "OPEN", "Umbrella", "bob",
                    "We need another administrator for the night shift."),
            new Ticket("T-2002", "Mobile app crashes on start", "CLOSED", "Hooli", "bob",
                    "Version 4.2 crashes immediately on Android 14."));

    /** The tickets of {@code assignee} whose title, description or customer contains {@code query}, any case. */
    static List<Ticket> search(String assignee, String query) {
        String needle = query == null ? "" : query.toLowerCase(Locale.ROOT);
        return ALL.stream()
                .filter(ticket -> ticket.assignee().equals(assignee))
                .filter(ticket -> (ticket.title() + " " + ticket.description() + " " + ticket.customer())
                        .toLowerCase(Locale.ROOT).contains(needle))
                .toList();
    }
}
