package dev.mcpauth.runtime.transport;

import static dev.mcpauth.McpConfigKeys.ALLOWED_ORIGINS;
import static dev.mcpauth.McpConfigKeys.DEFAULT_MAX_BODY_BYTES;
import static dev.mcpauth.McpConfigKeys.MAX_BODY_BYTES;

import dev.mcpauth.runtime.config.ConfigReader;
import dev.mcpauth.runtime.messages.Message;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.Config;

/**
 * The HTTP-level settings: which browser origins may call the endpoint (the DNS-rebinding defence) and the
 * largest accepted body. Read once from MicroProfile Config at deployment.
 */
public final class TransportSettings {

    private final Set<String> allowedOrigins;
    private final boolean anyOrigin;
    private final int maxBodyBytes;

    private TransportSettings(Set<String> allowedOrigins, boolean anyOrigin, int maxBodyBytes) {
        this.allowedOrigins = Set.copyOf(allowedOrigins);
        this.anyOrigin = anyOrigin;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** The settings read, or the problems found. */
    public record Loaded(TransportSettings settings, List<String> problems) {}

    /**
     * Reads and checks the keys.
     *
     * @param config the application's configuration
     * @param endpoint the canonical URL of the MCP endpoint when known ({@code mcp.auth.resource}): a page
     *     served from its origin is same-origin, not a rebinding attack
     * @return the settings and one message per bad key
     */
    public static Loaded load(Config config, Optional<URI> endpoint) {
        ConfigReader reader = new ConfigReader(config);
        Set<String> origins = new LinkedHashSet<>();
        boolean any = false;
        for (String origin : reader.list(ALLOWED_ORIGINS).orElse(List.of())) {
            if (origin.equals("*")) {
                any = true;
                continue;
            }
            Optional<String> normalized = Origins.normalize(origin);
            if (normalized.isEmpty()) {
                reader.problem(Message.CONFIG_ORIGIN_INVALID.format(ALLOWED_ORIGINS, origin));
            } else {
                origins.add(normalized.get());
            }
        }
        endpoint.flatMap(url -> Origins.normalize(url.getScheme() + "://" + url.getRawAuthority()))
                .ifPresent(origins::add);
        int maxBody = reader.positiveInt(MAX_BODY_BYTES, DEFAULT_MAX_BODY_BYTES);
        return new Loaded(new TransportSettings(origins, any, maxBody), reader.problems());
    }

    /** The largest accepted request body in bytes. */
    public int maxBodyBytes() {
        return maxBodyBytes;
    }

    /**
     * Whether a browser page from {@code origin} may call the endpoint.
     *
     * @param origin the normalized {@code Origin} header value
     * @return true for configured origins, the endpoint's own and pages served from this machine's loopback names
     */
    public boolean isAllowedOrigin(String origin) {
        return anyOrigin || allowedOrigins.contains(origin) || Origins.isLoopback(origin);
    }
}
