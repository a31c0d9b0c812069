package dev.mcpauth.runtime.auth;

import dev.mcpauth.McpCaller;
import dev.mcpauth.spi.TokenVerifier.TokenRejectedException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Builds the {@link McpCaller} from a verified token's claims, JWT or introspection answer alike: refuses what is
 * not an access token or names nobody, makes the subject unambiguous across issuers, and keeps only the scopes the
 * issuer may grant.
 */
final class CallerClaims {

    private final String primaryIssuer;
    private final List<String> otherIssuerSuffixes;
    private final List<String> subjectFallbackClaims;
    private final Map<String, Set<String>> issuerScopes;

    /**
     * The rules of the configuration.
     *
     * @param settings the resource server settings
     */
    CallerClaims(AuthSettings settings) {
        this.primaryIssuer = settings.token().primaryIssuer();
        this.otherIssuerSuffixes = settings.token().issuers().stream()
                .filter(issuer -> !issuer.equals(primaryIssuer))
                .map(issuer -> "@" + issuer)
                .toList();
        this.subjectFallbackClaims = settings.token().subjectFallbackClaims();
        this.issuerScopes = settings.authorization().issuerScopes();
    }

    /**
     * The caller of a verified token.
     *
     * @param claims the claims as JSON values (String, Number, Boolean, List, Map), dates as epoch seconds
     * @param issuer the issuer that vouched for the token (its {@code iss}, already checked)
     * @return the caller
     * @throws TokenRejectedException when the token is an ID token or names no subject
     */
    McpCaller toCaller(Map<String, Object> claims, String issuer) throws TokenRejectedException {
        Map<String, Object> present = new LinkedHashMap<>();
        claims.forEach((name, value) -> {
            if (value != null) {
                present.put(name, value);
            }
        });
        refuseIdToken(present);
        String subject = firstString(present, "sub");
        for (int i = 0; subject == null && i < subjectFallbackClaims.size(); i++) {
            subject = firstString(present, subjectFallbackClaims.get(i));
        }
        if (subject == null) {
            // without sub, users of one client would share one identity (RFC 9068 §2.2 makes sub required)
            throw new TokenRejectedException("The token has no subject");
        }
        for (String suffix : otherIssuerSuffixes) {
            if (subject.endsWith(suffix)) {
                // such a subject could pass for the qualified subject of another trusted issuer's user
                throw new TokenRejectedException("The token's subject is ambiguous");
            }
        }
        if (!primaryIssuer.equals(issuer)) {
            subject = subject + "@" + issuer;
        }
        Set<String> scopes = Scopes.fromClaims(present.get("scope"), present.get("scp"));
        Set<String> grantable = issuerScopes.get(issuer);
        if (grantable != null) {
            scopes = new LinkedHashSet<>(scopes);
            scopes.retainAll(grantable);
        }
        return new McpCaller(subject, firstString(present, "client_id", "azp"), scopes, present, issuer);
    }

    /**
     * An ID token says who logged in to a client; it is not meant for a resource server, even when its audience
     * names the resource (OpenID Connect Core §2; RFC 9068 §1). Its marks: {@code nonce}, which only ID tokens
     * carry (OpenID Connect Core §2), or Keycloak's {@code typ} claim {@code ID}.
     */
    private static void refuseIdToken(Map<String, Object> claims) throws TokenRejectedException {
        if (claims.containsKey("nonce")
                || claims.get("typ") instanceof String typ
                        && typ.toUpperCase(Locale.ROOT).equals("ID")) {
            throw new TokenRejectedException("An ID token is not an access token");
        }
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
