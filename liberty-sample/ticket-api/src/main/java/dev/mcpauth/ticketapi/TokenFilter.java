package dev.mcpauth.ticketapi;

import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import jakarta.annotation.Priority;
import jakarta.json.Json;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.net.MalformedURLException;
import java.net.URI;
import java.security.Principal;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Every request needs {@code Authorization: Bearer <token>} with a token for this API ({@link TokenCheck}); anything
 * else gets {@code 401} with a {@code WWW-Authenticate} challenge (RFC 6750 §3). Configured by MicroProfile Config:
 * {@code ticket-api.issuer} (environment {@code TICKET_API_ISSUER}; default the sample realm),
 * {@code ticket-api.jwks-uri} (default the Keycloak realm's certificate endpoint) and {@code ticket-api.audience}
 * (default {@code ticket-api}).
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class TokenFilter implements ContainerRequestFilter {

    private static final Logger LOG = Logger.getLogger(TokenFilter.class.getName());

    private volatile TokenCheck check;

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            request.abortWith(unauthorized(null));
            return;
        }
        try {
            Caller caller = check().verify(header.substring(7).trim());
            boolean secure = request.getSecurityContext().isSecure();
            request.setSecurityContext(new jakarta.ws.rs.core.SecurityContext() {
                @Override
                public Principal getUserPrincipal() {
                    return caller;
                }

                @Override
                public boolean isUserInRole(String scope) {
                    return caller.scopes().contains(scope);
                }

                @Override
                public boolean isSecure() {
                    return secure;
                }

                @Override
                public String getAuthenticationScheme() {
                    return "Bearer";
                }
            });
        } catch (TokenCheck.Refused e) {
            LOG.info(() -> "ticket-api refused a token: " + e.getMessage());
            request.abortWith(unauthorized(e.getMessage()));
        } catch (TokenCheck.KeysUnavailable e) {
            LOG.warning(() -> "ticket-api cannot check tokens: " + e.getMessage() + " (" + e.getCause() + ")");
            request.abortWith(Response.status(503)
                    .header("Retry-After", "5")
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity("{\"error\":\"temporarily_unavailable\"}")
                    .build());
        }
    }

    private static Response unauthorized(String why) {
        String challenge = why == null
                ? "Bearer realm=\"ticket-api\""
                : "Bearer realm=\"ticket-api\", error=\"invalid_token\", error_description=\""
                        + why.replace("\"", "'").replace("\\", "") + "\"";
        return Response.status(401)
                .header(HttpHeaders.WWW_AUTHENTICATE, challenge)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Json.createObjectBuilder()
                        .add("error", why == null ? "unauthorized" : "invalid_token")
                        .build()
                        .toString())
                .build();
    }

    /** Built at the first request, when MicroProfile Config is ready; keys are fetched, cached and refreshed by Nimbus. */
    private TokenCheck check() {
        TokenCheck known = check;
        if (known == null) {
            synchronized (this) {
                if (check == null) {
                    var config = ConfigProvider.getConfig();
                    String issuer = config.getOptionalValue("ticket-api.issuer", String.class)
                            .orElse("http://localhost:8180/realms/mcp");
                    String jwks = config.getOptionalValue("ticket-api.jwks-uri", String.class)
                            .orElse(issuer + "/protocol/openid-connect/certs");
                    String audience = config.getOptionalValue("ticket-api.audience", String.class)
                            .orElse("ticket-api");
                    try {
                        check = new TokenCheck(
                                JWKSourceBuilder.<SecurityContext>create(
                                                URI.create(jwks).toURL())
                                        .build(),
                                issuer,
                                audience);
                    } catch (MalformedURLException e) {
                        throw new IllegalStateException("ticket-api.jwks-uri is not a URL: " + jwks, e);
                    }
                }
                known = check;
            }
        }
        return known;
    }
}
