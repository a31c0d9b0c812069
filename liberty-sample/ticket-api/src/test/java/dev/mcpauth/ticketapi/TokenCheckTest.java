package dev.mcpauth.ticketapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The ticket API accepts a token only when it was issued for it: the exchanged one, never the MCP token. */
class TokenCheckTest {

    private static final String ISSUER = "http://localhost:8180/realms/mcp";
    private static final RSAKey KEY = key("kc-1");
    private final TokenCheck check =
            new TokenCheck(new ImmutableJWKSet<SecurityContext>(new JWKSet(KEY.toPublicJWK())), ISSUER, "ticket-api");

    @Test
    void aTokenForTicketApiStandsForItsSubjectWithItsScopes() throws Exception {
        Caller caller = check.verify(token(KEY, ISSUER, List.of("ticket-api"), "tickets:read tickets:write", 300));
        assertEquals(new Caller(TicketBook.ALICE, Set.of("tickets:read", "tickets:write")), caller);
    }

    @Test
    void theMcpTokenItselfIsRefused() {
        TokenCheck.Refused refused = assertThrows(
                TokenCheck.Refused.class,
                () -> check.verify(token(
                        KEY,
                        ISSUER,
                        List.of("http://localhost:9080/mcp", "mcp-resource-server"),
                        "tickets:read",
                        300)));
        assertTrue(refused.getMessage().toLowerCase().contains("aud"), refused.getMessage());
    }

    @Test
    void anExpiredTokenAnotherIssuersAndAForgedOneAreRefused() {
        assertThrows(
                TokenCheck.Refused.class,
                () -> check.verify(token(KEY, ISSUER, List.of("ticket-api"), "tickets:read", -120)));
        assertThrows(
                TokenCheck.Refused.class,
                () -> check.verify(
                        token(KEY, "https://other.example.com", List.of("ticket-api"), "tickets:read", 300)));
        assertThrows(
                TokenCheck.Refused.class,
                () -> check.verify(token(key("kc-1"), ISSUER, List.of("ticket-api"), "tickets:read", 300)));
        assertThrows(TokenCheck.Refused.class, () -> check.verify("not-a-jwt"));
    }

    @Test
    void keysThatCannotBeFetchedAreAnOutageNotARefusal() {
        TokenCheck down = new TokenCheck(
                (selector, context) -> {
                    throw new com.nimbusds.jose.KeySourceException("connection refused");
                },
                ISSUER,
                "ticket-api");
        assertThrows(
                TokenCheck.KeysUnavailable.class,
                () -> down.verify(token(KEY, ISSUER, List.of("ticket-api"), "tickets:read", 300)));
    }

    @Test
    void theBookShowsEachUserOnlyTheirOwnTickets() {
        TicketBook book = new TicketBook();
        assertEquals(3, book.search(TicketBook.ALICE, "").size());
        assertTrue(book.find(TicketBook.BOB, "T-1001").isEmpty(), "alice's ticket is not bob's");
        assertEquals("T-2001", book.find(TicketBook.BOB, "T-2001").orElseThrow().id());
    }

    private static String token(RSAKey key, String issuer, List<String> audience, String scope, long lifetimeSeconds)
            throws Exception {
        Instant now = Instant.now();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(key.getKeyID())
                        .type(JOSEObjectType.JWT)
                        .build(),
                new JWTClaimsSet.Builder()
                        .issuer(issuer)
                        .subject(TicketBook.ALICE)
                        .audience(audience)
                        .claim("scope", scope)
                        .issueTime(Date.from(now))
                        .expirationTime(Date.from(now.plusSeconds(lifetimeSeconds)))
                        .build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static RSAKey key(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
