package dev.mcpauth.runtime.auth;

/** Counts authorization decisions by outcome and reason; {@link #NONE} when the server offers no metrics. */
public interface DecisionMetrics {

    /** Counts nothing. */
    DecisionMetrics NONE = (decision, reason) -> {};

    /**
     * Counts one decision.
     *
     * @param decision {@code allow} or {@code deny}
     * @param reason why
     */
    void record(String decision, AuditLog.Reason reason);
}
