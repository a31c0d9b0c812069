package dev.mcpauth.runtime.state;

import static dev.mcpauth.McpConfigKeys.HAZELCAST_CLUSTER;
import static dev.mcpauth.McpConfigKeys.HAZELCAST_INTERFACE;
import static dev.mcpauth.McpConfigKeys.HAZELCAST_MEMBERS;
import static dev.mcpauth.McpConfigKeys.HAZELCAST_PORT;
import static dev.mcpauth.McpConfigKeys.STATE_ENGINE;

import dev.mcpauth.runtime.config.ConfigReader;
import dev.mcpauth.runtime.messages.Message;
import java.util.List;

/**
 * Where the shared state lives: {@code memory} (one instance) or {@code hazelcast} (embedded members that join by an
 * explicit list and talk on one interface only). Read once at deployment.
 *
 * @param engine {@code memory} or {@code hazelcast}
 * @param clusterName the Hazelcast cluster's name
 * @param networkInterface the one address the member binds to
 * @param port the member's port
 * @param members every member as {@code host:port}
 */
public record StateSettings(
        String engine, String clusterName, String networkInterface, int port, List<String> members) {

    /** One instance, in memory. */
    public static final StateSettings MEMORY = new StateSettings("memory", "mcp", "127.0.0.1", 5701, List.of());

    /**
     * Reads the keys; bad values are reported to the reader.
     *
     * @param reader the configuration
     * @return the settings
     */
    public static StateSettings load(ConfigReader reader) {
        String engine = reader.string(STATE_ENGINE).orElse("memory").trim();
        if (!engine.equals("memory") && !engine.equals("hazelcast")) {
            reader.problem(Message.CONFIG_STATE_ENGINE.format(STATE_ENGINE, engine));
            return MEMORY;
        }
        String cluster = reader.string(HAZELCAST_CLUSTER).orElse("mcp");
        String networkInterface = reader.string(HAZELCAST_INTERFACE).orElse("127.0.0.1");
        int port = reader.positiveInt(HAZELCAST_PORT, 5701);
        List<String> members = reader.list(HAZELCAST_MEMBERS).orElse(List.of());
        if (engine.equals("hazelcast")) {
            if (members.isEmpty()) {
                reader.problem(Message.CONFIG_HAZELCAST_MEMBERS.format(HAZELCAST_MEMBERS, STATE_ENGINE));
            }
            for (String member : members) {
                if (!member.matches("[A-Za-z0-9.\\-\\[\\]:]+:[0-9]{1,5}")) {
                    reader.problem(Message.CONFIG_HAZELCAST_MEMBER.format(HAZELCAST_MEMBERS, member));
                }
            }
        }
        return new StateSettings(engine, cluster, networkInterface, port, members);
    }

    /**
     * Starts the engine.
     *
     * @param classLoader the application's class loader, which Hazelcast uses for its own classes
     * @return the state
     */
    public SharedState start(ClassLoader classLoader) {
        return engine.equals("hazelcast") ? HazelcastState.start(this, classLoader) : new InMemoryState();
    }
}
