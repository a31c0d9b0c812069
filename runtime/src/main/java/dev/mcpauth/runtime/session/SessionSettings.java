package dev.mcpauth.runtime.session;

import static dev.mcpauth.McpConfigKeys.CLIENT_ANSWER_SECONDS;
import static dev.mcpauth.McpConfigKeys.DEFAULT_CLIENT_ANSWER_SECONDS;
import static dev.mcpauth.McpConfigKeys.DEFAULT_PENDING_PER_CALLER;
import static dev.mcpauth.McpConfigKeys.DEFAULT_SESSIONS_PER_CALLER;
import static dev.mcpauth.McpConfigKeys.DEFAULT_SESSIONS_TOTAL;
import static dev.mcpauth.McpConfigKeys.DEFAULT_SESSION_IDLE_SECONDS;
import static dev.mcpauth.McpConfigKeys.DEFAULT_STREAMS_PER_CALLER;
import static dev.mcpauth.McpConfigKeys.DEFAULT_STREAMS_TOTAL;
import static dev.mcpauth.McpConfigKeys.PENDING_PER_CALLER;
import static dev.mcpauth.McpConfigKeys.SESSIONS_ENABLED;
import static dev.mcpauth.McpConfigKeys.SESSIONS_PER_CALLER;
import static dev.mcpauth.McpConfigKeys.SESSIONS_TOTAL;
import static dev.mcpauth.McpConfigKeys.SESSION_IDLE_SECONDS;
import static dev.mcpauth.McpConfigKeys.STREAMS_PER_CALLER;
import static dev.mcpauth.McpConfigKeys.STREAMS_TOTAL;

import dev.mcpauth.runtime.config.ConfigReader;
import java.time.Duration;

/**
 * The limits of everything that outlives a request: sessions, questions waiting for a client's answer, and
 * notification streams. Read once at deployment.
 *
 * @param enabled whether {@code initialize} opens sessions
 * @param idleTimeout how long a session lives unused
 * @param maxPerCaller most sessions per caller
 * @param maxTotal most sessions in all
 * @param answerTimeout how long a question waits for its answer
 * @param pendingPerCaller most questions waiting at once per caller
 * @param streamsTotal most notification streams per instance
 * @param streamsPerCaller most notification streams per caller per instance
 */
public record SessionSettings(
        boolean enabled,
        Duration idleTimeout,
        int maxPerCaller,
        int maxTotal,
        Duration answerTimeout,
        int pendingPerCaller,
        int streamsTotal,
        int streamsPerCaller) {

    /** The defaults: no sessions. */
    public static final SessionSettings DEFAULTS = new SessionSettings(
            false,
            Duration.ofSeconds(DEFAULT_SESSION_IDLE_SECONDS),
            DEFAULT_SESSIONS_PER_CALLER,
            DEFAULT_SESSIONS_TOTAL,
            Duration.ofSeconds(DEFAULT_CLIENT_ANSWER_SECONDS),
            DEFAULT_PENDING_PER_CALLER,
            DEFAULT_STREAMS_TOTAL,
            DEFAULT_STREAMS_PER_CALLER);

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
                reader.positiveInt(SESSIONS_TOTAL, DEFAULT_SESSIONS_TOTAL),
                Duration.ofSeconds(reader.positiveInt(CLIENT_ANSWER_SECONDS, DEFAULT_CLIENT_ANSWER_SECONDS)),
                reader.positiveInt(PENDING_PER_CALLER, DEFAULT_PENDING_PER_CALLER),
                reader.positiveInt(STREAMS_TOTAL, DEFAULT_STREAMS_TOTAL),
                reader.positiveInt(STREAMS_PER_CALLER, DEFAULT_STREAMS_PER_CALLER));
    }
}
