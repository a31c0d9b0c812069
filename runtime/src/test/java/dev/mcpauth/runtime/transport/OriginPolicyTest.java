package dev.mcpauth.runtime.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    private static McpSettings settings(Map<String, String> values) {
        McpSettings settings = new McpSettings();
        List<String> problems = settings.read(config(values));
        assertEquals(List.of(), problems);
        return settings;
    }

    private static boolean allowed(McpSettings settings, String originHeader) {
        Optional<String> normalized = Origins.normalize(originHeader);
        return normalized.isPresent() && settings.isAllowedOrigin(normalized.get());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:9080", "http://127.0.0.1", "http://[::1]:3000", "https://localhost", "HTTP://LOCALHOST:8080"})
    void loopbackOriginsAreAllowedWithoutConfiguration(String origin) {
        assertTrue(allowed(settings(Map.of()), origin));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://evil.example.com", "http://localhost.evil.example.com", "http://127.0.0.1.evil.example.com",
            "null", "file://", "http://localhost:9080/path"})
    void foreignOrMalformedOriginsAreRefusedByDefault(String origin) {
        assertFalse(allowed(settings(Map.of()), origin));
    }

    @Test
    void aConfiguredOriginIsAllowedAndOthersStillRefused() {
        McpSettings settings = settings(Map.of("mcp.allowed-origins", "https://app.example.com, https://admin.example.com:8443"));
        assertTrue(allowed(settings, "https://app.example.com"));
        assertTrue(allowed(settings, "https://admin.example.com:8443"));
        assertFalse(allowed(settings, "https://admin.example.com"));
        assertFalse(allowed(settings, "http://app.example.com"));
        assertFalse(allowed(settings, "http://evil.example.com"));
    }

    @Test
    void theDefaultPortIsTheSameOriginWithOrWithoutIt() {
        assertTrue(allowed(settings(Map.of("mcp.allowed-origins", "https://app.example.com:443")), "https://app.example.com"));
        assertTrue(allowed(settings(Map.of("mcp.allowed-origins", "https://app.example.com")), "https://app.example.com:443"));
        assertTrue(allowed(settings(Map.of("mcp.allowed-origins", "http://app.example.com")), "http://app.example.com:80"));
    }

    @Test
    void originsCompareCaseInsensitively() {
        assertTrue(allowed(settings(Map.of("mcp.allowed-origins", "https://App.Example.com")), "https://app.example.COM"));
    }

    @Test
    void aStarAllowsAnyOrigin() {
        McpSettings settings = settings(Map.of("mcp.allowed-origins", "*"));
        assertTrue(allowed(settings, "http://evil.example.com"));
        assertTrue(allowed(settings, "https://anything.example.org:8443"));
    }

    @Test
    void aMalformedConfiguredOriginIsAProblemNamingTheKey() {
        List<String> problems = new McpSettings().read(config(Map.of("mcp.allowed-origins", "https://ok.example.com,app.example.com")));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("mcp.allowed-origins"), problems.get(0));
        assertTrue(problems.get(0).contains("'app.example.com'"), problems.get(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-5", "ten"})
    void aPageSizeThatIsNotAPositiveIntegerIsAProblemNamingTheKey(String value) {
        List<String> problems = new McpSettings().read(config(Map.of("mcp.tools.page-size", value)));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("mcp.tools.page-size"), problems.get(0));
        assertTrue(problems.get(0).contains("'" + value + "'"), problems.get(0));
    }

    @Test
    void aBadMaxBodySizeIsAProblemNamingTheKey() {
        List<String> problems = new McpSettings().read(config(Map.of("mcp.max-body-bytes", "-1")));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("mcp.max-body-bytes"), problems.get(0));
    }

    @Test
    void everyBadKeyIsReportedAtOnce() {
        List<String> problems = new McpSettings().read(config(Map.of(
                "mcp.tools.page-size", "0", "mcp.max-body-bytes", "x", "mcp.allowed-origins", "ftp://files.example.com")));
        assertEquals(3, problems.size(), problems.toString());
    }

    @Test
    void unsetKeysTakeTheDocumentedDefaults() {
        McpSettings settings = settings(Map.of());
        assertEquals("mcp-server", settings.serverName());
        assertEquals("1.0.0", settings.serverVersion());
        assertEquals(100, settings.pageSize());
        assertEquals(1_048_576, settings.maxBodyBytes());
        assertEquals(Optional.empty(), settings.serverTitle());
    }

    @Test
    void configuredValuesAreRead() {
        McpSettings settings = settings(Map.of("mcp.server.name", "tickets", "mcp.tools.page-size", " 25 ", "mcp.server.title", "Tickets"));
        assertEquals("tickets", settings.serverName());
        assertEquals(25, settings.pageSize());
        assertEquals(Optional.of("Tickets"), settings.serverTitle());
    }
}
