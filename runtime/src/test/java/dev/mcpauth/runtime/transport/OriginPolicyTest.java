package dev.mcpauth.runtime.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpauth.runtime.protocol.ServerSettings;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which browser origins may call the endpoint, as {@link OriginFilter} decides it: normalize, then ask the settings. */
class OriginPolicyTest {

    private static Config config(Map<String, String> values) {
        return new SmallRyeConfigBuilder().withDefaultValues(values).build();
    }

    private static TransportSettings settings(Map<String, String> values) {
        TransportSettings.Loaded loaded = TransportSettings.load(config(values), Optional.empty());
        assertEquals(List.of(), loaded.problems());
        return loaded.settings();
    }

    private static List<String> problems(Map<String, String> values) {
        return TransportSettings.load(config(values), Optional.empty()).problems();
    }

    private static boolean allowed(TransportSettings settings, String originHeader) {
        Optional<String> normalized = Origins.normalize(originHeader);
        return normalized.isPresent() && settings.isAllowedOrigin(normalized.get());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://localhost:9080",
                "http://127.0.0.1",
                "http://[::1]:3000",
                "https://localhost",
                "HTTP://LOCALHOST:8080"
            })
    void loopbackOriginsAreAllowedWithoutConfiguration(String origin) {
        assertTrue(allowed(settings(Map.of()), origin));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://evil.example.com",
                "http://localhost.evil.example.com",
                "http://127.0.0.1.evil.example.com",
                "null",
                "file://",
                "http://localhost:9080/path"
            })
    void foreignOrMalformedOriginsAreRefusedByDefault(String origin) {
        assertFalse(allowed(settings(Map.of()), origin));
    }

    @Test
    void aConfiguredOriginIsAllowedAndOthersStillRefused() {
        TransportSettings settings =
                settings(Map.of("mcp.allowed-origins", "https://app.example.com, https://admin.example.com:8443"));
        assertTrue(allowed(settings, "https://app.example.com"));
        assertTrue(allowed(settings, "https://admin.example.com:8443"));
        assertFalse(allowed(settings, "https://admin.example.com"));
        assertFalse(allowed(settings, "http://app.example.com"));
        assertFalse(allowed(settings, "http://evil.example.com"));
    }

    @Test
    void theDefaultPortIsTheSameOriginWithOrWithoutIt() {
        assertTrue(allowed(
                settings(Map.of("mcp.allowed-origins", "https://app.example.com:443")), "https://app.example.com"));
        assertTrue(allowed(
                settings(Map.of("mcp.allowed-origins", "https://app.example.com")), "https://app.example.com:443"));
        assertTrue(allowed(
                settings(Map.of("mcp.allowed-origins", "http://app.example.com")), "http://app.example.com:80"));
    }

    @Test
    void theEndpointsOwnOriginIsAllowed() {
        TransportSettings settings = TransportSettings.load(
                        config(Map.of()), Optional.of(java.net.URI.create("https://mcp.example.com/mcp")))
                .settings();
        assertTrue(allowed(settings, "https://mcp.example.com"));
        assertFalse(allowed(settings, "https://other.example.com"));
    }

    @Test
    void originsCompareCaseInsensitively() {
        assertTrue(
                allowed(settings(Map.of("mcp.allowed-origins", "https://App.Example.com")), "https://app.example.COM"));
    }

    @Test
    void aStarAllowsAnyOrigin() {
        TransportSettings settings = settings(Map.of("mcp.allowed-origins", "*"));
        assertTrue(allowed(settings, "http://evil.example.com"));
        assertTrue(allowed(settings, "https://anything.example.org:8443"));
    }

    @Test
    void aMalformedConfiguredOriginIsAProblemNamingTheKey() {
        List<String> problems = problems((Map.of("mcp.allowed-origins", "https://ok.example.com,app.example.com")));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("mcp.allowed-origins"), problems.get(0));
        assertTrue(problems.get(0).contains("'app.example.com'"), problems.get(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-5", "ten"})
    void aPageSizeThatIsNotAPositiveIntegerIsAProblemNamingTheKey(String value) {
        List<String> problems = ServerSettings.load(config(Map.of("mcp.tools.page-size", value)))
                .problems();
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("mcp.tools.page-size"), problems.get(0));
        assertTrue(problems.get(0).contains("'" + value + "'"), problems.get(0));
    }

    @Test
    void aBadMaxBodySizeIsAProblemNamingTheKey() {
        List<String> problems = problems((Map.of("mcp.max-body-bytes", "-1")));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("mcp.max-body-bytes"), problems.get(0));
    }

    @Test
    void everyBadKeyIsReportedAtOnce() {
        List<String> problems =
                problems((Map.of("mcp.max-body-bytes", "x", "mcp.allowed-origins", "ftp://files.example.com")));
        assertEquals(2, problems.size(), problems.toString());
    }

    @Test
    void unsetKeysTakeTheDocumentedDefaults() {
        ServerSettings server = ServerSettings.load(config(Map.of())).settings();
        assertEquals("mcp-server", server.serverName());
        assertEquals("1.0.0", server.serverVersion());
        assertEquals(100, server.pageSize());
        assertEquals(Optional.empty(), server.serverTitle());
        assertEquals(1_048_576, settings(Map.of()).maxBodyBytes());
    }

    @Test
    void configuredValuesAreRead() {
        ServerSettings settings = ServerSettings.load(config(Map.of(
                        "mcp.server.name", "tickets", "mcp.tools.page-size", " 25 ", "mcp.server.title", "Tickets")))
                .settings();
        assertEquals("tickets", settings.serverName());
        assertEquals(25, settings.pageSize());
        assertEquals(Optional.of("Tickets"), settings.serverTitle());
    }
}
