package dev.mcpauth.runtime.transport;

import static dev.mcpauth.McpConfigKeys.ALLOWED_ORIGINS;
import static dev.mcpauth.McpConfigKeys.DEFAULT_MAX_BODY_BYTES;
import static dev.mcpauth.McpConfigKeys.DEFAULT_PAGE_SIZE;
import static dev.mcpauth.McpConfigKeys.DEFAULT_SERVER_NAME;
import static dev.mcpauth.McpConfigKeys.DEFAULT_SERVER_VERSION;
import static dev.mcpauth.McpConfigKeys.MAX_BODY_BYTES;
import static dev.mcpauth.McpConfigKeys.SERVER_INSTRUCTIONS;
import static dev.mcpauth.McpConfigKeys.SERVER_NAME;
import static dev.mcpauth.McpConfigKeys.SERVER_TITLE;
import static dev.mcpauth.McpConfigKeys.SERVER_VERSION;
import static dev.mcpauth.McpConfigKeys.TOOLS_PAGE_SIZE;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.Config;

/**
 * Every transport-level configuration value, read once from MicroProfile Config at deployment and checked,
 * so a bad value fails the deployment with a message naming the key instead of surprising a client later.
 */
public class McpSettings {

    private String serverName;
    private String serverVersion;
    private Optional<String> serverTitle;
    private Optional<String> instructions;
    private Set<String> allowedOrigins;
    private boolean anyOrigin;
    private int pageSize;
    private int maxBodyBytes;

    /**
     * Reads and checks every key.
     *
     * @param config the application's configuration
     * @return one message per bad key; empty when all are fine
     */
    public List<String> read(Config config) {
        List<String> problems = new ArrayList<>();
        serverName = config.getOptionalValue(SERVER_NAME, String.class).orElse(DEFAULT_SERVER_NAME);
        serverVersion = config.getOptionalValue(SERVER_VERSION, String.class).orElse(DEFAULT_SERVER_VERSION);
        serverTitle = config.getOptionalValue(SERVER_TITLE, String.class);
        instructions = config.getOptionalValue(SERVER_INSTRUCTIONS, String.class);
        pageSize = positiveInt(config, TOOLS_PAGE_SIZE, DEFAULT_PAGE_SIZE, problems);
        maxBodyBytes = positiveInt(config, MAX_BODY_BYTES, DEFAULT_MAX_BODY_BYTES, problems);
        allowedOrigins = new LinkedHashSet<>();
        anyOrigin = false;
        for (String origin : config.getOptionalValues(ALLOWED_ORIGINS, String.class).orElse(List.of())) {
            String trimmed = origin.trim();
            if (trimmed.equals("*")) {
                anyOrigin = true;
            } else if (!trimmed.isEmpty()) {
                Optional<String> normalized = Origins.normalize(trimmed);
                if (normalized.isEmpty()) {
                    problems.add("MCPAUTH-0301: " + ALLOWED_ORIGINS + " holds '" + trimmed
                            + "', which is not an origin such as https://app.example.com");
                } else {
                    allowedOrigins.add(normalized.get());
                }
            }
        }
        return problems;
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

    /** {@code serverInfo.name}. */
    public String serverName() {
        return serverName;
    }

    /** {@code serverInfo.version}. */
    public String serverVersion() {
        return serverVersion;
    }

    /** {@code serverInfo.title}, if configured. */
    public Optional<String> serverTitle() {
        return serverTitle;
    }

    /** The {@code instructions} of {@code initialize}, if configured. */
    public Optional<String> instructions() {
        return instructions;
    }

    /** Tools per {@code tools/list} page. */
    public int pageSize() {
        return pageSize;
    }

    /** The largest accepted request body in bytes. */
    public int maxBodyBytes() {
        return maxBodyBytes;
    }

    /**
     * Allows browser pages from the origin of {@code url}: the origin the endpoint itself is published at.
     *
     * @param url the canonical URL of the MCP endpoint
     */
    public void allowOriginOf(java.net.URI url) {
        Origins.normalize(url.getScheme() + "://" + url.getRawAuthority()).ifPresent(allowedOrigins::add);
    }

    /**
     * Whether a browser page from {@code origin} may call the endpoint.
     *
     * @param origin the normalized {@code Origin} header value
     * @return true for configured origins and for pages served from this machine's loopback names
     */
    public boolean isAllowedOrigin(String origin) {
        return anyOrigin || allowedOrigins.contains(origin) || Origins.isLoopback(origin);
    }
}
