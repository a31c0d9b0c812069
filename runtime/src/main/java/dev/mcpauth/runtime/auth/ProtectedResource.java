package dev.mcpauth.runtime.auth;

import com.nimbusds.jose.JWSAlgorithm;
import dev.mcpauth.McpCaller;
import dev.mcpauth.runtime.jsonrpc.Jsonp;
import dev.mcpauth.spi.TokenVerifier;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URI;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * This MCP endpoint as an OAuth 2.1 protected resource: its metadata document (RFC 9728), the challenges
 * it sends (RFC 6750 §3) and the scopes it advertises. Everything here is computed once, at startup; the
 * decisions themselves are {@link Authorizer}'s.
 */
public final class ProtectedResource {

    /** The well-known suffix of RFC 9728 §3. */
    public static final String WELL_KNOWN = "/.well-known/oauth-protected-resource";

    private final AuthSettings settings;
    private final TokenVerifier verifier;
    private final String metadataUrl;
    private final String resourcePath;
    private final List<String> challengeScopes;
    private final JsonObject metadata;
    private final CallerRoles callerRoles;
    private final DpopProofVerifier dpop;

    /**
     * The resource of this deployment.
     *
     * @param settings the checked settings, with auth enabled
     * @param verifier how tokens are verified
     * @param operations the access requirement of every operation a client can discover (the tools)
     * @param contextPath the WAR's context path ({@code ""} at the root)
     */
    public ProtectedResource(
            AuthSettings settings,
            TokenVerifier verifier,
            Collection<AccessRequirement> operations,
            String contextPath) {
        this(settings, verifier, operations, contextPath, (key, remember) -> false, List.of(new byte[32]));
    }

    /**
     * The resource of this deployment.
     *
     * @param settings the checked settings, with auth enabled
     * @param verifier how tokens are verified
     * @param operations the access requirement of every operation a client can discover (the tools)
     * @param contextPath the WAR's context path ({@code ""} at the root)
     * @param proofReplays remembers the DPoP proofs used, on every instance
     * @param nonceKeys the keys that seal DPoP nonces, the sealing key first (used when nonces are on)
     */
    public ProtectedResource(
            AuthSettings settings,
            TokenVerifier verifier,
            Collection<AccessRequirement> operations,
            String contextPath,
            DpopProofVerifier.ReplayGuard proofReplays,
            List<byte[]> nonceKeys) {
        this.settings = settings;
        DpopSettings dpopSettings = settings.dpop();
        this.dpop = new DpopProofVerifier(
                dpopSettings.algorithms(),
                dpopSettings.window(),
                proofReplays,
                dpopSettings.nonces()
                        ? new DpopNonces(nonceKeys, dpopSettings.nonceLifetime(), Clock.systemUTC())
                        : null,
                Clock.systemUTC());
        this.verifier = verifier;
        URI resource = settings.metadata().resource();
        // RFC 9728 §3.1: a terminating slash after the host is removed before the suffix is inserted
        this.resourcePath =
                resource.getRawPath() == null || resource.getRawPath().equals("/") ? "" : resource.getRawPath();
        // RFC 9728 §3.1 inserts the well-known suffix between host and path; a WAR below the root serves the
        // same path under its context root, which is what the challenge then points to
        this.metadataUrl =
                resource.getScheme() + "://" + resource.getRawAuthority() + contextPath + WELL_KNOWN + resourcePath;
        this.challengeScopes = settings.metadata().challengeScopes().orElseGet(() -> basicScopes(operations));
        this.metadata = metadataDocument(
                settings, settings.metadata().scopesSupported().orElseGet(() -> allScopes(operations)));
        this.callerRoles = new CallerRoles(settings);
    }

    /** The scopes of the operations that add no method-level requirement: what a client needs for basic use. */
    static List<String> basicScopes(Collection<AccessRequirement> operations) {
        Set<String> scopes = new TreeSet<>();
        operations.stream()
                .filter(operation -> !operation.methodLevelScopes())
                .forEach(operation -> scopes.addAll(operation.scopes()));
        return List.copyOf(scopes);
    }

    static List<String> allScopes(Collection<AccessRequirement> operations) {
        Set<String> scopes = new TreeSet<>();
        operations.forEach(operation -> scopes.addAll(operation.scopes()));
        return List.copyOf(scopes);
    }

