package dev.mcpauth.ticketapi;

import java.security.Principal;
import java.util.Set;

/**
 * Who a verified token stands for (the request's {@code SecurityContext} principal), as this API decides by it: the user
 * (the token's subject, the same user id the MCP server saw) and the scopes the token grants here.
 *
 * @param subject the token's {@code sub}
 * @param scopes the token's {@code scope}, split
 */
public record Caller(String subject, Set<String> scopes) implements Principal {

    public Caller {
        scopes = Set.copyOf(scopes);
    }

    /** The principal's name: the subject. */
    @Override
    public String getName() {
        return subject;
    }
}
