package dev.mcpauth.runtime.downstream;

import static dev.mcpauth.McpConfigKeys.DEFAULT_TOKEN_EXCHANGE_CACHE_SIZE;
import static dev.mcpauth.McpConfigKeys.DEFAULT_TOKEN_EXCHANGE_TIMEOUT_MS;
import static dev.mcpauth.McpConfigKeys.DOWNSTREAM_AUDIENCE;
import static dev.mcpauth.McpConfigKeys.DOWNSTREAM_PREFIX;
import static dev.mcpauth.McpConfigKeys.DOWNSTREAM_SCOPES;
import static dev.mcpauth.McpConfigKeys.DOWNSTREAM_TOKEN_ENDPOINT;
import static dev.mcpauth.McpConfigKeys.TOKEN_EXCHANGE_CACHE_SIZE;
import static dev.mcpauth.McpConfigKeys.TOKEN_EXCHANGE_CLIENT_AUTH;
import static dev.mcpauth.McpConfigKeys.TOKEN_EXCHANGE_CLIENT_ID;
import static dev.mcpauth.McpConfigKeys.TOKEN_EXCHANGE_CLIENT_KEY_FILE;
import static dev.mcpauth.McpConfigKeys.TOKEN_EXCHANGE_CLIENT_SECRET;
import static dev.mcpauth.McpConfigKeys.TOKEN_EXCHANGE_TIMEOUT_MS;

import com.nimbusds.jose.jwk.JWK;
import dev.mcpauth.runtime.config.ConfigReader;
import dev.mcpauth.runtime.messages.Message;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The configuration of calls on behalf of the caller: each API that a Rest Client interface names with
 * {@link dev.mcpauth.OnBehalfOf}, and the MCP server's own client that exchanges tokens for them. Read at deployment,
 * and only when some interface uses {@code @OnBehalfOf}, so a deployment without such calls needs none of it.
 *
 * @param apis the APIs by name
 * @param client the MCP server's client; null when no API is called on behalf of the caller
 * @param cacheSize the most exchanged tokens kept
 * @param timeout how long an exchange may take
 */
public record DownstreamSettings(
        Map<String, DownstreamApi> apis, ClientCredentials client, int cacheSize, Duration timeout) {

    public DownstreamSettings {
        apis = Map.copyOf(apis);
    }

    /** No API is called on behalf of the caller. */
    public static DownstreamSettings none() {
        return new DownstreamSettings(
                Map.of(),
                null,
                DEFAULT_TOKEN_EXCHANGE_CACHE_SIZE,
                Duration.ofMillis(DEFAULT_TOKEN_EXCHANGE_TIMEOUT_MS));
    }

    /**
     * Reads the settings of the APIs the deployment's interfaces name; problems go to the reader.
     *
     * @param reader the configuration
     * @param users for each API name, the interface that uses it (for messages)
     * @return the settings
     */
    public static DownstreamSettings load(ConfigReader reader, Map<String, String> users) {
        if (users.isEmpty()) {
            return none();
        }
        Map<String, DownstreamApi> apis = new TreeMap<>();
        users.forEach((name, user) -> {
            String key = DOWNSTREAM_PREFIX + name + DOWNSTREAM_AUDIENCE;
            Optional<String> audience = reader.string(key);
            if (audience.isEmpty()) {
                reader.problem(Message.CONFIG_DOWNSTREAM_AUDIENCE_MISSING.format(key, user, name));
                return;
            }
            List<String> scopes =
                    reader.list(DOWNSTREAM_PREFIX + name + DOWNSTREAM_SCOPES).orElse(List.of());
            apis.put(
                    name,
                    new DownstreamApi(
                            name,
                            audience.get(),
                            scopes,
                            reader.httpUrl(DOWNSTREAM_PREFIX + name + DOWNSTREAM_TOKEN_ENDPOINT)));
        });
        ClientCredentials client = client(reader);
        int cacheSize = reader.positiveInt(TOKEN_EXCHANGE_CACHE_SIZE, DEFAULT_TOKEN_EXCHANGE_CACHE_SIZE);
        int timeout = reader.positiveInt(TOKEN_EXCHANGE_TIMEOUT_MS, DEFAULT_TOKEN_EXCHANGE_TIMEOUT_MS);
        return new DownstreamSettings(apis, client, cacheSize, Duration.ofMillis(timeout));
    }

    private static ClientCredentials client(ConfigReader reader) {
        Optional<String> clientId = reader.string(TOKEN_EXCHANGE_CLIENT_ID);
        if (clientId.isEmpty()) {
            reader.problem(Message.CONFIG_TOKEN_EXCHANGE_CLIENT.format(TOKEN_EXCHANGE_CLIENT_ID + " is not set"));
            return null;
        }
        String auth = reader.string(TOKEN_EXCHANGE_CLIENT_AUTH)
                .orElse("client_secret_basic")
                .toLowerCase(Locale.ROOT);
        ClientCredentials.Method method;
        switch (auth) {
            case "client_secret_basic" -> method = ClientCredentials.Method.CLIENT_SECRET_BASIC;
            case "client_secret_post" -> method = ClientCredentials.Method.CLIENT_SECRET_POST;
            case "private_key_jwt" -> method = ClientCredentials.Method.PRIVATE_KEY_JWT;
            default -> {
                reader.problem(Message.CONFIG_TOKEN_EXCHANGE_CLIENT_AUTH.format(TOKEN_EXCHANGE_CLIENT_AUTH, auth));
                return null;
            }
        }
        if (method == ClientCredentials.Method.PRIVATE_KEY_JWT) {
            Optional<String> file = reader.string(TOKEN_EXCHANGE_CLIENT_KEY_FILE);
            if (file.isEmpty()) {
                reader.problem(Message.CONFIG_TOKEN_EXCHANGE_CLIENT.format(TOKEN_EXCHANGE_CLIENT_KEY_FILE
                        + " is not set (" + TOKEN_EXCHANGE_CLIENT_AUTH + "=private_key_jwt)"));
                return null;
            }
            JWK key = privateKey(reader, file.get());
            return key == null ? null : new ClientCredentials(clientId.get(), method, null, key);
        }
        Optional<String> secret = reader.raw(TOKEN_EXCHANGE_CLIENT_SECRET);
        if (secret.isEmpty() || secret.get().isEmpty()) {
            reader.problem(Message.CONFIG_TOKEN_EXCHANGE_CLIENT.format(
                    TOKEN_EXCHANGE_CLIENT_SECRET + " is not set (" + TOKEN_EXCHANGE_CLIENT_AUTH + "=" + auth + ")"));
            return null;
        }
        return new ClientCredentials(clientId.get(), method, secret.get(), null);
    }

    private static JWK privateKey(ConfigReader reader, String file) {
        String why;
        try {
            JWK key = JWK.parse(Files.readString(Path.of(file)));
            if (!key.isPrivate()) {
                why = "it holds a public key only";
            } else if (key.getKeyID() == null) {
                why = "it has no kid";
            } else {
                ClientCredentials.signingAlgorithm(key);
                return key;
            }
        } catch (IOException e) {
            why = "it cannot be read (" + e.getClass().getSimpleName() + ")";
        } catch (ParseException | IllegalArgumentException e) {
            why = "it is not a JWK of an RSA or EC key";
        }
        reader.problem(Message.CONFIG_TOKEN_EXCHANGE_KEY.format(TOKEN_EXCHANGE_CLIENT_KEY_FILE, file, why));
        return null;
    }
}
