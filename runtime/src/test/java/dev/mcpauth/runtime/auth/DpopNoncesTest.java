package dev.mcpauth.runtime.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Stateless DPoP nonces: accepted by any instance with the keys while young, refused when old, forged or foreign. */
class DpopNoncesTest {

    static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes();
    static final byte[] OLD_KEY = "fedcba9876543210fedcba9876543210".getBytes();
    static final Instant NOW = Instant.parse("2026-12-03T08:00:00Z");

    private static DpopNonces at(Instant now, byte[]... keys) {
        return new DpopNonces(List.of(keys), Duration.ofSeconds(300), Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void aNonceIsAcceptedByEveryInstanceWithTheKeysWhileYoung() {
        String nonce = at(NOW, KEY).issue();
        assertTrue(at(NOW.plusSeconds(299), KEY).accepts(nonce));
        // a key rotation keeps the old key second: nonces sealed with it still pass
        assertTrue(at(NOW.plusSeconds(10), OLD_KEY, KEY).accepts(nonce));
        assertFalse(at(NOW.plusSeconds(301), KEY).accepts(nonce), "too old");
        assertFalse(at(NOW, OLD_KEY).accepts(nonce), "another deployment's key");
    }

    @Test
    void aForgedOrMalformedNonceIsRefused() {
        String nonce = at(NOW, KEY).issue();
        String otherTime = at(NOW.plusSeconds(1), KEY).issue();
        String spliced = otherTime.substring(0, otherTime.indexOf('.')) + nonce.substring(nonce.indexOf('.'));
        assertFalse(at(NOW, KEY).accepts(spliced), "a time with another time's tag");
        assertFalse(at(NOW, KEY).accepts(null));
        assertFalse(at(NOW, KEY).accepts("no-dot"));
        assertFalse(at(NOW, KEY).accepts("!!.!!"));
        assertFalse(at(NOW, KEY).accepts("x".repeat(200)));
    }
}
