package dev.mcpauth.ticketapi;

/**
 * A support ticket, as the API serves it.
 *
 * @param id the ticket id, such as {@code T-1001}
 * @param title a one-line summary
 * @param status {@code OPEN}, {@code PENDING} or {@code CLOSED}
 * @param customer who asked
 * @param assignee the employee the ticket belongs to
 * @param description what the customer wrote
 */
public record Ticket(String id, String title, String status, String customer, String assignee, String description) {}
