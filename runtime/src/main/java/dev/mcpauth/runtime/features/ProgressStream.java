package dev.mcpauth.runtime.features;

import dev.mcpauth.McpProgress;
import dev.mcpauth.runtime.jsonrpc.Jsonp;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

/**
 * The streamed answer of one request (MCP, Streamable HTTP) as tool code sees it: {@code notifications/progress} for
 * the client's {@code progressToken} and {@code notifications/message} at the level asked for while the call runs,
 * then the JSON-RPC response that ends the stream. A send that fails means the client closed the stream, which
 * cancels the call. The transport's {@link MessageSink} frames the messages.
 */
public final class ProgressStream implements McpProgress {

    private final MessageSink sink;
    private final JsonValue token;
    private final int logThreshold;
    private volatile boolean cancelled;
    private double last = Double.NEGATIVE_INFINITY;

    /**
     * A stream.
     *
     * @param sink where the messages go
     * @param token the request's {@code _meta.progressToken}, or null when it asked for no progress
     * @param logLevel the least severe log level the request asked for, or null for no log messages
     */
    public ProgressStream(MessageSink sink, JsonValue token, String logLevel) {
        this.sink = sink;
        this.token = token;
        this.logThreshold = logLevel == null ? Integer.MAX_VALUE : Math.max(0, LEVELS.indexOf(logLevel));
    }

    @Override
    public synchronized void report(double progress, double total, String message) {
        if (cancelled || token == null || progress < last) {
            return; // the spec wants progress to grow; a step back is dropped rather than confusing the client
        }
        last = progress;
        JsonObjectBuilder params = Jsonp.object().add("progressToken", token).add("progress", progress);
        if (total > 0) {
            params.add("total", total);
        }
        if (message != null) {
            params.add("message", message);
        }
        send(Jsonp.object()
                .add("jsonrpc", "2.0")
                .add("method", "notifications/progress")
                .add("params", params)
                .build());
    }

    @Override
    public void log(String level, String message) {
        int severity = LEVELS.indexOf(level);
        if (severity < 0 || severity < logThreshold) {
            return; // not asked for (no level in the request, or a less severe one than asked)
        }
        send(Jsonp.object()
                .add("jsonrpc", "2.0")
                .add("method", "notifications/message")
                .add("params", Jsonp.object().add("level", level).add("data", message))
                .build());
    }

    @Override
    public boolean cancelled() {
        return cancelled;
    }

    /**
     * Sends one JSON-RPC message on the stream and says whether it went out.
     *
     * @param message the message
     * @return false when the client closed the stream
     */
    public boolean deliver(JsonObject message) {
        send(message);
        return !cancelled;
    }

    /**
     * Sends one JSON-RPC message on the stream.
     *
     * @param message the message
     */
    public synchronized void send(JsonObject message) {
        if (!cancelled && !sink.send(message)) {
            // the client closed the stream: the call is cancelled (MCP, Streamable HTTP: closing is cancellation)
            cancelled = true;
        }
    }
}
