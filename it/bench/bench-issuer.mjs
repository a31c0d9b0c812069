// A token issuer for the benchmark: serves OpenID metadata and a JWKS (one RS256 key) over HTTP, and writes
// one access token, valid for an hour for both benchmarked resources, to the file named by BENCH_TOKEN_FILE.
// Both servers verify the same token against the same JWKS, fetched once and cached by each.
//
// For the on-behalf-of variant it is also a token endpoint that does token exchange (RFC 8693) for the client
// BENCH_EXCHANGE_CLIENT (bench-mcp:bench-secret): it verifies the subject token and issues one for the requested
// audience, same subject, the requested scopes it holds, valid for an hour. It also accepts OTLP/HTTP exports
// (POST /v1/traces) and drops them: the telemetry variant's collector.
//
// For the DPoP variant it also writes, when BENCH_DPOP_TOKEN_FILE is set, a second token bound to a client key
// (cnf.jkt = the key's RFC 7638 thumbprint) and that key's private JWK to BENCH_DPOP_KEY_FILE, from which
// it/bench/dpop-proofs.mjs signs the proofs wrk sends.
import http from 'node:http';
import { writeFileSync } from 'node:fs';
import { generateKeyPair, exportJWK, SignJWT, calculateJwkThumbprint, jwtVerify, createLocalJWKSet } from 'jose';

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

const EXCHANGE_CLIENT = process.env.BENCH_EXCHANGE_CLIENT ?? 'bench-mcp:bench-secret';
const keys = createLocalJWKSet({ keys: [jwk] });
let exchanges = 0;

async function exchange(form, authorization) {
  if (authorization !== `Basic ${Buffer.from(EXCHANGE_CLIENT).toString('base64')}`) {
    return [401, { error: 'invalid_client' }];
  }
  if (form.get('grant_type') !== 'urn:ietf:params:oauth:grant-type:token-exchange') {
    return [400, { error: 'unsupported_grant_type' }];
  }
  let subject;
  try {
    subject = (await jwtVerify(form.get('subject_token'), keys, { issuer: ISSUER })).payload;
  } catch {
    return [400, { error: 'invalid_request', error_description: 'subject_token' }];
  }
  const held = String(subject.scope ?? '').split(' ');
  const scope = String(form.get('scope') ?? '').split(' ').filter((s) => held.includes(s)).join(' ');
  exchanges++;
  const token = await new SignJWT({ scope, azp: EXCHANGE_CLIENT.split(':')[0] })
    .setProtectedHeader({ alg: 'RS256', kid: 'bench-1', typ: 'JWT' })
    .setIssuer(ISSUER).setSubject(subject.sub).setAudience(form.get('audience'))
    .setIssuedAt().setExpirationTime('1h').sign(privateKey);
  return [200, { access_token: token, issued_token_type: 'urn:ietf:params:oauth:token-type:access_token', token_type: 'Bearer', expires_in: 3600, scope }];
}

http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk)).on('end', async () => {
    let status = 404;
    let body = {};
    if (req.url === '/bench/.well-known/openid-configuration') {
      [status, body] = [200, { issuer: ISSUER, jwks_uri: `${ISSUER}/jwks`, token_endpoint: `${ISSUER}/token` }];
    } else if (req.url === '/bench/jwks') {
      [status, body] = [200, { keys: [jwk] }];
    } else if (req.url === '/bench/token' && req.method === 'POST') {
      [status, body] = await exchange(new URLSearchParams(Buffer.concat(chunks).toString()), req.headers.authorization);
    } else if (req.url === '/bench/exchanges') {
      [status, body] = [200, { exchanges }];
    } else if (req.url.startsWith('/v1/')) {
      res.writeHead(200, { 'content-type': 'application/x-protobuf' });
      res.end();
      return;
    }
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  });
}).listen(PORT, 'localhost', () => console.log(`bench issuer ${ISSUER} ready`));
