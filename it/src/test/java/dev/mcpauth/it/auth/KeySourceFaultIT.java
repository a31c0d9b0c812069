package dev.mcpauth.it.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.RSAKey;
import dev.mcpauth.it.Deployments;
import dev.mcpauth.it.McpHttp;
import dev.mcpauth.it.fixture.IdentityTools;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The resource server when the authorization server misbehaves: down at startup, down while running,
 * rotating keys, slow, and flooded with tokens naming keys that do not exist. Each scenario has its own
 * WAR and its own test authorization server, which the test stops, slows and changes.
 */
@ExtendWith(ArquillianExtension.class)
class KeySourceFaultIT {

    private static final TestAuthorizationServer DOWN_AT_START = TestAuthorizationServer.start();
    private static final TestAuthorizationServer ROTATING = TestAuthorizationServer.start();
    private static final TestAuthorizationServer FLOODED = TestAuthorizationServer.start();
    private static final TestAuthorizationServer SLOW = TestAuthorizationServer.start();
    private static final String PING = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";

    static {
        DOWN_AT_START.setAvailable(false);
    }

    @Deployment(name = "down-at-start", testable = false)
    static WebArchive downAtStart() {
        return war("faults-down", DOWN_AT_START);
    }

    @Deployment(name = "rotating", testable = false)
    static WebArchive rotating() {
        return war("faults-rotating", ROTATING);
    }

    @Deployment(name = "flooded", testable = false)
    static WebArchive flooded() {
        return war("faults-flooded", FLOODED);
    }

    @Deployment(name = "slow", testable = false)
    static WebArchive slow() {
        return war("faults-slow", SLOW);
    }

    @Test
    void theWarDeploysWhileTheServerIsDownAnswers503AndRecoversByItself() throws Exception {
        McpHttp mcp = McpHttp.forContextRoot("faults-down");
        String token = DOWN_AT_START.rs256(
                DOWN_AT_START.claims(mcp.endpoint().toString(), "").build());
        assertEquals(401, mcp.post(PING).statusCode(), "without a token the answer does not depend on the keys");

        HttpResponse<String> outage = mcp.post(PING, bearer(token));
        assertEquals(503, outage.statusCode());
        assertEquals("10", outage.headers().firstValue("Retry-After").orElse(""));
        assertEquals("temporarily_unavailable", McpHttp.json(outage.body()).getString("error"));
        assertFalse(outage.body().contains(token) || outage.body().contains("Exception"), outage.body());

        DOWN_AT_START.setAvailable(true);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        int status = 0;
        while (Instant.now().isBefore(deadline)
                && (status = mcp.post(PING, bearer(token)).statusCode()) != 200) {
            Thread.sleep(1000);
        }
        assertEquals(200, status, "the resource server should recover once the authorization server is back");

        // down again while running: the cached keys keep verifying tokens
        DOWN_AT_START.setAvailable(false);
        assertEquals(
                200,
                mcp.post(
                                PING,
                                bearer(DOWN_AT_START.rs256(DOWN_AT_START
                                        .claims(mcp.endpoint().toString(), "")
                                        .build())))
                        .statusCode());
        DOWN_AT_START.setAvailable(true);
    }

    @Test
    void aRotatedKeyIsFetchedOnceAndTheRemovedKeyStopsWorking() {
        McpHttp mcp = McpHttp.forContextRoot("faults-rotating");
        String audience = mcp.endpoint().toString();
        String oldToken = ROTATING.rs256(ROTATING.claims(audience, "").build());
        assertEquals(200, mcp.post(PING, bearer(oldToken)).statusCode());
        int fetchesBefore = ROTATING.jwksRequests();

        ROTATING.rotateRsaKey("rsa-2");
        String newToken = ROTATING.rs256(ROTATING.claims(audience, "").build());
        assertEquals(
                200,
                mcp.post(PING, bearer(newToken)).statusCode(),
                "a token with the new kid should trigger a re-fetch");
        assertEquals(fetchesBefore + 1, ROTATING.jwksRequests(), "exactly one re-fetch");
        assertEquals(200, mcp.post(PING, bearer(newToken)).statusCode());
        assertEquals(fetchesBefore + 1, ROTATING.jwksRequests(), "the new key is cached");

        HttpResponse<String> removed = mcp.post(PING, bearer(oldToken));
        assertEquals(401, removed.statusCode(), "the old key left the JWKS, so its tokens stop working");
        assertTrue(removed.headers()
                .firstValue("WWW-Authenticate")
                .orElse("")
                .contains("No key of the issuer matches the token"));
    }

    @Test
    void aFloodOfUnknownKeyIdsDoesNotBecomeAFloodOfJwksRequests() {
        McpHttp mcp = McpHttp.forContextRoot("faults-flooded");
        String audience = mcp.endpoint().toString();
        assertEquals(
                200,
                mcp.post(PING, bearer(FLOODED.rs256(FLOODED.claims(audience, "").build())))
                        .statusCode());
        int fetchesBefore = FLOODED.jwksRequests();
        RSAKey forger = FLOODED.rsaKey();
        for (int i = 0; i < 200; i++) {
            String forged = TestAuthorizationServer.sign(
                    FLOODED.claims(audience, "").build(),
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(UUID.randomUUID().toString())
                            .build(),
                    TestAuthorizationServer.rsaSigner(forger));
            assertEquals(401, mcp.post(PING, bearer(forged)).statusCode());
        }
        int refetches = FLOODED.jwksRequests() - fetchesBefore;
        assertTrue(refetches <= 2, "200 unknown kids caused " + refetches + " JWKS requests");
        assertEquals(
                200,
                mcp.post(PING, bearer(FLOODED.rs256(FLOODED.claims(audience, "").build())))
                        .statusCode(),
                "valid tokens keep working during the flood");
    }

    @Test
    void aSlowJwksEndpointDoesNotHoldRequestsForever() {
        McpHttp mcp = McpHttp.forContextRoot("faults-slow");
        SLOW.setDelayMillis(15_000);
        try {
            Instant start = Instant.now();
            HttpResponse<String> response = mcp.post(
                    PING,
                    bearer(SLOW.rs256(SLOW.claims(mcp.endpoint().toString(), "").build())));
            Duration took = Duration.between(start, Instant.now());
            assertEquals(503, response.statusCode());
            assertTrue(took.compareTo(Duration.ofSeconds(10)) < 0, "the request took " + took);
        } finally {
            SLOW.setDelayMillis(0);
        }
    }

    private static WebArchive war(String name, TestAuthorizationServer server) {
        String resource = McpHttp.forContextRoot(name).endpoint().toString();
        return Deployments.war(
                name,
                "mcp.auth.resource=" + resource + "\nmp.jwt.verify.issuer=" + server.issuer() + "\n",
                IdentityTools.class);
    }

    private static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }
}
