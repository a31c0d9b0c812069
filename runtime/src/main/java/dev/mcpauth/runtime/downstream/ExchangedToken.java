package dev.mcpauth.runtime.downstream;

import java.time.Instant;

/**
 * A token the authorization server issued for an API by token exchange.
 *
 * @param value the token; never logged ({@link #toString()} leaves it out)
 * @param reusableUntil until when it may be sent: shortly before it expires, so it never expires on the way
 */
public record ExchangedToken(String value, Instant reusableUntil) {

    @Override
    public String toString() {
        return "ExchangedToken[reusableUntil=" + reusableUntil + "]";
    }
}
