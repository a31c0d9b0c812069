package dev.mcpauth.runtime.auth;

import dev.mcpauth.McpCaller;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The verified token as MicroProfile JWT's {@link JsonWebToken}, for code written against that API. */
final class CallerJsonWebToken implements JsonWebToken {

    private final McpCaller caller;
    private final String rawToken;

    CallerJsonWebToken(McpCaller caller, String rawToken) {
        this.caller = caller;
        this.rawToken = rawToken;
    }

    @Override
    public String getName() {
        // MP JWT 2.1 §5.1.1: upn, then preferred_username, then sub
        for (String claim : new String[] {"upn", "preferred_username"}) {
            if (caller.claims().get(claim) instanceof String name) {
                return name;
            }
        }
        return caller.subject();
    }

    @Override
    public Set<String> getClaimNames() {
        Set<String> names = new LinkedHashSet<>(caller.claims().keySet());
        if (rawToken != null) {
            names.add(Claims.raw_token.name());
        }
        return names;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getClaim(String claimName) {
        if (Claims.raw_token.name().equals(claimName)) {
            return (T) rawToken;
        }
        return (T) caller.claims().get(claimName);
    }

    @Override
    public Set<String> getAudience() {
        return strings(caller.claims().get(Claims.aud.name()));
    }

    @Override
    public Set<String> getGroups() {
        return strings(caller.claims().get(Claims.groups.name()));
    }

    private static Set<String> strings(Object claim) {
        if (claim instanceof String single) {
            return Set.of(single);
        }
        Set<String> values = new LinkedHashSet<>();
        if (claim instanceof Collection<?> many) {
            many.forEach(value -> values.add(String.valueOf(value)));
        }
        return values;
    }
}
