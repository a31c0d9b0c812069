package dev.mcpauth.runtime.tasks;

import static dev.mcpauth.McpConfigKeys.DEFAULT_TASKS_PER_CALLER;
import static dev.mcpauth.McpConfigKeys.DEFAULT_TASKS_RUNNING;
import static dev.mcpauth.McpConfigKeys.DEFAULT_TASK_LEASE_SECONDS;
import static dev.mcpauth.McpConfigKeys.DEFAULT_TASK_POLL_INTERVAL_MS;
import static dev.mcpauth.McpConfigKeys.DEFAULT_TASK_TTL_SECONDS;
import static dev.mcpauth.McpConfigKeys.TASKS_PER_CALLER;
import static dev.mcpauth.McpConfigKeys.TASKS_RUNNING;
import static dev.mcpauth.McpConfigKeys.TASK_LEASE_SECONDS;
import static dev.mcpauth.McpConfigKeys.TASK_POLL_INTERVAL_MS;
import static dev.mcpauth.McpConfigKeys.TASK_TTL_SECONDS;

import dev.mcpauth.runtime.config.ConfigReader;
import java.time.Duration;

/**
 * The limits of tasks: how long one stays readable, how many run at once, how soon a task whose instance died ends,
 * and the poll interval suggested to clients. Read once at deployment.
 *
 * @param ttl how long a task stays readable after it was created ({@code ttlMs})
 * @param maxRunning most tasks running at once on one instance
 * @param maxRunningPerCaller most tasks running at once per caller on one instance
 * @param lease how long a running task stays {@code working} without its instance renewing it
 * @param pollIntervalMs the {@code pollIntervalMs} suggested to clients
 */
public record TaskSettings(Duration ttl, int maxRunning, int maxRunningPerCaller, Duration lease, int pollIntervalMs) {

    /** The defaults. */
    public static final TaskSettings DEFAULTS = new TaskSettings(
            Duration.ofSeconds(DEFAULT_TASK_TTL_SECONDS),
            DEFAULT_TASKS_RUNNING,
            DEFAULT_TASKS_PER_CALLER,
            Duration.ofSeconds(DEFAULT_TASK_LEASE_SECONDS),
            DEFAULT_TASK_POLL_INTERVAL_MS);

    /**
     * Reads the keys; bad values are reported to the reader.
     *
     * @param reader the configuration
     * @return the settings
     */
    public static TaskSettings load(ConfigReader reader) {
        return new TaskSettings(
                Duration.ofSeconds(reader.positiveInt(TASK_TTL_SECONDS, DEFAULT_TASK_TTL_SECONDS)),
                reader.positiveInt(TASKS_RUNNING, DEFAULT_TASKS_RUNNING),
                reader.positiveInt(TASKS_PER_CALLER, DEFAULT_TASKS_PER_CALLER),
                Duration.ofSeconds(reader.positiveInt(TASK_LEASE_SECONDS, DEFAULT_TASK_LEASE_SECONDS)),
                reader.positiveInt(TASK_POLL_INTERVAL_MS, DEFAULT_TASK_POLL_INTERVAL_MS));
    }
}
