// End-to-end, introspection mode: the sample restarted with mcp.auth.verifier=introspection checks every token
// at Keycloak's RFC 7662 endpoint (as the confidential client mcp-resource-server) instead of by signature,
// with no answer cache (mcp.auth.introspection.cache-ttl=0), so a token revoked at Keycloak stops working at
// once. SampleEndToEndIT runs this file after sample.e2e.test.mjs, against the restarted sample.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { registerClient, login, ISSUER } from '../../liberty-sample/keycloak/login-flow-check.mjs';

const MCP_URL = process.env.MCP_URL ?? 'http://localhost:9080/mcp';

function mcpFetch(token, body) {
  return fetch(MCP_URL, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
}

test('a Keycloak token is accepted through introspection, and refused once revoked at Keycloak', async () => {
  const client = await registerClient({ scope: 'openid tickets:read tickets:write', name: 'e2e introspection client' });
  const { tokens } = await login({ clientId: client.client_id, username: 'bob', password: 'bob', scope: 'openid tickets:read tickets:write' });

  const sdk = new Client({ name: 'mcp-auth-e2e', version: '1.0.0' });
  await sdk.connect(new StreamableHTTPClientTransport(new URL(MCP_URL), {
    requestInit: { headers: { authorization: `Bearer ${tokens.access_token}` } },
  }));
  assert.deepEqual((await sdk.listTools()).tools.map((t) => t.name).sort(), ['export_tickets', 'get_ticket', 'search_tickets', 'whoami']);
  const whoami = (await sdk.callTool({ name: 'whoami', arguments: {} })).structuredContent;
  assert.equal(whoami.user, 'bob');
  await sdk.close();

  const revoked = await fetch(`${ISSUER}/protocol/openid-connect/revoke`, {
    method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token: tokens.access_token, token_type_hint: 'access_token', client_id: client.client_id }).toString(),
  });
  assert.equal(revoked.status, 200, 'Keycloak revoked the token');
  const after = await mcpFetch(tokens.access_token, { jsonrpc: '2.0', id: 2, method: 'ping' });
  assert.equal(after.status, 401);
  assert.match(after.headers.get('www-authenticate'), /error="invalid_token", error_description="The token is not active"/);
});

test('introspection still refuses a token meant for another resource', async () => {
  const tokens = await fetch(`${ISSUER}/protocol/openid-connect/token`, {
    method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: 'reporting-service', client_secret: 'reporting-secret' }).toString(),
  }).then((r) => r.json());
  const response = await mcpFetch(tokens.access_token, { jsonrpc: '2.0', id: 1, method: 'ping' });
  assert.equal(response.status, 401);
  assert.match(response.headers.get('www-authenticate'), /The token is meant for another resource \(aud\)/);
});
