package dev.mcpauth.runtime.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.Config;

/** Configurations, settings and tools shared by the auth tests. */
final class AuthFixtures {

    static final String RESOURCE = "https://mcp.example.com/mcp";
    static final String ISSUER = "https://idp.example.com/realms/mcp";

    private AuthFixtures() {}

    /** A configuration holding exactly {@code values}: no system properties, no environment. */
    static Config config(Map<String, String> values) {
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(values, "test", 500))
                .build();
    }

    /** The minimal valid configuration plus {@code extra}. */
    static Map<String, String> minimal(Map<String, String> extra) {
        Map<String, String> values =
                new HashMap<>(Map.of("mcp.auth.resource", RESOURCE, "mp.jwt.verify.issuer", ISSUER));
        values.putAll(extra);
        return values;
    }

    /** Settings from {@code values}, failing the test if they have problems. */
    static AuthSettings settings(Map<String, String> values) {
        AuthSettings.Loaded loaded = AuthSettings.load(config(values));
        assertEquals(List.of(), loaded.problems());
        return loaded.settings();
    }

    /** An operation that needs {@code scopes}; {@code methodLevel} says whether its method adds scopes of its own. */
    static AccessRequirement requirement(boolean methodLevel, String... scopes) {
        return new AccessRequirement(List.of(scopes), methodLevel, java.util.Set.of(), false);
    }
}
