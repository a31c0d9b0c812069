package dev.mcpauth.runtime.transport;

import dev.mcpauth.runtime.features.MessageSink;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A long-lived stream of notifications (a 2025-era session's {@code GET} stream, a 2026-07-28
 * {@code subscriptions/listen} stream). Notifications are queued by whichever thread signals them (an engine's event
 * thread, say), never written by it: the stream's own request thread writes them, sends a comment now and then so a
 * client that left is noticed, and ends when the client closes the stream, when it is {@link #end ended}, or when
 * it stops hearing (its session ended).
 */
final class NotificationStream implements MessageSink, StreamingOutput {

    /** How many messages may wait for a slow client before it is dropped. */
    private static final int BACKLOG = 256;

    private static final JsonObject END = JsonObject.EMPTY_JSON_OBJECT;

    private final BlockingQueue<JsonObject> queue = new LinkedBlockingQueue<>(BACKLOG);
    private final Duration keepAlive;
    private final Supplier<Boolean> stillWanted;
    private volatile boolean open = true;
    private volatile JsonObject last;

    /**
     * A stream.
     *
     * @param keepAlive how often a comment is sent when nothing else is
     * @param stillWanted asked at each keep-alive: false ends the stream (its session ended, say)
     */
    NotificationStream(Duration keepAlive, Supplier<Boolean> stillWanted) {
        this.keepAlive = keepAlive;
        this.stillWanted = stillWanted;
    }

    /** Queues a message; false when the stream is closed or the client does not keep up. */
    @Override
    public boolean send(JsonObject message) {
        return open && queue.offer(message);
    }

    /**
     * Ends the stream after the queued messages, with a last message if given (the 2026 graceful closure).
     *
     * @param lastMessage sent last, or null
     */
    void end(JsonObject lastMessage) {
        last = lastMessage;
        open = false;
        queue.offer(END);
    }

    @Override
    public void write(OutputStream out) throws IOException {
        try {
            Streams.open(out); // the headers go out now: the client knows the stream is open
            while (true) {
                JsonObject message = queue.poll(keepAlive.toMillis(), TimeUnit.MILLISECONDS);
                if (message == END) {
                    if (last != null) {
                        frame(out, last);
                    }
                    return;
                }
                if (message != null) {
                    frame(out, message);
                } else if (!stillWanted.get()) {
                    return;
                } else {
                    out.write(": keep-alive\n\n".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException clientGone) {
            // the client closed the stream: nothing to report
        } finally {
            open = false;
        }
    }

    private static void frame(OutputStream out, JsonObject message) throws IOException {
        out.write(("event: message\ndata: " + message + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
