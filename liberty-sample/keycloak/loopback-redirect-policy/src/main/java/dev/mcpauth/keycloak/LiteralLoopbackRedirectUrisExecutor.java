package dev.mcpauth.keycloak;

import org.keycloak.OAuthErrorException;
import org.keycloak.protocol.oidc.OIDCAdvancedConfigWrapper;
import org.keycloak.representations.idm.ClientPolicyExecutorConfigurationRepresentation;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.services.clientpolicy.ClientPolicyContext;
import org.keycloak.services.clientpolicy.ClientPolicyException;
import org.keycloak.services.clientpolicy.context.ClientCRUDContext;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;

/**
 * On a client registration or update (dynamic, or by an admin if the policy's condition selects it), refuses the
 * proposed client unless every redirect URI and post-logout redirect URI names a literal loopback host
 * ({@link LiteralLoopbackRedirectUris}); the refusal is {@code invalid_request}, as the built-in
 * {@code secure-redirect-uris-enforcer} answers.
 */
public class LiteralLoopbackRedirectUrisExecutor
        implements ClientPolicyExecutorProvider<ClientPolicyExecutorConfigurationRepresentation> {

    @Override
    public String getProviderId() {
        return LiteralLoopbackRedirectUrisExecutorFactory.PROVIDER_ID;
    }

    @Override
    public void executeOnEvent(ClientPolicyContext context) throws ClientPolicyException {
        switch (context.getEvent()) {
            case REGISTER, UPDATE -> {
                if (!(context instanceof ClientCRUDContext crud) || crud.getProposedClientRepresentation() == null) {
                    throw new ClientPolicyException(
                            OAuthErrorException.INVALID_REQUEST, LiteralLoopbackRedirectUris.MESSAGE);
                }
                ClientRepresentation client = crud.getProposedClientRepresentation();
                if (LiteralLoopbackRedirectUris.firstViolation(
                                client.getRedirectUris(),
                                OIDCAdvancedConfigWrapper.fromClientRepresentation(client)
                                        .getPostLogoutRedirectUris())
                        .isPresent()) {
                    throw new ClientPolicyException(
                            OAuthErrorException.INVALID_REQUEST, LiteralLoopbackRedirectUris.MESSAGE);
                }
            }
            default -> {
                // authorization requests: the redirect_uri must match a registered one, which this executor vetted
            }
        }
    }
}
