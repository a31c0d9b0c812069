package dev.mcpauth.runtime.auth;

import java.util.List;

/**
 * The access requirements of every item a client can discover or use (tools, resources, templates, prompts,
 * completions): what the protected resource metadata's {@code scopes_supported} and the 401 challenge's scopes
 * are computed from.
 *
 * @param all the requirements, one per item
 */
public record FeatureRequirements(List<AccessRequirement> all) {

    /** Copies the list. */
    public FeatureRequirements {
        all = List.copyOf(all);
    }
}