    private static JsonObject metadataDocument(AuthSettings settings, List<String> scopesSupported) {
        JsonArrayBuilder servers = Jsonp.array();
        settings.metadata().authorizationServers().forEach(servers::add);
        JsonArrayBuilder scopes = Jsonp.array();
        scopesSupported.forEach(scopes::add);
        JsonObjectBuilder document = Jsonp.object()
                .add("resource", settings.metadata().resource().toString())
                .add("authorization_servers", servers)
                .add("scopes_supported", scopes)
                .add("bearer_methods_supported", Jsonp.array().add("header"))
                .add("resource_name", settings.metadata().resourceName());
        settings.metadata().resourceDocumentation().ifPresent(url -> document.add("resource_documentation", url));
        if (settings.dpop().enabled()) {
            // RFC 9728 §2: the proof algorithms, and whether only DPoP-bound tokens are accepted
            JsonArrayBuilder algorithms = Jsonp.array();
            settings.dpop().algorithms().stream()
                    .map(JWSAlgorithm::getName)
                    .sorted()
                    .forEach(algorithms::add);
            document.add("dpop_signing_alg_values_supported", algorithms);
            if (settings.dpop().mode() == DpopSettings.Mode.REQUIRED) {
                document.add("dpop_bound_access_tokens_required", true);
            }
        }
        return document.build();
    }

    /** The RFC 9728 document. */
    public JsonObject metadata() {
        return metadata;
    }

    /** Where the challenge says the metadata is. */
    public String metadataUrl() {
        return metadataUrl;
    }

    /** The path of the resource URL, which the path-inserted metadata location repeats. */
    public String resourcePath() {
        return resourcePath;
    }

    /** The token verifier. */
    public TokenVerifier verifier() {
        return verifier;
    }

    /** The settings. */
    public AuthSettings settings() {
        return settings;
    }

    /**
     * The 401 challenge: no token, or (with {@code error}) a rejected one.
     *
     * @param error {@link BearerChallenge#INVALID_TOKEN}, {@link BearerChallenge#INVALID_REQUEST} or null
     * @param description why, or null
     * @return the {@code WWW-Authenticate} value
     */
    public String challenge(String error, String description) {
        return BearerChallenge.format(error, description, challengeScopes, metadataUrl);
    }

    /**
     * The DPoP challenge (RFC 9449 §7.1) that goes beside the Bearer one when DPoP is accepted, or alone for a DPoP
     * request's refusal.
     *
     * @param error {@code invalid_dpop_proof}, {@link BearerChallenge#INVALID_TOKEN}, or null
     * @param description why, or null
     * @return the {@code WWW-Authenticate} value
     */
    public String dpopChallenge(String error, String description) {
        return BearerChallenge.format("DPoP", error, description, challengeScopes, metadataUrl, dpop.names());
    }

    /**
     * The 403 challenge for a DPoP caller whose call needs more scopes.
     *
     * @param refusal what the call needs
     * @return the {@code WWW-Authenticate} value
     */
    public String dpopInsufficientScope(InsufficientScopeException refusal) {
        return BearerChallenge.format(
                "DPoP",
                BearerChallenge.INSUFFICIENT_SCOPE,
                refusal.getMessage(),
                refusal.required(),
                metadataUrl,
                dpop.names());
    }

    /** The DPoP proof verifier. */
    public DpopProofVerifier dpopProofs() {
        return dpop;
    }

    /**
     * The 403 challenge for a call that needs more scopes.
     *
     * @param refusal what the call needs
     * @return the {@code WWW-Authenticate} value
     */
    public String insufficientScope(InsufficientScopeException refusal) {
        return BearerChallenge.format(
                BearerChallenge.INSUFFICIENT_SCOPE, refusal.getMessage(), refusal.required(), metadataUrl);
    }

    /**
     * The caller's roles for {@code @RolesAllowed} and {@code SecurityContext.isUserInRole}, as {@link CallerRoles}
     * reads them: the roles claim of the issuers trusted for roles, and the scopes only when so configured.
     *
     * @param caller a verified caller
     * @return the roles
     */
    public Set<String> rolesOf(McpCaller caller) {
        return callerRoles.of(caller);
    }
}
