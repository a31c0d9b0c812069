package dev.mcpauth;

import java.util.List;

/**
 * A tool needs a protocol capability the client did not declare. Thrown by {@link McpClient#requireCapability};
 * answered with a {@code MissingRequiredClientCapabilityError} (-32021, HTTP 400) to a 2026-07-28 client, and
 * with a tool result that has {@code isError: true} to a 2025-era client, whose revision has no such error.
 */
public class MissingClientCapabilityException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The capability names the client lacks, as {@link #missing()} returns them. */
    private final List<String> missing;

    /**
     * A refusal.
     *
     * @param missing the capability names the client lacks
     */
    public MissingClientCapabilityException(List<String> missing) {
        super("The tool needs a client that supports: " + String.join(", ", missing), null, false, false);
        this.missing = List.copyOf(missing);
    }

    /**
     * The capabilities the client lacks.
     *
     * @return their names
     */
    public List<String> missing() {
        return missing;
    }
}
