package dev.mcpauth.keycloak;

import java.util.List;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProviderFactory;

/**
 * The client policy executor {@value #PROVIDER_ID}, registered through
 * {@code META-INF/services/org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProviderFactory}. Use it in a
 * client profile beside the built-in {@code secure-redirect-uris-enforcer}, which keeps deciding schemes and wildcards.
 */
public class LiteralLoopbackRedirectUrisExecutorFactory implements ClientPolicyExecutorProviderFactory {

    /** The executor's name in a client profile. */
    public static final String PROVIDER_ID = "mcp-literal-loopback-redirect-uris";

    @Override
    public ClientPolicyExecutorProvider create(KeycloakSession session) {
        return new LiteralLoopbackRedirectUrisExecutor();
    }

    @Override
    public void init(Config.Scope config) {}

    @Override
    public void postInit(KeycloakSessionFactory factory) {}

    @Override
    public void close() {}

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getHelpText() {
        return "On registering and updating a client, refuses any redirect URI or post-logout redirect URI whose host is not"
                + " literally localhost, 127.0.0.1 or [::1]. Unlike the loopback check of secure-redirect-uris-enforcer, no"
                + " DNS lookup: a name that resolves to loopback (a DNS rebinding name) is refused.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }
}
