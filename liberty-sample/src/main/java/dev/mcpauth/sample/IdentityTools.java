package dev.mcpauth.sample;

import dev.mcpauth.McpCaller;
import dev.mcpauth.Tool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Tools any signed-in caller may use: no scope beyond a valid token. */
@ApplicationScoped
public class IdentityTools {

    @Tool(description = "Who the server thinks the caller is: user, client and granted scopes")
    public Identity whoami(McpCaller caller) {
        return new Identity(
                TicketTools.displayName(caller),
                caller.subject(),
                caller.clientId(),
                caller.scopes().stream().sorted().toList());
    }

    /**
     * The answer of {@code whoami}.
     *
     * @param user the login name, for display ({@code preferred_username})
     * @param subject the token subject: the identity tickets belong to
     * @param clientId the OAuth client
     * @param scopes the granted scopes
     */
    public record Identity(String user, String subject, String clientId, List<String> scopes) {}
}
