package dev.mcpauth.runtime.auth;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The {@code Authorization} header of a confidential client authenticating with its secret at the authorization
 * server (RFC 6749 §2.3.1, {@code client_secret_basic}): id and secret are form-encoded before they are joined and
 * base64-encoded, so a colon or a non-ASCII character in either survives. Used at the introspection and token
 * endpoints alike.
 */
public final class ClientSecretBasic {

    private ClientSecretBasic() {}

    /**
     * The header value.
     *
     * @param clientId the client id
     * @param secret the client secret
     * @return {@code Basic <base64>}
     */
    public static String header(String clientId, String secret) {
        String credentials = URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }
}
