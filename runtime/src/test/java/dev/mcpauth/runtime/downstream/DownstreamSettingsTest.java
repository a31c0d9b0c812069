package dev.mcpauth.runtime.downstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import dev.mcpauth.runtime.config.ConfigReader;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a deployment that calls APIs on behalf of the caller must configure, and the messages when it does not. */
class DownstreamSettingsTest {

    private static final Map<String, String> USERS = Map.of("ticket-api", "com.example.TicketApi");

    private static ConfigReader reader(Map<String, String> values) {
        return new ConfigReader(new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(values, "test", 500))
                .build());
    }

    @Test
    void noInterfaceNoConfigurationNeeded() {
        ConfigReader reader = reader(Map.of());
        assertEquals(Map.of(), DownstreamSettings.load(reader, Map.of()).apis());
        assertEquals(List.of(), reader.problems());
    }

    @Test
    void readsTheApiAndTheClient() {
        ConfigReader reader = reader(Map.of(
                "mcp.downstream.ticket-api.audience", "ticket-api",
                "mcp.downstream.ticket-api.scopes", "tickets:read,tickets:write",
                "mcp.downstream.ticket-api.token-endpoint", "https://auth.example.com/token",
                "mcp.token-exchange.client-id", "mcp-server",
                "mcp.token-exchange.client-secret", "secret"));
        DownstreamSettings settings = DownstreamSettings.load(reader, USERS);
        assertEquals(List.of(), reader.problems());
        assertEquals(
                new DownstreamApi(
                        "ticket-api",
                        "ticket-api",
                        List.of("tickets:read", "tickets:write"),
                        Optional.of(URI.create("https://auth.example.com/token"))),
                settings.apis().get("ticket-api"));
        assertEquals(
                ClientCredentials.Method.CLIENT_SECRET_BASIC, settings.client().method());
        assertTrue(
                !settings.client().toString().contains("secret"),
                settings.client().toString());
    }

    @Test
    void eachMissingPieceIsNamed() {
        ConfigReader reader = reader(Map.of());
        DownstreamSettings.load(reader, USERS);
        assertEquals(
                List.of(
                        "MCPAUTH-0417: mcp.downstream.ticket-api.audience is required: com.example.TicketApi calls the"
                                + " API 'ticket-api' on behalf of the caller, with a token for that audience",
                        "MCPAUTH-0418: calls on behalf of the caller need the MCP server's own client at the"
                                + " authorization server: mcp.token-exchange.client-id is not set"),
                reader.problems());
    }

    @Test
    void aSecretMethodNeedsTheSecretAndAnUnknownMethodIsRefused() {
        ConfigReader noSecret = reader(Map.of(
                "mcp.downstream.ticket-api.audience", "ticket-api", "mcp.token-exchange.client-id", "mcp-server"));
        DownstreamSettings.load(noSecret, USERS);
        assertEquals(
                List.of("MCPAUTH-0418: calls on behalf of the caller need the MCP server's own client at the"
                        + " authorization server: mcp.token-exchange.client-secret is not set"
                        + " (mcp.token-exchange.client-auth=client_secret_basic)"),
                noSecret.problems());

        ConfigReader unknown = reader(Map.of(
                "mcp.downstream.ticket-api.audience", "ticket-api",
                "mcp.token-exchange.client-id", "mcp-server",
                "mcp.token-exchange.client-auth", "tls_client_auth"));
        DownstreamSettings.load(unknown, USERS);
        assertEquals(
                List.of("MCPAUTH-0419: mcp.token-exchange.client-auth must be client_secret_basic, client_secret_post"
                        + " or private_key_jwt, not 'tls_client_auth'"),
                unknown.problems());
    }

    @Test
    void privateKeyJwtNeedsAPrivateKeyWithAKid(@TempDir Path dir) throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).keyID("k1").generate();
        Path good = Files.writeString(dir.resolve("good.json"), key.toJSONString());
        Path publicOnly =
                Files.writeString(dir.resolve("public.json"), key.toPublicJWK().toJSONString());
        Map<String, String> base = Map.of(
                "mcp.downstream.ticket-api.audience", "ticket-api",
                "mcp.token-exchange.client-id", "mcp-server",
                "mcp.token-exchange.client-auth", "private_key_jwt");

        ConfigReader fine = reader(with(base, "mcp.token-exchange.client-key-file", good.toString()));
        assertEquals(
                ClientCredentials.Method.PRIVATE_KEY_JWT,
                DownstreamSettings.load(fine, USERS).client().method());
        assertEquals(List.of(), fine.problems());

        ConfigReader onlyPublic = reader(with(base, "mcp.token-exchange.client-key-file", publicOnly.toString()));
        DownstreamSettings.load(onlyPublic, USERS);
        assertEquals(
                List.of("MCPAUTH-0420: mcp.token-exchange.client-key-file names " + publicOnly
                        + ", which is not a usable private JWK (RSA or EC with a kid): it holds a public key only"),
                onlyPublic.problems());
    }

    private static Map<String, String> with(Map<String, String> base, String key, String value) {
        Map<String, String> all = new java.util.HashMap<>(base);
        all.put(key, value);
        return all;
    }
}
