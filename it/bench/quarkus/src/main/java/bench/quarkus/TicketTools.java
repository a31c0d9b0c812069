package bench.quarkus;

import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;
import io.quarkus.security.PermissionsAllowed;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The benchmark's MCP tools, as the Quarkus MCP server extension declares them: annotated methods of a CDI bean.
 *
 * <p>The token itself (signature, issuer, audience, expiry) is checked by quarkus-oidc before a request reaches
 * the MCP endpoint (see application.properties). The scope is checked here with {@code @PermissionsAllowed}:
 * quarkus-oidc turns each value of the access token's {@code scope} claim into a permission of the
 * {@code SecurityIdentity}, which is what the Quarkus OIDC bearer-token guide recommends for OAuth scopes.
 */
public class TicketTools {

    /** The structured result of {@code search_tickets}: {@code {"result":[...]}}, as the reference server's. */
    public record SearchResult(List<Ticket> result) {
    }

    /** The structured result of {@code whoami}. */
    public record Identity(String user, String subject, String clientId, List<String> scopes) {
    }

    @Inject
    JsonWebToken token;

    @Tool(name = "search_tickets", structuredContent = true,
            description = "Search the caller's support tickets by text in title, description or customer name")
    @PermissionsAllowed("tickets:read")
    SearchResult searchTickets(@ToolArg(description = "text to look for") String query) {
        return new SearchResult(Ticket.search(token.getClaim("preferred_username"), query));
    }

    @Tool(name = "whoami", structuredContent = true, description = "Who the server thinks the caller is")
    Identity whoami() {
        String scope = token.getClaim("scope");
        List<String> scopes = scope == null ? List.of()
                : Arrays.stream(scope.split(" ")).filter(s -> !s.isEmpty()).sorted().toList();
        String clientId = token.getClaim("azp");
        return new Identity(token.getClaim("preferred_username"), token.getSubject(),
                clientId != null ? clientId : token.getClaim("client_id"), scopes);
    }
}
