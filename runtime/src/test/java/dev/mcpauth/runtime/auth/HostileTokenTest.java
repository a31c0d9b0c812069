package dev.mcpauth.runtime.auth;

import static dev.mcpauth.runtime.auth.AuthFixtures.ISSUER;
import static dev.mcpauth.runtime.auth.AuthFixtures.minimal;
import static dev.mcpauth.runtime.auth.AuthFixtures.settings;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpauth.spi.TokenVerifier;
import dev.mcpauth.spi.TokenVerifier.TokenRejectedException;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tokens of odd shapes, with two trusted issuers (the routing verifier): each is a rejection (401
 * {@code invalid_token}), never a runtime exception (500).
 */
class HostileTokenTest {

    private static final Set<String> EXPECTED = Set.of("The token is not signed", "The token is not a well-formed JWT");

    @ParameterizedTest
    @ValueSource(
            strings = {
                // a JWE (RFC 7516 compact, five parts): its claims cannot be read without decrypting
                "eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ.YWFh.YWFh.YWFh.YWFh",
                // an unsecured JWT (alg none), naming a trusted issuer
                "eyJhbGciOiJub25lIn0.eyJpc3MiOiJodHRwczovL2lkcC5leGFtcGxlLmNvbS9yZWFsbXMvbWNwIiwic3ViIjoiYWxpY2UifQ.",
                // two parts
                "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9",
                // five parts of garbage
                "a.b.c.d.e",
                // a signed-JWT header over a payload that is JSON but not an object
                "eyJhbGciOiJSUzI1NiJ9.WzFd.YWFh",
                // a header whose alg is not a string
                "eyJhbGciOjV9.e30.YWFh",
                "...",
                "....",
                "eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ....",
            })
    void anOddTokenIsRejectedNotACrash(String token) {
        TokenVerifier verifier = TokenVerifiers.create(
                settings(minimal(Map.of("mcp.auth.issuers", ISSUER + ",https://partners.example.org"))));
        String description = assertThrows(TokenRejectedException.class, () -> verifier.verify(token))
                .getMessage();
        assertTrue(EXPECTED.contains(description), description);
    }
}
