package dev.mcpauth;

/**
 * Reports the progress of a long call to the client (MCP, Utilities, Progress), and tells whether the client gave
 * up. Declare a {@link Tool} method parameter of this type to receive it.
 *
 * <pre>{@code
 * @Tool(description = "Re-index every ticket")
 * public String reindex(McpProgress progress) {
 *     for (int i = 0; i < batches; i++) {
 *         if (progress.cancelled()) { return "stopped"; }
 *         indexBatch(i);
 *         progress.report(i + 1, batches, "batch " + (i + 1));
 *     }
 *     return "done";
 * }
 * }</pre>
 *
 * <p>Reports reach the client only when its request asked for them (a {@code progressToken} in {@code _meta}) and
 * it accepts {@code text/event-stream}: the answer is then a stream of {@code notifications/progress} ending with
 * the result. Otherwise reporting does nothing and the answer is plain JSON. A client that closes the stream
 * cancels the call: {@link #cancelled()} turns true and later reports are dropped. {@link #log} works the same way
 * for log messages, which a 2026-07-28 client asks for with a log level in {@code _meta} and a 2025-era client in a
 * session with {@code logging/setLevel}.
 */
public interface McpProgress {

    /** Progress that goes nowhere: for calls that did not ask for it. */
    McpProgress NONE = new McpProgress() {
        @Override
        public void report(double progress, double total, String message) {
            // nobody asked
        }

        @Override
        public boolean cancelled() {
            return false;
        }

        @Override
        public void log(String level, String message) {
            // nobody asked
        }
    };

    /** The log levels of MCP (RFC 5424 syslog severities), least severe first. */
    java.util.List<String> LEVELS =
            java.util.List.of("debug", "info", "notice", "warning", "error", "critical", "alert", "emergency");

    /**
     * Reports progress; values must grow from report to report.
     *
     * @param progress how much is done
     * @param total how much there is in all, or 0 when unknown
     * @param message what is happening, or null
     */
    void report(double progress, double total, String message);

    /**
     * Whether the client stopped waiting (closed the stream); the tool should stop its work.
     *
     * @return true once cancelled
     */
    boolean cancelled();

    /**
     * Logs a message to the client ({@code notifications/message}) when it asked for log messages of this level or a
     * more severe one ({@code _meta["io.modelcontextprotocol/logLevel"]} of a 2026-07-28 request, or
     * {@code logging/setLevel} in a 2025-era session); otherwise nothing is sent. Never log secrets: the client shows
     * these messages.
     *
     * @param level one of {@link #LEVELS}
     * @param message the message
     */
    void log(String level, String message);
}
