package dev.mcpauth.keycloak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LiteralLoopbackRedirectUrisTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://localhost:6274/oauth/callback", // the MCP Inspector 2.x
                "http://localhost:33418/callback", // the SDK clients of it/e2e
                "http://LOCALHOST:6274/cb",
                "http://LocalHost/cb",
                "https://localhost:8443/cb",
                "http://127.0.0.1:6274/oauth/callback",
                "http://127.0.0.1/cb",
                "http://[::1]:6274/oauth/callback",
                "http://[::1]/cb",
                "http://localhost:6274/*", // a wildcard: refused by the built-in executor, not by this rule
                "http://localhost:6274/cb?x=1",
            })
    void literalLoopbackHostsAreAccepted(String uri) {
        assertTrue(LiteralLoopbackRedirectUris.isLiteralLoopback(uri), uri);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://vm:6274/oauth/callback", // a name the hosts file maps to 127.0.0.1
                "http://mcp-rebind-check.test:6274/cb",
                "http://localhost.:6274/cb", // trailing dot: an ordinary DNS name
                "http://localhost.evil.example/cb",
                "http://evil.example/localhost",
                "https://evil.example.com/callback",
                "http://192.0.2.1:8080/callback",
                "http://localhost@evil.example/cb", // user info: the host is evil.example
                "http://127.0.0.1.nip.io/cb",
                "http://127.0.0.2:6274/cb", // loopback on Linux, not configured everywhere; not used by clients
                "http://127.1/cb",
                "http://0x7f000001/cb",
                "http://2130706433/cb",
                "http://0177.0.0.1/cb", // browsers read 127.0.0.1
                "http://[0:0:0:0:0:0:0:1]/cb",
                "http://[::0001]/cb",
                "http://[::ffff:127.0.0.1]/cb", // ::1 spelled otherwise
                "http://0.0.0.0:6274/cb",
                "http://[::]/cb",
                "http://local%68ost/cb", // percent-encoded: no server-based host for URI
                "http://xn--localhost-/cb",
                "com.example.app:/callback",
                "/relative/cb",
                "",
                " ",
                "http://localhost\\.evil.example/cb", // does not parse
            })
    void everythingElseIsRefused(String uri) {
        assertFalse(LiteralLoopbackRedirectUris.isLiteralLoopback(uri), uri);
    }

    @Test
    void aPrivateUseSchemeNamingLocalhostIsAcceptedByThisRuleAndLeftToTheBuiltInExecutor() {
        assertTrue(LiteralLoopbackRedirectUris.isLiteralLoopback("myapp://localhost/cb"));
    }

    @Test
    void nullIsRefused() {
        assertFalse(LiteralLoopbackRedirectUris.isLiteralLoopback(null));
    }

    @Test
    void everyListIsCheckedAndPlusOrMinusStandForNoUriOfTheirOwn() {
        assertEquals(
                Optional.empty(),
                LiteralLoopbackRedirectUris.firstViolation(
                        List.of("http://localhost:6274/oauth/callback"), List.of("+"), null));
        assertEquals(Optional.empty(), LiteralLoopbackRedirectUris.firstViolation(List.of(), List.of("-")));
        assertEquals(
                Optional.of("http://vm:6274/"),
                LiteralLoopbackRedirectUris.firstViolation(
                        List.of("http://127.0.0.1:6274/cb"), List.of("http://vm:6274/")));
        assertEquals(
                Optional.of("http://vm/cb"),
                LiteralLoopbackRedirectUris.firstViolation(
                        List.of("http://localhost/cb", "http://vm/cb", "http://evil.example/cb")));
    }
}
