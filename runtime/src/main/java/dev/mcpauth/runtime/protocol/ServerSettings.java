package dev.mcpauth.runtime.protocol;

import static dev.mcpauth.McpConfigKeys.CACHE_TTL_MS;
import static dev.mcpauth.McpConfigKeys.DEFAULT_CACHE_TTL_MS;
import static dev.mcpauth.McpConfigKeys.DEFAULT_PAGE_SIZE;
import static dev.mcpauth.McpConfigKeys.DEFAULT_REQUEST_STATE_TTL_SECONDS;
import static dev.mcpauth.McpConfigKeys.DEFAULT_SERVER_NAME;
import static dev.mcpauth.McpConfigKeys.DEFAULT_SERVER_VERSION;
import static dev.mcpauth.McpConfigKeys.REQUEST_STATE_KEYS;
import static dev.mcpauth.McpConfigKeys.REQUEST_STATE_TTL_SECONDS;
import static dev.mcpauth.McpConfigKeys.SERVER_INSTRUCTIONS;
import static dev.mcpauth.McpConfigKeys.SERVER_NAME;
import static dev.mcpauth.McpConfigKeys.SERVER_TITLE;
import static dev.mcpauth.McpConfigKeys.SERVER_VERSION;
import static dev.mcpauth.McpConfigKeys.TOOLS_PAGE_SIZE;

import dev.mcpauth.runtime.config.ConfigReader;
import dev.mcpauth.runtime.messages.Message;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * How the server presents itself in the protocol: its identity and instructions for {@code initialize}, and
 * the page size of list results. Read once from MicroProfile Config at deployment.
 *
 * @param serverName {@code serverInfo.name}
 * @param serverVersion {@code serverInfo.version}
 * @param serverTitle {@code serverInfo.title}, if configured
 * @param instructions the {@code instructions} of {@code initialize}, if configured
 * @param pageSize items per list page
 * @param cacheTtlMs the {@code ttlMs} of 2026-07-28 list and discover results
 * @param stateKeys the AES keys of multi round-trip states, the sealing key first; empty for a random one
 * @param stateTtlSeconds how long a multi round-trip state stays valid
 */
public record ServerSettings(
        String serverName,
        String serverVersion,
        Optional<String> serverTitle,
        Optional<String> instructions,
        int pageSize,
        int cacheTtlMs,
        List<byte[]> stateKeys,
        int stateTtlSeconds) {

    /** Settings without multi round-trip keys (a random one is made up) and the default state lifetime. */
    public ServerSettings(
            String serverName,
            String serverVersion,
            Optional<String> serverTitle,
            Optional<String> instructions,
            int pageSize,
            int cacheTtlMs) {
        this(
                serverName,
                serverVersion,
                serverTitle,
                instructions,
                pageSize,
                cacheTtlMs,
                List.of(),
                DEFAULT_REQUEST_STATE_TTL_SECONDS);
    }

    /** Settings when nothing is configured. */
    public static final ServerSettings DEFAULTS = new ServerSettings(
            DEFAULT_SERVER_NAME,
            DEFAULT_SERVER_VERSION,
            Optional.empty(),
            Optional.empty(),
            DEFAULT_PAGE_SIZE,
            DEFAULT_CACHE_TTL_MS,
            List.of(),
            DEFAULT_REQUEST_STATE_TTL_SECONDS);

    /** The settings read, or the problems found. */
    public record Loaded(ServerSettings settings, List<String> problems) {}

    /**
     * Reads and checks the keys.
     *
     * @param config the application's configuration
     * @return the settings and one message per bad key
     */
    public static Loaded load(Config config) {
        ConfigReader reader = new ConfigReader(config);
        ServerSettings settings = new ServerSettings(
                reader.string(SERVER_NAME).orElse(DEFAULT_SERVER_NAME),
                reader.string(SERVER_VERSION).orElse(DEFAULT_SERVER_VERSION),
                reader.string(SERVER_TITLE),
                reader.string(SERVER_INSTRUCTIONS),
                reader.positiveInt(TOOLS_PAGE_SIZE, DEFAULT_PAGE_SIZE),
                reader.nonNegativeInt(CACHE_TTL_MS, DEFAULT_CACHE_TTL_MS),
                stateKeys(reader),
                reader.positiveInt(REQUEST_STATE_TTL_SECONDS, DEFAULT_REQUEST_STATE_TTL_SECONDS));
        return new Loaded(settings, reader.problems());
    }

    private static List<byte[]> stateKeys(ConfigReader reader) {
        List<byte[]> keys = new ArrayList<>();
        for (String value : reader.list(REQUEST_STATE_KEYS).orElse(List.of())) {
            byte[] key;
            try {
                key = Base64.getDecoder().decode(value);
            } catch (IllegalArgumentException e) {
                key = new byte[0];
            }
            if (key.length == 16 || key.length == 24 || key.length == 32) {
                keys.add(key);
            } else {
                // never echo the value: it is a secret
                reader.problem(Message.REQUEST_STATE_KEY_INVALID.format(REQUEST_STATE_KEYS));
            }
        }
        return List.copyOf(keys);
    }
}
