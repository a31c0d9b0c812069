package dev.mcpauth.runtime.transport;

import java.io.IOException;
import java.io.OutputStream;

/** What every streamed answer does first. */
final class Streams {

    private Streams() {}

    /**
     * Sends the headers of a streamed answer at once. Open Liberty holds back whatever its first flush would send
     * until the next one (measured with a bare Jakarta REST resource: headers and first event arrive with the second
     * flush), and a question to the client may be a stream's only message for minutes; two flushes before the first
     * message send the headers now and every later message as it is flushed.
     *
     * @param out the stream
     * @throws IOException when the client is gone
     */
    static void open(OutputStream out) throws IOException {
        out.flush();
        out.flush();
    }
}
