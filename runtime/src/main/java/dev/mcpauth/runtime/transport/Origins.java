package dev.mcpauth.runtime.transport;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Parsing and comparing Web origins (RFC 6454) for the DNS-rebinding check of the MCP transport. */
final class Origins {

    private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

    private Origins() {}

    /**
     * The origin in the form {@code scheme://host[:port]}, lower case, default port dropped; empty when
     * the text is not an http(s) origin.
     */
    static Optional<String> normalize(String text) {
        try {
            URI uri = new URI(text.trim());
            String scheme = uri.getScheme();
            String host = uri.getHost();
            if (scheme == null
                    || host == null
                    || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    || uri.getRawUserInfo() != null
                    || (uri.getRawPath() != null && !uri.getRawPath().isEmpty())
                    || uri.getRawQuery() != null
                    || uri.getRawFragment() != null) {
                return Optional.empty();
            }
            scheme = scheme.toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            boolean defaultPort =
                    port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
            return Optional.of(scheme + "://" + host.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether a normalized origin names this machine's loopback interface. A DNS-rebinding page always
     * carries its own, non-loopback host name in {@code Origin}, even when that name resolves to 127.0.0.1.
     */
    static boolean isLoopback(String normalizedOrigin) {
        String hostAndPort = normalizedOrigin.substring(normalizedOrigin.indexOf("://") + 3);
        String host = hostAndPort.startsWith("[")
                ? hostAndPort.substring(0, hostAndPort.indexOf(']') + 1)
                : hostAndPort.split(":", 2)[0];
        return LOOPBACK_HOSTS.contains(host);
    }
}
