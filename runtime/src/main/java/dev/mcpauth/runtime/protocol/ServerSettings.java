package dev.mcpauth.runtime.protocol;

import static dev.mcpauth.McpConfigKeys.DEFAULT_PAGE_SIZE;
import static dev.mcpauth.McpConfigKeys.DEFAULT_SERVER_NAME;
import static dev.mcpauth.McpConfigKeys.DEFAULT_SERVER_VERSION;
import static dev.mcpauth.McpConfigKeys.SERVER_INSTRUCTIONS;
import static dev.mcpauth.McpConfigKeys.SERVER_NAME;
import static dev.mcpauth.McpConfigKeys.SERVER_TITLE;
import static dev.mcpauth.McpConfigKeys.SERVER_VERSION;
import static dev.mcpauth.McpConfigKeys.TOOLS_PAGE_SIZE;

import java.util.ArrayList;
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
 */
public record ServerSettings(String serverName, String serverVersion, Optional<String> serverTitle,
        Optional<String> instructions, int pageSize) {

    /** Settings when nothing is configured. */
    public static final ServerSettings DEFAULTS = new ServerSettings(DEFAULT_SERVER_NAME, DEFAULT_SERVER_VERSION,
            Optional.empty(), Optional.empty(), DEFAULT_PAGE_SIZE);

    /** The settings read, or the problems found. */
    public record Loaded(ServerSettings settings, List<String> problems) {
    }

    /**
     * Reads and checks the keys.
     *
     * @param config the application's configuration
     * @return the settings and one message per bad key
     */
    public static Loaded load(Config config) {
        List<String> problems = new ArrayList<>();
        int pageSize = positiveInt(config, TOOLS_PAGE_SIZE, DEFAULT_PAGE_SIZE, problems);
        return new Loaded(new ServerSettings(
                config.getOptionalValue(SERVER_NAME, String.class).orElse(DEFAULT_SERVER_NAME),
                config.getOptionalValue(SERVER_VERSION, String.class).orElse(DEFAULT_SERVER_VERSION),
                config.getOptionalValue(SERVER_TITLE, String.class),
                config.getOptionalValue(SERVER_INSTRUCTIONS, String.class),
                pageSize), problems);
    }

    private static int positiveInt(Config config, String key, int defaultValue, List<String> problems) {
        Optional<String> raw = config.getOptionalValue(key, String.class);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(raw.get().trim());
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add("MCPAUTH-0302: " + key + " must be a positive integer, not '" + raw.get() + "'");
        return defaultValue;
    }
}
