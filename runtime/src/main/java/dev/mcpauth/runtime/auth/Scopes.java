package dev.mcpauth.runtime.auth;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** OAuth scope syntax (RFC 6749 §3.3) and reading scopes from token claims. */
public final class Scopes {

    private Scopes() {}

    /**
     * The scopes granted by a token: the space-separated {@code scope} claim (RFC 9068 §2.2.3) and the
     * {@code scp} claim, which some servers send as an array and others as a string.
     *
     * @param scope the {@code scope} claim value, or null
     * @param scp the {@code scp} claim value, or null
     * @return the union, in order of appearance
     */
    public static Set<String> fromClaims(Object scope, Object scp) {
        Set<String> scopes = new LinkedHashSet<>();
        addAll(scope, scopes);
        addAll(scp, scopes);
        return scopes;
    }

    private static void addAll(Object claim, Set<String> scopes) {
        if (claim instanceof String text) {
            for (String token : text.split(" ")) {
                if (!token.isEmpty()) {
                    scopes.add(token);
                }
            }
        } else if (claim instanceof Collection<?> values) {
            for (Object value : values) {
                if (value instanceof String token && !token.isEmpty()) {
                    scopes.add(token);
                }
            }
        }
    }

    /**
     * Whether {@code scope} is a valid scope token (RFC 6749 §3.3: {@code 1*( %x21 / %x23-5B / %x5D-7E )}).
     *
     * @param scope the candidate
     * @return true when valid
     */
    public static boolean isScopeToken(String scope) {
        return !scope.isEmpty() && scope.chars().allMatch(c -> c >= 0x21 && c <= 0x7E && c != '"' && c != '\\');
    }

    /** The space-separated form used in challenges and metadata. */
    static String join(Collection<String> scopes) {
        return String.join(" ", scopes);
    }

    /** The scopes of {@code required} that {@code granted} lacks. */
    static List<String> missing(Collection<String> required, Set<String> granted) {
        return required.stream().filter(scope -> !granted.contains(scope)).toList();
    }
}
