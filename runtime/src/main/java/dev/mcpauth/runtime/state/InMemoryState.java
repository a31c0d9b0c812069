package dev.mcpauth.runtime.state;

import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The shared state of one instance: plain concurrent maps with lazy expiry, and channels that call their
 * listeners at once. Nothing to set up; lost when the instance stops, and invisible to any other instance.
 */
public final class InMemoryState implements SharedState {

    private static final Logger LOG = Logger.getLogger(InMemoryState.class.getName());

    private final LongSupplier nanoTime;
    private final Map<String, Entries> maps = new ConcurrentHashMap<>();
    private final Map<String, Listeners> channels = new ConcurrentHashMap<>();

    /** State on the system clock. */
    public InMemoryState() {
        this(System::nanoTime);
    }

    /**
     * State on a given clock, for tests.
     *
     * @param nanoTime a monotonic clock in nanoseconds
     */
    public InMemoryState(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    @Override
    public SharedMap map(String name) {
        return maps.computeIfAbsent(name, ignored -> new Entries());
    }

    @Override
    public SharedChannel channel(String name) {
        return channels.computeIfAbsent(name, ignored -> new Listeners());
    }

    @Override
    public String describe() {
        return "in-memory (one instance)";
    }

    @Override
    public void close() {
        maps.clear();
        channels.clear();
    }

    private record Entry(String value, long expiresAt) {}

    private final class Entries implements SharedMap {

        private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
        private volatile long nextSweep;

        @Override
        public Optional<String> get(String key) {
            Entry entry = entries.get(key);
            if (entry == null) {
                return Optional.empty();
            }
            if (expired(entry, nanoTime.getAsLong())) {
                entries.remove(key, entry);
                return Optional.empty();
            }
            return Optional.of(entry.value());
        }

        @Override
        public void put(String key, String value, Duration timeToLive) {
            long now = sweep();
            entries.put(key, new Entry(value, now + timeToLive.toNanos()));
        }

        @Override
        public boolean putIfAbsent(String key, String value, Duration timeToLive) {
            long now = sweep();
            Entry fresh = new Entry(value, now + timeToLive.toNanos());
            boolean[] stored = {false};
            entries.compute(key, (k, old) -> {
                if (old == null || expired(old, now)) {
                    stored[0] = true;
                    return fresh;
                }
                return old;
            });
            return stored[0];
        }

        @Override
        public boolean remove(String key) {
            Entry removed = entries.remove(key);
            return removed != null && !expired(removed, nanoTime.getAsLong());
        }

        @Override
        public int size() {
            sweep();
            return entries.size();
        }

        /** Drops expired entries now and then (at most once a second), so a map never grows with dead entries. */
        private long sweep() {
            long now = nanoTime.getAsLong();
            if (now - nextSweep >= 0) {
                nextSweep = now + 1_000_000_000L;
                for (Iterator<Entry> it = entries.values().iterator(); it.hasNext(); ) {
                    if (expired(it.next(), now)) {
                        it.remove();
                    }
                }
            }
            return now;
        }

        private static boolean expired(Entry entry, long now) {
            return now - entry.expiresAt() >= 0;
        }
    }

    private static final class Listeners implements SharedChannel {

        private final CopyOnWriteArrayList<Consumer<String>> listeners = new CopyOnWriteArrayList<>();

        @Override
        public void publish(String message) {
            for (Consumer<String> listener : listeners) {
                try {
                    listener.accept(message);
                } catch (RuntimeException e) {
                    // one failing listener must not keep the message from the others
                    LOG.log(Level.WARNING, "A shared-state listener failed", e);
                }
            }
        }

        @Override
        public AutoCloseable listen(Consumer<String> listener) {
            listeners.add(listener);
            return () -> listeners.remove(listener);
        }
    }
}
