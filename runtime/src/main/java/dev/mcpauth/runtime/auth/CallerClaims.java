package dev.mcpauth.runtime.auth;

import dev.mcpauth.McpCaller;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the {@link McpCaller} from a verified token's claims. */
final class CallerClaims {

    private CallerClaims() {
    }

    /**
     * The caller of a token.
     *
     * @param claims the claims as JSON values (String, Number, Boolean, List, Map), dates as epoch seconds
     * @return the caller
     */
    static McpCaller toCaller(Map<String, Object> claims) {
        Map<String, Object> present = new LinkedHashMap<>();
        claims.forEach((name, value) -> {
            if (value != null) {
                present.put(name, value);
            }
        });
        String clientId = firstString(present, "client_id", "azp");
        // client-credentials tokens of some servers carry no sub; fall back to what names the caller best
        String subject = firstString(present, "sub", "preferred_username", "client_id", "azp");
        return new McpCaller(subject == null ? "unknown" : subject, clientId,
                Scopes.fromClaims(present.get("scope"), present.get("scp")), present);
    }

    private static String firstString(Map<String, Object> claims, String... names) {
        for (String name : names) {
            if (claims.get(name) instanceof String value && !value.isEmpty()) {
                return value;
            }
        }
        return null;
    }
}
