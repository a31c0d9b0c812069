package dev.mcpauth.runtime.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The scopes a token grants, from {@code scope} and {@code scp} in whatever shape the server sends. */
class ScopesTest {

    private static List<String> granted(Object scope, Object scp) {
        return List.copyOf(Scopes.fromClaims(scope, scp));
    }

    @Test
    void theScopeClaimIsSpaceSeparatedAndRepeatedSpacesDoNotMakeEmptyScopes() {
        assertEquals(List.of("a", "b", "c"), granted(" a b  c ", null));
    }

    @Test
    void scpMayBeAListOrAString() {
        assertEquals(List.of("a", "b"), granted(null, List.of("a", "b")));
        assertEquals(List.of("a", "b"), granted(null, "a b"));
    }

    @Test
    void bothClaimsAreUnitedWithoutDuplicatesInOrderOfAppearance() {
        assertEquals(List.of("b", "a", "c"), granted("b a", List.of("a", "c", "b")));
    }

    @Test
    void nonStringJunkIsIgnored() {
        assertEquals(List.of("a", "b"), granted(42, Arrays.asList("a", 7, null, "", Map.of("x", "y"), "b")));
        assertEquals(Set.of(), Scopes.fromClaims(true, Map.of("scope", "a")));
        assertEquals(Set.of(), Scopes.fromClaims(null, null));
    }

    @Test
    void missingListsTheRequiredScopesNotGrantedInRequiredOrder() {
        assertEquals(List.of("c", "a"), Scopes.missing(List.of("c", "b", "a"), Set.of("b")));
        assertEquals(List.of(), Scopes.missing(List.of(), Set.of()));
    }
}
