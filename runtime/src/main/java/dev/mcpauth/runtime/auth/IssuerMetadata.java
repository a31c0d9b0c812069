package dev.mcpauth.runtime.auth;

import dev.mcpauth.runtime.jsonrpc.Jsonp;
import dev.mcpauth.runtime.messages.Message;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * Finds the issuer's JWKS URL from its metadata, trying the locations MCP 2025-11-25 (Authorization,
 * Authorization Server Metadata Discovery) lists: RFC 8414 path-inserted, OpenID Connect path-inserted,
 * then OpenID Connect appended. A document counts only if its {@code issuer} is exactly ours (RFC 8414 §3.3).
 */
public final class IssuerMetadata {

    private static final Logger LOG = Logger.getLogger(IssuerMetadata.class.getName());

    /** Metadata documents are a few kilobytes; a bigger answer is cut off and fails to parse. */
    static final int MAX_METADATA_BYTES = 256 * 1024;

    private IssuerMetadata() {}

    static List<URI> metadataLocations(String issuer) {
        URI uri = URI.create(issuer);
        String path =
                uri.getRawPath() == null || uri.getRawPath().equals("/") ? "" : stripTrailingSlash(uri.getRawPath());
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
     * @throws IOException when no location answers with matching metadata naming a usable JWKS URL
     */
    static URI discoverJwksUri(String issuer, DeadlineHttp http, HttpsRule https) throws IOException {
        return discoverEndpoint(issuer, "jwks_uri", http, https);
    }

    /**
     * An endpoint the issuer's metadata names, such as {@code jwks_uri} or {@code introspection_endpoint}. An
     * endpoint the {@link HttpsRule} refuses (plain http to a host that is not loopback) does not count: keys or
     * introspection answers fetched in cleartext could be replaced on the way (RFC 8414 §3.2 requires TLS).
     *
     * @throws IOException when no location answers with matching metadata naming a usable endpoint
     */
    public static URI discoverEndpoint(String issuer, String endpoint, DeadlineHttp http, HttpsRule https)
            throws IOException {
        List<String> failures = new ArrayList<>();
        for (URI location : metadataLocations(issuer)) {
            try {
                DeadlineHttp.Answer answer = http.send(
                        HttpRequest.newBuilder(location)
                                .header("Accept", "application/json")
                                .GET(),
                        MAX_METADATA_BYTES);
                if (answer.status() != 200) {
                    failures.add(location + " answered " + answer.status());
                    continue;
                }
                JsonObject metadata;
                try (JsonReader reader = Jsonp.reader(new ByteArrayInputStream(answer.body()))) {
                    metadata = reader.readObject();
                }
                if (!(metadata.get("issuer") instanceof JsonString named)
                        || !named.getString().equals(issuer)) {
                    failures.add(location + " describes another issuer");
                    continue;
                }
                if (!(metadata.get(endpoint) instanceof JsonString url)) {
                    failures.add(location + " has no " + endpoint);
                    continue;
                }
                URI found = new URI(url.getString());
                String scheme =
                        found.getScheme() == null ? "" : found.getScheme().toLowerCase(Locale.ROOT);
                if (!(scheme.equals("http") || scheme.equals("https")) || found.getHost() == null) {
                    failures.add(location + " names a " + endpoint + " that is not an absolute http(s) URL");
                    continue;
                }
                if (!https.permits(found)) {
                    LOG.warning(() -> Message.METADATA_ENDPOINT_INSECURE.format(issuer, endpoint, found));
                    failures.add(location + " names a cleartext " + endpoint);
                    continue;
                }
                return found;
            } catch (IOException | URISyntaxException | RuntimeException e) {
                failures.add(location + ": " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : " " + e.getMessage()));
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new IOException("interrupted while fetching the metadata of " + issuer);
            }
        }
        throw new IOException("no metadata with a usable " + endpoint + " for issuer " + issuer + " ("
                + String.join("; ", failures) + ")");
    }

    private static String stripTrailingSlash(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
