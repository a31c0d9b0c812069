package dev.mcpauth.runtime.auth;

import dev.mcpauth.runtime.jsonrpc.Jsonp;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the issuer's JWKS URL from its metadata, trying the locations MCP 2025-11-25 (Authorization,
 * Authorization Server Metadata Discovery) lists: RFC 8414 path-inserted, OpenID Connect path-inserted,
 * then OpenID Connect appended. A document counts only if its {@code issuer} is exactly ours (RFC 8414 §3.3).
 */
final class IssuerMetadata {

    /** Metadata documents are a few kilobytes; a bigger answer is cut off and fails to parse. */
    static final int MAX_METADATA_BYTES = 256 * 1024;

    private IssuerMetadata() {
    }

    static List<URI> metadataLocations(String issuer) {
        URI uri = URI.create(issuer);
        String path = uri.getRawPath() == null || uri.getRawPath().equals("/") ? "" : stripTrailingSlash(uri.getRawPath());
        String origin = uri.getScheme() + "://" + uri.getRawAuthority();
        List<URI> locations = new ArrayList<>();
        locations.add(URI.create(origin + "/.well-known/oauth-authorization-server" + path));
        locations.add(URI.create(origin + "/.well-known/openid-configuration" + path));
        if (!path.isEmpty()) {
            locations.add(URI.create(origin + path + "/.well-known/openid-configuration"));
        }
        return locations;
    }

    /**
     * The {@code jwks_uri} of the issuer.
     *
     * @throws IOException when no location answers with matching metadata
     */
    static URI discoverJwksUri(String issuer, HttpClient client, Duration timeout) throws IOException {
        return discoverEndpoint(issuer, "jwks_uri", client, timeout);
    }

    /**
     * An endpoint the issuer's metadata names, such as {@code jwks_uri} or {@code introspection_endpoint}.
     *
     * @throws IOException when no location answers with matching metadata naming that endpoint
     */
    static URI discoverEndpoint(String issuer, String endpoint, HttpClient client, Duration timeout) throws IOException {
        List<String> failures = new ArrayList<>();
        for (URI location : metadataLocations(issuer)) {
            try {
                HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(location).timeout(timeout)
                        .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
                byte[] body;
                try (InputStream in = response.body()) {
                    body = in.readNBytes(MAX_METADATA_BYTES);
                }
                if (response.statusCode() != 200) {
                    failures.add(location + " answered " + response.statusCode());
                    continue;
                }
                JsonObject metadata;
                try (JsonReader reader = Jsonp.reader(new ByteArrayInputStream(body))) {
                    metadata = reader.readObject();
                }
                if (!(metadata.get("issuer") instanceof JsonString named) || !named.getString().equals(issuer)) {
                    failures.add(location + " describes another issuer");
                    continue;
                }
                if (metadata.get(endpoint) instanceof JsonString url) {
                    return URI.create(url.getString());
                }
                failures.add(location + " has no " + endpoint);
            } catch (IOException | RuntimeException e) {
                failures.add(location + ": " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while fetching the metadata of " + issuer, e);
            }
        }
        throw new IOException("no metadata with a " + endpoint + " for issuer " + issuer + " (" + String.join("; ", failures) + ")");
    }

    private static String stripTrailingSlash(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
