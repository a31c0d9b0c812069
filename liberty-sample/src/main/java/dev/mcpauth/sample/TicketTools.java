package dev.mcpauth.sample;

import dev.mcpauth.McpCaller;
import dev.mcpauth.McpException;
import dev.mcpauth.McpInput;
import dev.mcpauth.McpProgress;
import dev.mcpauth.RequiresScope;
import dev.mcpauth.ResourceUpdated;
import dev.mcpauth.TaskSupport;
import dev.mcpauth.Tool;
import dev.mcpauth.ToolArg;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The support assistant's tools. Every caller sees only the tickets assigned to them: the token's subject decides,
 * never an argument the model could change, nor a claim a client could have had written. Reading needs {@code tickets:read}; drafting a reply needs
 * {@code tickets:write} as well. Exporting runs as a task for clients of the MCP tasks extension.
 */
@ApplicationScoped
@RequiresScope("tickets:read")
public class TicketTools {

    @Inject
    TicketDesk desk;

    @Inject
    Event<ResourceUpdated> resourceUpdated;

    @Tool(description = "Search the caller's support tickets by text in title, description or customer name")
    public List<Ticket> searchTickets(
            McpCaller caller,
            McpProgress progress,
            @ToolArg(description = "Text to look for; empty matches every ticket") String query) {
        List<Ticket> found = desk.search(caller, query);
        // a real desk searches a slow backend page by page; a client that asked for progress sees each page
        for (int page = 1; page <= found.size() && !progress.cancelled(); page++) {
            progress.report(page, found.size(), "page " + page + " of " + found.size());
        }
        return found;
    }

    @Tool(description = "Read one of the caller's support tickets by id, such as T-1001")
    public Ticket getTicket(McpCaller caller, @ToolArg(description = "The ticket id") String id) {
        return desk.find(caller, id).orElseThrow(() -> new McpException("No ticket " + id + " for you"));
    }

    @Tool(
            description = "Draft a reply to one of the caller's tickets; the draft is saved for review, not sent."
                    + " Clients that can ask the user are asked to confirm first")
    @RequiresScope("tickets:write")
    public Draft draftReply(
            McpCaller caller,
            McpInput input,
            @ToolArg(description = "The ticket id") String ticketId,
            @ToolArg(description = "The reply text") String text) {
        Ticket ticket =
                desk.find(caller, ticketId).orElseThrow(() -> new McpException("No ticket " + ticketId + " for you"));
        if (input.canAsk(McpInput.ELICITATION)) {
            // the same code for both eras: a 2026-07-28 client gets the question as a round (and this method runs
            // again with the answer); a 2025 client in a session gets it on the call's stream while this waits
            McpInput.Answer confirm =
                    input.elicit("confirm", "Save this draft reply to " + ticketId + "?\n\n" + text, CONFIRM_FORM);
            if (!confirm.accepted() || !Boolean.TRUE.equals(confirm.content().get("save"))) {
                throw new McpException("Nothing recorded: the user did not confirm the draft");
            }
        }
        Draft draft = desk.addDraft(caller, ticket, text);
        // subscribers of the ticket's resource (on any instance) hear that it changed
        resourceUpdated.fire(new ResourceUpdated("tickets://" + ticketId));
        return draft;
    }

    @Tool(
            description = "Export the caller's tickets as CSV. A slow job: a client of the MCP tasks extension gets a"
                    + " task to poll and fetches the CSV when it is done; any other client waits for it",
            task = TaskSupport.OPTIONAL)
    public String exportTickets(
            McpCaller caller,
            McpProgress progress,
            @ToolArg(
                            description = "Milliseconds to pause after each ticket, 0 to 60000 (default 1000): the"
                                    + " demo's stand-in for a slow backend")
                    Optional<Integer> pauseMs) {
        List<Ticket> tickets = desk.search(caller, "");
        int pause = Math.max(0, Math.min(60_000, pauseMs.orElse(1000)));
        StringBuilder csv = new StringBuilder("id,title,status,customer\n");
        for (int done = 0; done < tickets.size(); done++) {
            // as a task, progress becomes the task's status message and cancelled() turns true on tasks/cancel
            progress.report(done, tickets.size(), "exported " + done + " of " + tickets.size() + " tickets");
            pause(pause);
            if (progress.cancelled()) {
                throw new McpException("Export cancelled");
            }
            Ticket ticket = tickets.get(done);
            csv.append(String.join(
                            ",",
                            csvField(ticket.id()),
                            csvField(ticket.title()),
                            csvField(ticket.status().name()),
                            csvField(ticket.customer())))
                    .append('\n');
        }
        return csv.toString();
    }

    /** A CSV field, quoted (RFC 4180) when it holds a comma, a quote or a line break. */
    private static String csvField(String value) {
        return value.matches("[^,\"\r\n]*") ? value : "\"" + value.replace("\"", "\"\"") + "\"";
    }

    private static void pause(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            // the task was cancelled, or the server is stopping
            Thread.currentThread().interrupt();
            throw new McpException("Export cancelled");
        }
    }

    /** The confirmation form: one yes/no question. */
    private static final Map<String, Object> CONFIRM_FORM = Map.of(
            "type",
            "object",
            "properties",
            Map.of("save", Map.of("type", "boolean", "title", "Save the draft")),
            "required",
            List.of("save"));

    /**
     * Whose tickets the caller may see: the token subject, which the authorization server fixes for each user (and
     * the runtime qualifies with the issuer when several are trusted). Never a claim such as
     * {@code preferred_username}: a client the user registered could have it written from anything the user can edit.
     */
    static String owner(McpCaller caller) {
        return caller.subject();
    }

    /** The caller's name for display only (whoami): the login name Keycloak puts in preferred_username, else the subject. */
    static String displayName(McpCaller caller) {
        return caller.claim("preferred_username").map(Object::toString).orElse(caller.subject());
    }
}
