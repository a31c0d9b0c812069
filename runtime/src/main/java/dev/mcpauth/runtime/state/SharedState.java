package dev.mcpauth.runtime.state;

/**
 * The state that outlives one request and is shared by every instance of a deployment: 2025-era sessions,
 * server-to-client requests waiting for their answer, subscriptions, and the messages that reach a stream held by
 * another instance. Stateless calls never touch it.
 *
 * <p>Two implementations: {@link InMemoryState} for one instance (the default, nothing to set up) and
 * {@link HazelcastState} for several (embedded Hazelcast members that find each other by an explicit member list).
 * Values are JSON text, so no application class ever crosses the engine and any member can read any entry.
 */
public interface SharedState extends AutoCloseable {

    /**
     * A named map whose entries expire.
     *
     * @param name the map's name, such as {@code mcp.sessions}
     * @return the map; the same one for the same name
     */
    SharedMap map(String name);

    /**
     * A named channel: a message published on one instance reaches the listeners of every instance.
     *
     * @param name the channel's name
     * @return the channel; the same one for the same name
     */
    SharedChannel channel(String name);

    /** A short name for logs, such as {@code in-memory} or {@code hazelcast}. */
    String describe();

    /** Leaves the engine: this instance's listeners stop, its entries stay with the other members. */
    @Override
    void close();
}
