package dev.mcpauth.runtime.session;

import static dev.mcpauth.McpConfigKeys.DEFAULT_SESSIONS_PER_CALLER;
import static dev.mcpauth.McpConfigKeys.DEFAULT_SESSIONS_TOTAL;
import static dev.mcpauth.McpConfigKeys.DEFAULT_SESSION_IDLE_SECONDS;
import static dev.mcpauth.McpConfigKeys.SESSIONS_ENABLED;
import static dev.mcpauth.McpConfigKeys.SESSIONS_PER_CALLER;
import static dev.mcpauth.McpConfigKeys.SESSIONS_TOTAL;
import static dev.mcpauth.McpConfigKeys.SESSION_IDLE_SECONDS;

import dev.mcpauth.runtime.config.ConfigReader;
import java.time.Duration;

/**
 * Whether {@code initialize} opens 2025-era sessions, how long an unused one lives, and how many there may be. Read
 * once at deployment.
 *
 * @param enabled whether {@code initialize} opens sessions
 * @param idleTimeout how long a session lives unused
 * @param maxPerCaller most sessions per caller (not counted for the anonymous caller of a deployment without
 *     authentication, where every client is the same caller)
 * @param maxTotal most sessions in all
 */
public record SessionSettings(boolean enabled, Duration idleTimeout, int maxPerCaller, int maxTotal) {

    /** The defaults: no sessions. */
    public static final SessionSettings DEFAULTS = new SessionSettings(
            false,
            Duration.ofSeconds(DEFAULT_SESSION_IDLE_SECONDS),
            DEFAULT_SESSIONS_PER_CALLER,
            DEFAULT_SESSIONS_TOTAL);

    /**
     * Reads the keys; bad values are reported to the reader.
     *
     * @param reader the configuration
     * @return the settings
     */
    public static SessionSettings load(ConfigReader reader) {
        return new SessionSettings(
                reader.bool(SESSIONS_ENABLED, false),
                Duration.ofSeconds(reader.positiveInt(SESSION_IDLE_SECONDS, DEFAULT_SESSION_IDLE_SECONDS)),
                reader.positiveInt(SESSIONS_PER_CALLER, DEFAULT_SESSIONS_PER_CALLER),
                reader.positiveInt(SESSIONS_TOTAL, DEFAULT_SESSIONS_TOTAL));
    }
}
