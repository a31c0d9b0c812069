package dev.mcpauth.runtime.state;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.topic.ITopic;
import com.hazelcast.topic.Message;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The shared state on embedded Hazelcast members, one per instance, that find each other by an explicit TCP/IP
 * member list and bind only to the configured interface: never multicast, never cloud discovery, no phone-home.
 * Maps are {@code IMap<String, String>} with a time to live per entry (one backup, so a member that stops loses
 * nothing); channels are reliable-enough {@code ITopic}s. Hazelcast is an optional dependency: the application adds
 * {@code com.hazelcast:hazelcast} when it sets {@code mcp.state.engine=hazelcast}.
 */
public final class HazelcastState implements SharedState {

    private final HazelcastInstance member;
    private final Map<String, SharedMap> maps = new ConcurrentHashMap<>();
    private final Map<String, SharedChannel> channels = new ConcurrentHashMap<>();

    private HazelcastState(HazelcastInstance member) {
        this.member = member;
    }

    /**
     * Starts this instance's member and joins the others.
     *
     * @param settings the cluster's name, the interface, the port and the members
     * @param classLoader the application's class loader
     * @return the state
     */
    static HazelcastState start(StateSettings settings, ClassLoader classLoader) {
        Config config = new Config();
        config.setClusterName(settings.clusterName());
        config.setInstanceName("mcp-" + settings.clusterName() + "-" + UUID.randomUUID());
        config.setClassLoader(classLoader);
        // only the addresses it is given: no listening on every interface, no phone-home, no shutdown hook of its
        // own (the application's lifecycle stops the member), and Hazelcast's logs through java.util.logging
        config.setProperty("hazelcast.socket.bind.any", "false");
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.shutdownhook.enabled", "false");
        config.setProperty("hazelcast.logging.type", "jdk");
        config.getJetConfig().setEnabled(false);
        NetworkConfig network = config.getNetworkConfig();
        network.setPort(settings.port()).setPortAutoIncrement(false);
        network.getInterfaces().setEnabled(true).addInterface(settings.networkInterface());
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setMembers(settings.members());
        return new HazelcastState(Hazelcast.newHazelcastInstance(config));
    }

    @Override
    public SharedMap map(String name) {
        return maps.computeIfAbsent(name, ignored -> new Entries(member.getMap(name)));
    }

    @Override
    public SharedChannel channel(String name) {
        return channels.computeIfAbsent(name, ignored -> new Topic(member.getTopic(name)));
    }

    @Override
    public String describe() {
        return "hazelcast (cluster " + member.getConfig().getClusterName() + ", "
                + member.getCluster().getMembers().size() + " member(s))";
    }

    @Override
    public void close() {
        member.shutdown();
    }

    private record Entries(IMap<String, String> map) implements SharedMap {

        @Override
        public Optional<String> get(String key) {
            return Optional.ofNullable(map.get(key));
        }

        @Override
        public void put(String key, String value, Duration timeToLive) {
            map.set(key, value, Math.max(1, timeToLive.toMillis()), TimeUnit.MILLISECONDS);
        }

        @Override
        public boolean putIfAbsent(String key, String value, Duration timeToLive) {
            return map.putIfAbsent(key, value, Math.max(1, timeToLive.toMillis()), TimeUnit.MILLISECONDS) == null;
        }

        @Override
        public boolean remove(String key) {
            return map.remove(key) != null;
        }

        @Override
        public int size() {
            return map.size();
        }
    }

    private record Topic(ITopic<String> topic) implements SharedChannel {

        @Override
        public void publish(String message) {
            topic.publish(message);
        }

        @Override
        public AutoCloseable listen(Consumer<String> listener) {
            UUID registration =
                    topic.addMessageListener((Message<String> message) -> listener.accept(message.getMessageObject()));
            return () -> topic.removeMessageListener(registration);
        }
    }
}
