package dev.mcpauth.runtime.auth;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where cleartext is acceptable: the authorization server's endpoints must be {@code https} (RFC 8414 §2 and
 * §3.1, RFC 7662 §4, OAuth 2.1 §1.5), since keys or introspection answers fetched in cleartext can be replaced
 * on the way, except on a loopback host ({@code localhost}, {@code 127.0.0.0/8}, {@code [::1]}), where the
 * traffic never leaves the machine, or when {@code mcp.auth.allow-insecure-http=true} says so. Host names are
 * judged as written, never resolved: only the literal name {@code localhost} counts (RFC 6761 §6.3).
 */
public final class HttpsRule {

    private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final boolean allowInsecure;

    /**
     * The rule.
     *
     * @param allowInsecure whether http is accepted for any host
     */
    public HttpsRule(boolean allowInsecure) {
        this.allowInsecure = allowInsecure;
    }

    /**
     * Whether {@code uri} may be used to reach the authorization server.
     *
     * @param uri an absolute http(s) URL
     * @return true for https, for http on a loopback host, and for any http when insecure http is allowed
     */
    public boolean permits(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https")) {
            return true;
        }
        return scheme.equals("http") && (allowInsecure || isLoopback(uri.getHost()));
    }

    /**
     * Whether a host, as written in a URL, is the loopback interface.
     *
     * @param host the host ({@code [::1]} with brackets, as {@link URI#getHost()} gives it), or null
     * @return true for {@code localhost}, {@code 127.x.y.z} and {@code [::1]}
     */
    static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        if (host.equalsIgnoreCase("localhost") || host.equalsIgnoreCase("localhost.")) {
            return true;
        }
        if (IPV4_LITERAL.matcher(host).matches()) {
            String[] octets = host.split("\\.");
            for (String octet : octets) {
                if (Integer.parseInt(octet) > 255) {
                    return false;
                }
            }
            return octets[0].equals("127");
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            try {
                // a bracketed name is an IPv6 literal to getByName: parsed, never looked up in DNS
                return InetAddress.getByName(host).isLoopbackAddress();
            } catch (UnknownHostException | RuntimeException e) {
                return false;
            }
        }
        return false;
    }
}
