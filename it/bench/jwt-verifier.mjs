// The token check of the TypeScript peers of the benchmark: an OAuthTokenVerifier (the SDKs' interface, the same
// in 1.x and 2.x) that verifies an RS256/ES256 JWT with jose against the issuer's JWKS (fetched once, cached):
// signature, issuer, audience = this server's resource URL, expiry.
import { createRemoteJWKSet, jwtVerify } from 'jose';

export function jwtVerifier(issuer, resource) {
  const jwks = createRemoteJWKSet(new URL(`${issuer}/jwks`));
  return {
    async verifyAccessToken(token) {
      const { payload } = await jwtVerify(token, jwks, { issuer, audience: resource, algorithms: ['RS256', 'ES256'] });
      return {
        token,
        clientId: payload.azp ?? payload.client_id,
        scopes: typeof payload.scope === 'string' ? payload.scope.split(' ').filter(Boolean) : [],
        expiresAt: payload.exp,
        resource: new URL(resource), // the audience jwtVerify has just checked
        extra: { sub: payload.sub, user: payload.preferred_username },
      };
    },
  };
}
