package dev.mcpauth.runtime.state;

import java.time.Duration;
import java.util.Optional;

/** A map of JSON text by key, shared by every instance; each entry lives until its time to live runs out. */
public interface SharedMap {

    /**
     * The value under {@code key}.
     *
     * @param key the key
     * @return the value, empty when absent or expired
     */
    Optional<String> get(String key);

    /**
     * Stores a value, replacing any other.
     *
     * @param key the key
     * @param value the value
     * @param timeToLive how long the entry lives from now
     */
    void put(String key, String value, Duration timeToLive);

    /**
     * Stores a value only when the key is absent: the one atomic step that makes something single-use.
     *
     * @param key the key
     * @param value the value
     * @param timeToLive how long the entry lives from now
     * @return true when stored, false when the key was there
     */
    boolean putIfAbsent(String key, String value, Duration timeToLive);

    /**
     * Removes an entry.
     *
     * @param key the key
     * @return true when it was there
     */
    boolean remove(String key);

    /**
     * The number of live entries, on every instance together (expired entries may linger in it for a moment).
     *
     * @return the number of entries
     */
    int size();
}
