package dev.mcpauth.it.broken;

import dev.mcpauth.RequiresScope;
import dev.mcpauth.Tool;
import jakarta.enterprise.context.ApplicationScoped;

/** Scopes that are not OAuth scope tokens (RFC 6749 §3.3): the deployment must fail naming each method. */
@ApplicationScoped
public class InvalidScopeTools {

    /** Two scopes written as one: a space separates scopes on the wire. */
    @Tool
    @RequiresScope("tickets read")
    public String readTickets() {
        return "read";
    }

    /** A quote would break the {@code scope="..."} parameter of the challenge. */
    @Tool
    @RequiresScope("a\"b")
    public String quoted() {
        return "quoted";
    }
}
