package dev.mcpauth.sample;

import dev.mcpauth.CompletePrompt;
import dev.mcpauth.CompleteResourceTemplate;
import dev.mcpauth.Content;
import dev.mcpauth.McpCaller;
import dev.mcpauth.McpException;
import dev.mcpauth.McpResourceTemplate;
import dev.mcpauth.Prompt;
import dev.mcpauth.PromptArg;
import dev.mcpauth.PromptMessage;
import dev.mcpauth.RequiresScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Each ticket as a resource ({@code tickets://T-1001}), a prompt that drafts a reply in a chosen tone with the
 * ticket embedded, and completions of ticket ids and tones. All of it needs {@code tickets:read}, and a caller
 * only ever sees their own tickets: someone else's ticket and a missing one answer alike.
 */
@ApplicationScoped
@RequiresScope("tickets:read")
public class TicketResources {

    /** The tones a reply can take, for the prompt and its completion. */
    static final List<String> TONES = List.of("apologetic", "formal", "friendly");

    private static final Jsonb JSON = JsonbBuilder.create();

    @Inject
    TicketDesk desk;

    @McpResourceTemplate(
            uriTemplate = "tickets://{id}",
            title = "Support ticket",
            description = "One of the caller's support tickets, with its drafts",
            mimeType = "application/json")
    public Optional<TicketWithDrafts> ticket(McpCaller caller, String id) {
        return desk.find(caller, id).map(ticket -> new TicketWithDrafts(ticket, desk.drafts(caller, id)));
    }

    @CompleteResourceTemplate(uriTemplate = "tickets://{id}", variable = "id")
    public List<String> ticketIds(McpCaller caller, String prefix) {
        return ownIds(caller, prefix);
    }

    @Prompt(
            title = "Reply to a ticket",
            description = "Draft a reply to one of the caller's tickets in the chosen tone")
    public List<PromptMessage> replyToTicket(
            McpCaller caller,
            @PromptArg(description = "The ticket id, such as T-1001") String ticketId,
            @PromptArg(description = "apologetic, formal or friendly (default: friendly)") Optional<String> tone) {
        Ticket ticket =
                desk.find(caller, ticketId).orElseThrow(() -> new McpException("No ticket " + ticketId + " for you"));
        String chosen = tone.map(t -> t.toLowerCase(Locale.ROOT)).orElse("friendly");
        if (!TONES.contains(chosen)) {
            throw new McpException("Unknown tone '" + chosen + "': use one of " + TONES);
        }
        return List.of(
                PromptMessage.user(Content.resource(
                        "tickets://" + ticket.id(),
                        "application/json",
                        JSON.toJson(new TicketWithDrafts(ticket, desk.drafts(caller, ticket.id()))))),
                PromptMessage.user("Write a " + chosen + " reply to " + ticket.customer() + " about ticket "
                        + ticket.id() + " (\"" + ticket.title() + "\"). Keep it short and say what happens next."));
    }

    @CompletePrompt(prompt = "reply_to_ticket", argument = "ticketId")
    public List<String> promptTicketIds(McpCaller caller, String prefix) {
        return ownIds(caller, prefix);
    }

    @CompletePrompt(prompt = "reply_to_ticket", argument = "tone")
    public List<String> tones(String prefix) {
        return TONES.stream()
                .filter(tone -> tone.startsWith(prefix.toLowerCase(Locale.ROOT)))
                .toList();
    }

    private List<String> ownIds(McpCaller caller, String prefix) {
        return desk.search(caller, "").stream()
                .map(Ticket::id)
                .filter(id -> id.toUpperCase(Locale.ROOT).startsWith(prefix.toUpperCase(Locale.ROOT)))
                .toList();
    }

    /**
     * A ticket as its resource shows it.
     *
     * @param ticket the ticket
     * @param drafts the replies drafted for it so far
     */
    public record TicketWithDrafts(Ticket ticket, List<Draft> drafts) {}
}
