package dev.mcpauth.keycloak;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The rule: a redirect URI may only name a host that <em>is</em> loopback as written, {@code localhost},
 * {@code 127.0.0.1} or {@code [::1]}, never one that merely resolves to loopback where the authorization server runs.
 *
 * <p>Keycloak's own {@code secure-redirect-uris-enforcer} decides "loopback" by resolving the host
 * ({@code InetAddress.getByName(host).isLoopbackAddress()}), so {@code http://any-name-that-resolves-to-127.0.0.1/cb}
 * passes: an attacker's DNS name can answer 127.0.0.1 when Keycloak asks and the attacker's address when the victim's
 * browser follows the redirect with the authorization code. This rule looks at the parsed host only, no DNS lookup.
 *
 * <p>Accepted, exactly (RFC 8252 §7.3 and §8.3, plus {@code localhost}, which the MCP Inspector and the MCP SDK
 * examples use and which browsers resolve to loopback themselves): {@code localhost} (any letter case), {@code 127.0.0.1},
 * {@code [::1]}, with any scheme, port, path and query. Refused: every other host, also other loopback spellings,
 * because a browser may read them differently from Java (or not reach them): {@code 127.0.0.2} and the rest of
 * 127.0.0.0/8 (not configured on every system's loopback interface; no MCP client uses them), {@code localhost.} (a
 * trailing dot makes it an ordinary DNS name), {@code localhost.evil.example}, {@code 127.1}, {@code 0x7f000001},
 * {@code 2130706433} (browsers turn these into 127.0.0.1, {@link URI} does not), {@code [0:0:0:0:0:0:0:1]} and any
 * other spelling of ::1 (write {@code [::1]}), and a URI without a host (relative, or a private-use scheme such as
 * {@code com.example.app:/cb}) or one that does not parse. Which schemes, paths and wildcards are allowed stays the
 * business of the built-in executor beside this one.
 */
public final class LiteralLoopbackRedirectUris {

    /** The hosts accepted, lower case, as {@link URI#getHost()} returns them (IPv6 with brackets). */
    public static final Set<String> HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

    /** The message of a refusal, after Keycloak's "Invalid Redirect Uri: invalid uri". */
    public static final String MESSAGE = "Invalid Redirect Uri: the host must be localhost, 127.0.0.1 or [::1]";

    private LiteralLoopbackRedirectUris() {}

    /**
     * Whether the URI names a literal loopback host.
     *
     * @param uri a redirect URI as registered
     * @return true for {@code http(s)://localhost|127.0.0.1|[::1][:port]/...}
     */
    public static boolean isLiteralLoopback(String uri) {
        if (uri == null) {
            return false;
        }
        try {
            String host = new URI(uri).getHost();
            return host != null && HOSTS.contains(host.toLowerCase(Locale.ROOT));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /**
     * The first URI of the lists that breaks the rule, if any. The entries {@code "+"} (post-logout: the same as the
     * redirect URIs) and {@code "-"} (none) stand for no URI of their own and are skipped.
     *
     * @param uriLists redirect URIs, post-logout redirect URIs, ...; null lists and null entries allowed
     * @return the offending URI
     */
    @SafeVarargs
    public static Optional<String> firstViolation(List<String>... uriLists) {
        for (List<String> uris : uriLists) {
            if (uris == null) {
                continue;
            }
            for (String uri : uris) {
                if (uri == null || uri.equals("+") || uri.equals("-")) {
                    continue;
                }
                if (!isLiteralLoopback(uri)) {
                    return Optional.of(uri);
                }
            }
        }
        return Optional.empty();
    }
}
