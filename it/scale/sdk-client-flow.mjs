// The official MCP TypeScript SDK clients through the load balancer, with tokens the test minted:
// SDK 1.x (2025-11-25 handshake era) and @modelcontextprotocol/client 2.x pinned to 2026-07-28.
// Each round: list (filtered to the token's scopes), read a ticket, draft_reply refused with 403
// insufficient_scope, then the same call with a tickets:write token. Run by dev.mcpauth.it.scale.ScaleOutIT:
//   MCP_URL=http://localhost:9380/mcp READER_TOKEN=... WRITER_TOKEN=... node it/scale/sdk-client-flow.mjs
// The packages come from it/e2e (npm install --prefix it/e2e), so both suites pin the same versions.
import { createRequire } from 'node:module';
import assert from 'node:assert/strict';

const require = createRequire(new URL('../e2e/package.json', import.meta.url));
const { Client } = require('@modelcontextprotocol/sdk/client/index.js');
const { StreamableHTTPClientTransport, StreamableHTTPError } = require('@modelcontextprotocol/sdk/client/streamableHttp.js');
const client2 = require('@modelcontextprotocol/client');

const MCP_URL = new URL(process.env.MCP_URL ?? 'http://localhost:9380/mcp');
const READER = process.env.READER_TOKEN;
const WRITER = process.env.WRITER_TOKEN;
const ROUNDS = Number(process.env.ROUNDS ?? '5');
assert.ok(READER && WRITER, 'READER_TOKEN and WRITER_TOKEN are required');

const statuses = {};
const counting = async (url, init) => {
  const response = await fetch(url, init);
  statuses[response.status] = (statuses[response.status] ?? 0) + 1;
  return response;
};
const withToken = (token) => ({ requestInit: { headers: { Authorization: `Bearer ${token}` } }, fetch: counting });
const names = (listed) => listed.tools.map((tool) => tool.name).sort();
const text = (result) => result.content[0].text;

async function sdk1Round() {
  const reader = new Client({ name: 'scale-out-sdk1', version: '1.0.0' });
  await reader.connect(new StreamableHTTPClientTransport(MCP_URL, withToken(READER)));
  assert.deepEqual(names(await reader.listTools()), ['export_tickets', 'get_ticket', 'search_tickets', 'whoami']);
  assert.match(text(await reader.callTool({ name: 'get_ticket', arguments: { id: 'T-1001' } })), /T-1001/);
  await assert.rejects(reader.callTool({ name: 'draft_reply', arguments: { ticketId: 'T-1001', text: 'On it' } }),
    (error) => error instanceof StreamableHTTPError && error.code === 403);
  await reader.close();

  const writer = new Client({ name: 'scale-out-sdk1', version: '1.0.0' });
  await writer.connect(new StreamableHTTPClientTransport(MCP_URL, withToken(WRITER)));
  const drafted = await writer.callTool({ name: 'draft_reply', arguments: { ticketId: 'T-1001', text: 'On it' } });
  assert.ok(!drafted.isError, JSON.stringify(drafted));
  await writer.close();
}

async function sdk2Round() {
  const client = new client2.Client({ name: 'scale-out-sdk2', version: '1.0.0' }, { versionNegotiation: { mode: { pin: '2026-07-28' } } });
  await client.connect(new client2.StreamableHTTPClientTransport(MCP_URL, withToken(READER)));
  assert.deepEqual(names(await client.listTools()), ['export_tickets', 'get_ticket', 'search_tickets', 'whoami']);
  assert.match(text(await client.callTool({ name: 'get_ticket', arguments: { id: 'T-1002' } })), /T-1002/);
  await assert.rejects(client.callTool({ name: 'draft_reply', arguments: { ticketId: 'T-1001', text: 'On it' } }),
    // 2.x reads the 403's insufficient_scope challenge; without an auth provider it cannot step up, so it says which scope
    (error) => error instanceof client2.InsufficientScopeError && error.requiredScope.split(' ').includes('tickets:write'));
  await client.close();
}

for (let round = 0; round < ROUNDS; round++) {
  await sdk1Round();
  await sdk2Round();
}
console.log(JSON.stringify({ rounds: ROUNDS, statuses }));
