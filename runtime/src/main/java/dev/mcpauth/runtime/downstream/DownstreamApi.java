package dev.mcpauth.runtime.downstream;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * An API that tools call on behalf of the caller ({@link dev.mcpauth.OnBehalfOf}), as configured.
 *
 * @param name the name in {@code @OnBehalfOf} and in the {@code mcp.downstream.<name>.*} keys
 * @param audience the audience to ask for in the exchange
 * @param scopes the scopes to ask for, possibly none (then the authorization server decides)
 * @param tokenEndpoint where to exchange; empty: the token endpoint of the caller's issuer
 */
public record DownstreamApi(String name, String audience, List<String> scopes, Optional<URI> tokenEndpoint) {

    public DownstreamApi {
        scopes = List.copyOf(scopes);
    }
}
