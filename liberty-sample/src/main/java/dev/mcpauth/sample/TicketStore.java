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

/**
 * In-memory tickets of the demo company: each belongs to one employee, and drafts are recorded.
 *
 * <p>A ticket belongs to its owner's <em>token subject</em> ({@code McpCaller.subject()}), never to a user name: the
 * authorization server fixes the subject for a user, while a claim such as {@code preferred_username} is only a label
 * (see {@link TicketTools#owner}). The sample realm gives alice and bob fixed user ids, which Keycloak puts in
 * {@code sub}: {@link #ALICE} and {@link #BOB} ({@code liberty-sample/keycloak/realm-mcp.json}).
 */
@ApplicationScoped
public class TicketStore {

    /** alice's token subject: her user id in the sample realm. */
    public static final String ALICE = "a11ce000-0000-4000-8000-000000000001";
    /** bob's token subject: his user id in the sample realm. */
    public static final String BOB = "b0b00000-0000-4000-8000-000000000002";

    /** A ticket and the subject of the employee it belongs to (the ticket's assignee is that employee's name). */
    private record Owned(String owner, Ticket ticket) {}

    private final Map<String, Owned> tickets = List.of(
                    new Owned(
                            ALICE,
                            new Ticket(
                                    "T-1001",
                                    "Cannot log in after password reset",
                                    Ticket.Status.OPEN,
                                    "ACME Corp",
                                    "alice",
                                    "Since the reset this morning the login page says 'invalid credentials'.")),
                    new Owned(
                            ALICE,
                            new Ticket(
                                    "T-1002",
                                    "Invoice shows the wrong VAT rate",
                                    Ticket.Status.PENDING,
                                    "Globex",
                                    "alice",
                                    "Our March invoice applies 21% instead of 19%.")),
                    new Owned(
                            ALICE,
                            new Ticket(
                                    "T-1003",
                                    "Export to CSV times out",
                                    Ticket.Status.OPEN,
                                    "Initech",
                                    "alice",
                                    "Exporting more than 10,000 rows never finishes.")),
                    new Owned(
                            BOB,
                            new Ticket(
                                    "T-2001",
                                    "Request for a second admin account",
                                    Ticket.Status.OPEN,
                                    "Umbrella",
                                    "bob",
                                    "We need another administrator for the night shift.")),
                    new Owned(
                            BOB,
                            new Ticket(
                                    "T-2002",
                                    "Mobile app crashes on start",
                                    Ticket.Status.CLOSED,
                                    "Hooli",
                                    "bob",
                                    "Version 4.2 crashes immediately on Android 14.")))
            .stream()
            .collect(Collectors.toUnmodifiableMap(owned -> owned.ticket().id(), Function.identity()));

    private final List<Draft> drafts = new CopyOnWriteArrayList<>();

    /** The tickets of the owner with token subject {@code owner} whose title, description or customer contains {@code query}, any case. */
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

    /** The ticket with this id, if it belongs to the owner with token subject {@code owner}. */
    public Optional<Ticket> find(String owner, String id) {
        return Optional.ofNullable(tickets.get(id))
                .filter(owned -> owned.owner().equals(owner))
                .map(Owned::ticket);
    }

    /** Records a draft reply and returns it. */
    public Draft addDraft(String ticketId, String author, String text) {
        Draft draft = new Draft(ticketId, author, text, Instant.now());
        drafts.add(draft);
        return draft;
    }

    /** The drafts recorded for a ticket, oldest first. */
    public List<Draft> drafts(String ticketId) {
        return drafts.stream()
                .filter(draft -> draft.ticketId().equals(ticketId))
                .toList();
    }
}
