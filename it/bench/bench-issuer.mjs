// A token issuer for the benchmark: serves OpenID metadata and a JWKS (one RS256 key) over HTTP, and writes
// one access token, valid for an hour for both benchmarked resources, to the file named by BENCH_TOKEN_FILE.
// Both servers verify the same token against the same JWKS, fetched once and cached by each.
//
// For the DPoP variant it also writes, when BENCH_DPOP_TOKEN_FILE is set, a second token bound to a client key
// (cnf.jkt = the key's RFC 7638 thumbprint) and that key's private JWK to BENCH_DPOP_KEY_FILE, from which
// it/bench/dpop-proofs.mjs signs the proofs wrk sends.
import http from 'node:http';
import { writeFileSync } from 'node:fs';
import { generateKeyPair, exportJWK, SignJWT, calculateJwkThumbprint } from 'jose';

const PORT = Number(process.env.BENCH_ISSUER_PORT ?? 8290);
const ISSUER = `http://localhost:${PORT}/bench`;
const AUDIENCES = (process.env.BENCH_AUDIENCES ?? 'http://localhost:9080/mcp,http://localhost:3000/mcp').split(',');

const { publicKey, privateKey } = await generateKeyPair('RS256');
const jwk = { ...(await exportJWK(publicKey)), kid: 'bench-1', alg: 'RS256', use: 'sig' };
const issue = (claims) => new SignJWT({ scope: 'tickets:read tickets:write', azp: 'bench-client', preferred_username: 'alice', ...claims })
  .setProtectedHeader({ alg: 'RS256', kid: 'bench-1', typ: 'JWT' })
  // alice's subject: the sample's tickets belong to it (liberty-sample/keycloak/realm-mcp.json gives alice this user id)
  .setIssuer(ISSUER).setSubject('a11ce000-0000-4000-8000-000000000001').setAudience(AUDIENCES)
  .setIssuedAt().setExpirationTime('1h').sign(privateKey);
writeFileSync(process.env.BENCH_TOKEN_FILE ?? 'bench-token.txt', await issue({}));

if (process.env.BENCH_DPOP_TOKEN_FILE) {
  // the client's proof key: ES256, what the official TypeScript client and most DPoP clients use
  const client = await generateKeyPair('ES256', { extractable: true });
  const clientPublic = await exportJWK(client.publicKey);
  const jkt = await calculateJwkThumbprint(clientPublic);
  writeFileSync(process.env.BENCH_DPOP_KEY_FILE, JSON.stringify(await exportJWK(client.privateKey)));
  writeFileSync(process.env.BENCH_DPOP_TOKEN_FILE, await issue({ cnf: { jkt } }));
}

http.createServer((req, res) => {
  const body = req.url === '/bench/.well-known/openid-configuration'
    ? { issuer: ISSUER, jwks_uri: `${ISSUER}/jwks` }
    : req.url === '/bench/jwks' ? { keys: [jwk] } : null;
  res.writeHead(body ? 200 : 404, { 'content-type': 'application/json' });
  res.end(body ? JSON.stringify(body) : '{}');
}).listen(PORT, 'localhost', () => console.log(`bench issuer ${ISSUER} ready`));
