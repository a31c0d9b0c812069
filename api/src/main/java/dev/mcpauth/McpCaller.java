package dev.mcpauth;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who is calling: the subject and client of the verified access token, its scopes and claims.
 *
 * <p>Declare a {@link Tool} method parameter of this type to receive it; such a parameter is not part of
 * the tool's input schema. With authentication switched off ({@code mcp.auth.enabled=false}) every call
 * comes from {@link #ANONYMOUS}.
 *
 * <pre>{@code
 * @Tool(description = "Who am I?")
 * public String whoami(McpCaller caller) { return caller.subject(); }
 * }</pre>
 *
 * @param subject the token's {@code sub} claim (or {@code preferred_username} where the server prefers it)
 * @param clientId the OAuth client the token was issued to ({@code client_id} or {@code azp}), or null
 * @param scopes the granted scopes, from {@code scope} and {@code scp}
 * @param claims every claim of the token, as JSON-like Java values (String, Number, Boolean, List, Map)
 */
public record McpCaller(String subject, String clientId, Set<String> scopes, Map<String, Object> claims) {

    /** The caller of every request when authentication is switched off: no scopes, no claims. */
    public static final McpCaller ANONYMOUS = new McpCaller("anonymous", null, Set.of(), Map.of());

    /** Copies the collections so a caller cannot change after construction. */
    public McpCaller {
        Objects.requireNonNull(subject, "subject");
        scopes = Set.copyOf(scopes);
        claims = Map.copyOf(claims);
    }

    /**
     * The client id, if the token names one.
     *
     * @return the client id
     */
    public Optional<String> client() {
        return Optional.ofNullable(clientId);
    }

    /**
     * Whether the token grants {@code scope}.
     *
     * @param scope a scope such as {@code tickets:write}
     * @return true when granted
     */
    public boolean hasScope(String scope) {
        return scopes.contains(scope);
    }

    /**
     * A claim of the token.
     *
     * @param name the claim name
     * @return its value, if present
     */
    public Optional<Object> claim(String name) {
        return Optional.ofNullable(claims.get(name));
    }
}
