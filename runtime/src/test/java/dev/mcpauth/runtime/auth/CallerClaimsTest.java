package dev.mcpauth.runtime.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.mcpauth.McpCaller;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who a verified token stands for, as a tool's {@link McpCaller} parameter sees it. */
class CallerClaimsTest {

    private static McpCaller caller(Object... namesAndValues) {
        Map<String, Object> claims = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            claims.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return CallerClaims.toCaller(claims);
    }

    @Test
    void theSubjectIsSubAndTheClientIsClientIdBeforeAzp() {
        McpCaller caller = caller("sub", "alice", "client_id", "desk-app", "azp", "other-app", "preferred_username", "al");
        assertEquals("alice", caller.subject());
        assertEquals("desk-app", caller.clientId());
    }

    @Test
    void azpNamesTheClientWhenClientIdIsMissing() {
        assertEquals("desk-app", caller("sub", "alice", "azp", "desk-app").clientId());
    }

    @Test
    void withoutSubTheSubjectIsThePreferredUsernameThenTheClient() {
        assertEquals("al", caller("preferred_username", "al", "client_id", "desk-app").subject());
        assertEquals("desk-app", caller("client_id", "desk-app", "azp", "other-app").subject());
        assertEquals("other-app", caller("azp", "other-app").subject());
    }

    @Test
    void emptyOrNonStringNamesAreSkippedAndNothingAtAllIsUnknown() {
        McpCaller caller = caller("sub", "", "client_id", 42, "azp", "desk-app");
        assertEquals("desk-app", caller.subject());
        assertEquals("desk-app", caller.clientId());
        assertEquals("unknown", caller().subject());
        assertNull(caller().clientId());
    }

    @Test
    void scopesComeFromScopeAndScp() {
        assertEquals(Set.of("tickets:read", "tickets:write", "admin"),
                caller("sub", "alice", "scope", "tickets:read tickets:write", "scp", List.of("admin", "tickets:read")).scopes());
    }

    @Test
    void nullClaimsAreDroppedAndTheOthersKept() {
        McpCaller caller = caller("sub", "alice", "email", null, "scope", null, "exp", 1700000000L);
        assertEquals(Map.of("sub", "alice", "exp", 1700000000L), caller.claims());
        assertFalse(caller.claim("email").isPresent());
        assertEquals(Set.of(), caller.scopes());
    }
}
