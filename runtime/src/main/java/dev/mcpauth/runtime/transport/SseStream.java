package dev.mcpauth.runtime.transport;

import dev.mcpauth.runtime.features.MessageSink;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The HTTP framing of a streamed answer (MCP, Streamable HTTP: a {@code text/event-stream} response): each JSON-RPC
 * message is one Server-Sent Event of type {@code message}, flushed as it is sent.
 */
final class SseStream implements MessageSink {

    private final OutputStream out;

    SseStream(OutputStream out) {
        this.out = out;
    }

    @Override
    public boolean send(JsonObject message) {
        try {
            out.write(("event: message\ndata: " + message + "\n\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            return true;
        } catch (IOException e) {
            return false; // the client closed the stream
        }
    }
}
