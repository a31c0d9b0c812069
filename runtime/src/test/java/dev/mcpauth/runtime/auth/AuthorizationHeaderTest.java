package dev.mcpauth.runtime.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the {@code Authorization} header carries: nothing, a bearer token, or a malformed attempt (400). */
class AuthorizationHeaderTest {

    private static AuthorizationHeader.Result read(String... values) {
        return AuthorizationHeader.read(List.of(values));
    }

    @Test
    void noHeaderMeansNoToken() {
        assertInstanceOf(AuthorizationHeader.Absent.class, AuthorizationHeader.read(null));
        assertInstanceOf(AuthorizationHeader.Absent.class, AuthorizationHeader.read(new ArrayList<>()));
    }

    @Test
    void anotherSchemeMeansNoBearerToken() {
        assertInstanceOf(AuthorizationHeader.Absent.class, read("Basic abc"));
        assertInstanceOf(AuthorizationHeader.Absent.class, read("Bearerx abc"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer", "Bearer   ", "bearer "})
    void emptyBearerCredentialsAreMalformed(String header) {
        assertEquals(new AuthorizationHeader.Malformed("The Bearer credentials are empty"), read(header));
    }

    @Test
    void twoHeadersAreMalformed() {
        assertEquals(
                new AuthorizationHeader.Malformed("More than one Authorization header"), read("Bearer a", "Bearer b"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a b", "tok€n", "a,b", "a\"b", "=abc", "a=b"})
    void tokensWithCharactersOutsideB64TokenAreMalformed(String token) {
        assertEquals(
                new AuthorizationHeader.Malformed("The bearer token contains characters RFC 6750 does not allow"),
                read("Bearer " + token));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer x.y.z", "bearer x.y.z", "BEARER x.y.z", "  Bearer   x.y.z  "})
    void theSchemeIsCaseInsensitiveAndSurroundingSpaceIsIgnored(String header) {
        assertEquals(new AuthorizationHeader.Token("x.y.z"), read(header));
    }

    @Test
    void everyB64TokenCharacterAndTrailingPaddingIsAccepted() {
        String token = "AZaz09-._~+/==";
        assertEquals(new AuthorizationHeader.Token(token), read("Bearer " + token));
    }

    @Test
    void aTokenOfExactlyTheLimitIsAcceptedAndOneMoreCharacterIsNot() {
        String longest = "a".repeat(AuthorizationHeader.MAX_TOKEN_LENGTH);
        assertEquals(16 * 1024, AuthorizationHeader.MAX_TOKEN_LENGTH);
        assertInstanceOf(AuthorizationHeader.Token.class, read("Bearer " + longest));
        assertEquals(
                new AuthorizationHeader.Malformed("The bearer token is too long"), read("Bearer " + longest + "a"));
    }

    @Test
    void theTokenNeverAppearsInToString() {
        AuthorizationHeader.Result token = read("Bearer secret.token.value");
        assertFalse(token.toString().contains("secret"), token.toString());
    }

    @Test
    void malformedDescriptionsNeverEchoTheHeader() {
        AuthorizationHeader.Result result = read("Bearer secret value");
        assertFalse(result.toString().contains("secret"), result.toString());
    }

    @Test
    void theDpopSchemeCountsOnlyWhereDpopIsAccepted() {
        // with DPoP off, "DPoP <token>" is another scheme: no credentials at all, so the challenge follows
        assertInstanceOf(AuthorizationHeader.Absent.class, read("DPoP a.b.c"));
        assertEquals(
                new AuthorizationHeader.Token("a.b.c", true), AuthorizationHeader.read(List.of("dpop a.b.c"), true));
        assertEquals(
                new AuthorizationHeader.Token("a.b.c", false), AuthorizationHeader.read(List.of("Bearer a.b.c"), true));
        assertEquals(
                new AuthorizationHeader.Malformed("The DPoP credentials are empty"),
                AuthorizationHeader.read(List.of("DPoP "), true));
        assertEquals(
                new AuthorizationHeader.Malformed("The DPoP token contains characters RFC 6750 does not allow"),
                AuthorizationHeader.read(List.of("DPoP a b"), true));
        assertFalse(AuthorizationHeader.read(List.of("DPoP secret.token"), true)
                .toString()
                .contains("secret"));
    }
}
