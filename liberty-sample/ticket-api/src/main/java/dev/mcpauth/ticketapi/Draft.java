package dev.mcpauth.ticketapi;

import java.time.Instant;

/**
 * A reply drafted for a ticket.
 *
 * @param ticketId the ticket replied to
 * @param author who drafted it
 * @param text the reply
 * @param createdAt when it was drafted
 */
public record Draft(String ticketId, String author, String text, Instant createdAt) {}
