package dev.mcpauth.runtime.state;

import java.util.function.Consumer;

/** Messages (JSON text) that every instance hears, this one included; nothing is kept for a listener that is not there. */
public interface SharedChannel {

    /**
     * Sends a message to every listener of every instance.
     *
     * @param message the message
     */
    void publish(String message);

    /**
     * Listens to the channel until the returned handle is closed. Listeners run on the engine's threads, so they
     * must be quick and must not block.
     *
     * @param listener receives each message
     * @return closes the subscription
     */
    AutoCloseable listen(Consumer<String> listener);
}
