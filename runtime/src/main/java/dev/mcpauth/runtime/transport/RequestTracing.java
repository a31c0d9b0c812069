package dev.mcpauth.runtime.transport;

import dev.mcpauth.runtime.auth.AuditLog;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.StreamingOutput;

/**
 * The span of each MCP request, for servers with tracing (MicroProfile Telemetry); {@link #NONE} without. The span is
 * named by method and target ({@code tools/call search_tickets}) and continues the client's trace: the one in
 * {@code _meta} ({@code traceparent}, {@code tracestate}) of a 2026-07-28 request, else the HTTP request's (the
 * {@code traceparent} header, which the server's own HTTP span already continues). While it is current, calls the
 * request makes (a Rest Client call on the caller's behalf) are its children.
 */
public interface RequestTracing {

    /** No tracing. */
    RequestTracing NONE = (request, id, meta) -> Traced.NONE;

    /**
     * Starts the span of a request and makes it current on this thread.
     *
     * @param request what was asked
     * @param id the JSON-RPC id
     * @param meta the request's {@code params._meta}, or null
     * @return the span, to close when the answer is made
     */
    Traced start(AuditLog.Request request, JsonValue id, JsonObject meta);

    /** A started span. */
    interface Traced extends AutoCloseable {

        /** Nothing started. */
        Traced NONE = new Traced() {
            @Override
            public StreamingOutput carry(StreamingOutput stream) {
                return stream;
            }

            @Override
            public void close() {}
        };

        /**
         * Hands the span over to a streamed answer, which the server writes later, possibly on another thread: the span
         * is current while it is written and ends when it is done, not at {@link #close()}.
         *
         * @param stream the answer
         * @return the answer, written inside the span
         */
        StreamingOutput carry(StreamingOutput stream);

        /** Leaves the span (this thread's) and ends it, unless a stream carries it on. */
        @Override
        void close();
    }
}
