package dev.mcpauth;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who is calling: the subject, issuer and client of the verified access token, its scopes and claims.
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
 * <p><b>Identity is subject and issuer together.</b> A {@code sub} is unique only within its issuer
 * (OpenID Connect Core §2, RFC 9068 §2.2), so when several issuers are trusted ({@code mcp.auth.issuers})
 * the runtime keeps {@link #subject()} unambiguous: for tokens of the <em>primary</em> issuer
 * ({@code mp.jwt.verify.issuer}, else the first of {@code mcp.auth.issuers}) it is the raw {@code sub};
 * for tokens of any other issuer it is {@code sub + "@" + issuer}, such as
 * {@code alice@https://partners.example.org}. A primary-issuer token whose {@code sub} itself ends in
 * {@code "@"} plus another trusted issuer is refused, so the two forms can never meet. Code that keys data
 * by caller should key it by {@link #subject()} (or by {@link #issuer()} and the raw {@code sub} claim).
 *
 * @param subject who the token stands for: its {@code sub} (or, where configured with
 *     {@code mcp.auth.subject-fallback-claims}, the first of those claims present), qualified with
 *     {@code "@" + issuer} when the issuer is not the primary one
 * @param clientId the OAuth client the token was issued to ({@code client_id} or {@code azp}), or null
 * @param scopes the granted scopes, from {@code scope} and {@code scp}, limited to what the issuer may
 *     grant ({@code mcp.auth.issuer-scopes})
 * @param claims every claim of the token, as JSON-like Java values (String, Number, Boolean, List, Map)
 * @param issuer the issuer that vouches for the caller (the verified {@code iss}), or null when unknown
 *     (authentication off, or a custom verifier that names none)
 */
public record McpCaller(
        String subject, String clientId, Set<String> scopes, Map<String, Object> claims, String issuer) {

    /** The caller of every request when authentication is switched off: no scopes, no claims, no issuer. */
    public static final McpCaller ANONYMOUS = new McpCaller("anonymous", null, Set.of(), Map.of(), null);

    /**
     * Copies the collections so a caller cannot change after construction.
     *
     * @param subject who the token stands for, not null
     * @param clientId the OAuth client the token was issued to, or null
     * @param scopes the granted scopes
     * @param claims every claim of the token
     * @param issuer the issuer that vouches for the caller, or null when unknown
     */
    public McpCaller {
        Objects.requireNonNull(subject, "subject");
        scopes = Set.copyOf(scopes);
        claims = Map.copyOf(claims);
    }

    /**
     * A caller whose issuer is its {@code iss} claim, if that is a string (else none): for custom
     * {@code TokenVerifier}s and code written before the issuer was part of the caller.
     *
     * @param subject who the token stands for
     * @param clientId the OAuth client, or null
     * @param scopes the granted scopes
     * @param claims every claim of the token
     */
    public McpCaller(String subject, String clientId, Set<String> scopes, Map<String, Object> claims) {
        this(subject, clientId, scopes, claims, claims.get("iss") instanceof String iss ? iss : null);
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
     * <p>Claims such as {@code preferred_username}, {@code email} or {@code name} are for display. Never key data or
     * decisions on a claim a client could influence: an authorization server may let a client (a self-registered one,
     * say) map any user attribute, including one the user can edit, into a claim of any name. Key them on
     * {@link #subject()}, which the authorization server fixes for each user and the runtime qualifies with the issuer
     * when several are trusted.
     *
     * @param name the claim name
     * @return its value, if present
     */
    public Optional<Object> claim(String name) {
        return Optional.ofNullable(claims.get(name));
    }
}
