package dev.mcpauth.sample;

/**
 * A support ticket.
 *
 * @param id the ticket id, such as {@code T-1001}
 * @param title a one-line summary
 * @param status open, pending or closed
 * @param customer who asked
 * @param assignee the employee the ticket belongs to
 * @param description what the customer wrote
 */
public record Ticket(String id, String title, Status status, String customer, String assignee, String description) {

    /** Where a ticket stands. */
    public enum Status {
        OPEN,
        PENDING,
        CLOSED
    }
}
