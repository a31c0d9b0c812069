// End-to-end: the official MCP TypeScript SDK client (StreamableHTTPClientTransport + an OAuthClientProvider)
// against the Liberty sample protected by the runtime, with Keycloak as the authorization server. The only
// thing not done by a real component is the human: Keycloak's login and consent forms are filled in by
// completeAuthorization() (plain HTTP, like a browser without JavaScript).
//
// Needs the sample on MCP_URL (default http://localhost:9080/mcp) and Keycloak on KEYCLOAK_URL
// (default http://localhost:8180); SampleEndToEndIT starts both and runs `node --test` on this file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport, StreamableHTTPError } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { UnauthorizedError } from '@modelcontextprotocol/sdk/client/auth.js';
import { McpError } from '@modelcontextprotocol/sdk/types.js';
import { completeAuthorization, registerClient, login, decodeJwt, KEYCLOAK_URL, ISSUER } from '../../liberty-sample/keycloak/login-flow-check.mjs';

const MCP_URL = process.env.MCP_URL ?? 'http://localhost:9080/mcp';
const REDIRECT_URI = 'http://localhost:33418/callback';
const PRM_URL = new URL('/.well-known/oauth-protected-resource/mcp', MCP_URL).href;

/** An OAuthClientProvider for one user: keeps what the SDK gives it, and "is" the user at the login page. */
class HeadlessUserProvider {
  constructor({ username, password, keepRefreshToken = true, client, tokens }) {
    Object.assign(this, { username, password, keepRefreshToken });
    this.client = client;
    this.savedTokens = tokens;
    this.authorizationUrls = [];
  }
  get redirectUrl() { return REDIRECT_URI; }
  get clientMetadata() {
    return {
      client_name: `e2e client of ${this.username}`, redirect_uris: [REDIRECT_URI],
      grant_types: ['authorization_code', 'refresh_token'], response_types: ['code'], token_endpoint_auth_method: 'none',
    };
  }
  clientInformation() { return this.client; }
  saveClientInformation(info) { this.client = info; }
  tokens() { return this.savedTokens; }
  saveTokens(tokens) {
    // a client that keeps no refresh token must authorize again to get more scopes (step-up), see docs/testing.md
    this.savedTokens = this.keepRefreshToken ? tokens : { ...tokens, refresh_token: undefined };
  }
  saveCodeVerifier(verifier) { this.verifier = verifier; }
  codeVerifier() { return this.verifier; }
  async redirectToAuthorization(url) {
    this.authorizationUrls.push(url);
    const { code } = await completeAuthorization(url, { username: this.username, password: this.password, redirectUri: REDIRECT_URI });
    this.pendingCode = code;
  }
  takeCode() {
    const code = this.pendingCode;
    assert.ok(code, 'the SDK asked for an authorization, so a code is expected');
    this.pendingCode = undefined;
    return code;
  }
}

/** fetch that records every exchange the SDK makes: method, URL, status, challenge. */
function recordingFetch(log) {
  return async (url, init) => {
    const response = await fetch(url, init);
    log.push({ method: init?.method ?? 'GET', url: String(url), status: response.status, challenge: response.headers.get('www-authenticate') });
    return response;
  };
}

/** A session of one user: the SDK's own connect, with the redirect completed as a browser would. */
async function connect(provider) {
  const log = [];
  const transport = () => new StreamableHTTPClientTransport(new URL(MCP_URL), { authProvider: provider, fetch: recordingFetch(log) });
  let session = { client: new Client({ name: 'mcp-auth-e2e', version: '1.0.0' }), transport: transport(), log, provider };
  try {
    await session.client.connect(session.transport);
    return session;
  } catch (error) {
    if (!(error instanceof UnauthorizedError)) throw error;
  }
  await session.transport.finishAuth(provider.takeCode());
  session = { ...session, client: new Client({ name: 'mcp-auth-e2e', version: '1.0.0' }), transport: transport() };
  await session.client.connect(session.transport);
  return session;
}

/** tools/call through the SDK; when the SDK has to authorize again (step-up), finish it and retry once. */
async function callTool(session, name, args = {}) {
  try {
    return await session.client.callTool({ name, arguments: args });
  } catch (error) {
    if (!(error instanceof UnauthorizedError)) throw error;
    await session.transport.finishAuth(session.provider.takeCode());
    return session.client.callTool({ name, arguments: args });
  }
}

async function toolNames(session) {
  return (await session.client.listTools()).tools.map((tool) => tool.name).sort();
}

function indexOf(log, predicate, from = 0) {
  const i = log.findIndex((entry, index) => index >= from && predicate(entry));
  assert.ok(i >= 0, `expected exchange not found after #${from} in:\n${log.map((e) => `${e.method} ${e.url} ${e.status}`).join('\n')}`);
  return i;
}

/** The JSON-RPC error a request was answered with (the SDK's McpError), as the server sent it. */
async function rpcError(promise) {
  try {
    const result = await promise;
    assert.fail(`an error was expected, got a result: ${JSON.stringify(result)}`);
  } catch (error) {
    if (!(error instanceof McpError)) throw error;
    return { code: error.code, message: error.message, data: error.data };
  }
}

const promptRef = { type: 'ref/prompt', name: 'reply_to_ticket' };

async function completions(session, ref, name, value) {
  return (await session.client.complete({ ref, argument: { name, value } })).completion.values;
}

/** "Resource not found" in 2025-11-25: -32002, with the URI asked for. */
const RESOURCE_NOT_FOUND = -32002;

async function setAccessTokenLifespan(seconds) {
  const admin = await fetch(`${KEYCLOAK_URL}/realms/master/protocol/openid-connect/token`, {
    method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', client_id: 'admin-cli', username: process.env.KEYCLOAK_ADMIN ?? 'admin',
      password: process.env.KEYCLOAK_ADMIN_PASSWORD ?? 'admin' }).toString(),
  }).then((r) => r.json());
  const response = await fetch(`${KEYCLOAK_URL}/admin/realms/mcp`, {
    method: 'PUT', headers: { 'content-type': 'application/json', authorization: `Bearer ${admin.access_token}` },
    body: JSON.stringify({ accessTokenLifespan: seconds }),
  });
  assert.equal(response.status, 204, 'Keycloak admin API: realm update');
}

test('alice: 401, metadata discovery, dynamic registration, PKCE login, then all five tools and only her tickets', async () => {
  const session = await connect(new HeadlessUserProvider({ username: 'alice', password: 'alice' }));
  const { log } = session;
  assert.equal(session.transport.protocolVersion, '2025-11-25', 'the 1.x client negotiated the 2025-11-25 revision (initialize)');

  const challenged = indexOf(log, (e) => e.method === 'POST' && e.url === MCP_URL && e.status === 401);
  assert.match(log[challenged].challenge, /^Bearer /);
  assert.ok(log[challenged].challenge.includes(`resource_metadata="${PRM_URL}"`), log[challenged].challenge);
  const prm = indexOf(log, (e) => e.url === PRM_URL && e.status === 200, challenged);
  const asMetadata = indexOf(log, (e) => e.url.includes('/.well-known/') && e.url.includes('realms/mcp') && e.status === 200, prm);
  const registration = indexOf(log, (e) => e.method === 'POST' && e.url.endsWith('/clients-registrations/openid-connect') && e.status === 201, asMetadata);
  const token = indexOf(log, (e) => e.method === 'POST' && e.url.endsWith('/protocol/openid-connect/token') && e.status === 200, registration);
  indexOf(log, (e) => e.method === 'POST' && e.url === MCP_URL && e.status === 200, token);
  assert.ok(session.provider.authorizationUrls[0].searchParams.get('code_challenge_method') === 'S256', 'PKCE S256');

  const claims = decodeJwt(session.provider.tokens().access_token);
  assert.equal(claims.iss, ISSUER);
  assert.ok([claims.aud].flat().includes(MCP_URL), `aud ${JSON.stringify(claims.aud)}`);

  assert.deepEqual(await toolNames(session), ['draft_reply', 'export_tickets', 'get_ticket', 'search_tickets', 'whoami']);
  const tickets = (await callTool(session, 'search_tickets', { query: '' })).structuredContent.result;
  assert.deepEqual(tickets.map((t) => t.id), ['T-1001', 'T-1002', 'T-1003']);
  assert.ok(tickets.every((t) => t.assignee === 'alice'));
  const draft = await callTool(session, 'draft_reply', { ticketId: 'T-1002', text: 'We are correcting the VAT rate.' });
  assert.equal(draft.isError, undefined);
  assert.equal(draft.structuredContent.author, 'alice');
  const whoami = (await callTool(session, 'whoami')).structuredContent;
  assert.equal(whoami.user, 'alice');
  assert.deepEqual(whoami.scopes.filter((s) => s.startsWith('tickets:')), ['tickets:read', 'tickets:write']);

  // her tickets as resources, through the template
  const templates = (await session.client.listResourceTemplates()).resourceTemplates;
  const template = templates.find((t) => t.uriTemplate === 'tickets://{id}');
  assert.ok(template, `tickets://{id} is listed: ${JSON.stringify(templates)}`);
  assert.equal(template.mimeType, 'application/json');
  const read = await session.client.readResource({ uri: 'tickets://T-1001' });
  assert.equal(read.contents.length, 1, JSON.stringify(read));
  assert.equal(read.contents[0].uri, 'tickets://T-1001');
  assert.equal(read.contents[0].mimeType, 'application/json');
  assert.equal(JSON.parse(read.contents[0].text).ticket.id, 'T-1001');

  // the prompt, with the ticket embedded
  const prompt = (await session.client.listPrompts()).prompts.find((p) => p.name === 'reply_to_ticket');
  assert.ok(prompt, 'reply_to_ticket is listed');
  assert.deepEqual(prompt.arguments.map((a) => [a.name, a.required ?? false]), [['ticketId', true], ['tone', false]]);
  const { messages } = await session.client.getPrompt({ name: 'reply_to_ticket', arguments: { ticketId: 'T-1001', tone: 'formal' } });
  assert.deepEqual(messages.map((m) => [m.role, m.content.type]), [['user', 'resource'], ['user', 'text']]);
  assert.equal(messages[0].content.resource.uri, 'tickets://T-1001');
  assert.equal(messages[0].content.resource.mimeType, 'application/json');
  assert.equal(JSON.parse(messages[0].content.resource.text).ticket.id, 'T-1001');
  assert.match(messages[1].content.text, /formal/);

  // completions: her ticket ids, the tones, and the template's variable
  assert.deepEqual(await completions(session, promptRef, 'ticketId', 'T-10'), ['T-1001', 'T-1002', 'T-1003']);
  assert.deepEqual(await completions(session, promptRef, 'tone', 'f'), ['formal', 'friendly']);
  assert.deepEqual(await completions(session, { type: 'ref/resource', uri: 'tickets://{id}' }, 'id', 'T-'),
    ['T-1001', 'T-1002', 'T-1003']);
  await session.client.close();
});

test('bob: four tools, only his tickets, and draft_reply is 403 insufficient_scope naming tickets:write', async (t) => {
  const session = await connect(new HeadlessUserProvider({ username: 'bob', password: 'bob' }));
  assert.deepEqual(await toolNames(session), ['export_tickets', 'get_ticket', 'search_tickets', 'whoami']);
  const tickets = (await callTool(session, 'search_tickets', { query: '' })).structuredContent.result;
  assert.deepEqual(tickets.map((t) => t.id), ['T-2001', 'T-2002']);
  const foreign = await callTool(session, 'get_ticket', { id: 'T-1001' });
  assert.equal(foreign.isError, true, 'alice\'s ticket is not visible to bob');

  // alice's ticket as a resource is answered exactly like a ticket that does not exist
  const foreignRead = await rpcError(session.client.readResource({ uri: 'tickets://T-1001' }));
  const missingRead = await rpcError(session.client.readResource({ uri: 'tickets://T-9999' }));
  assert.deepEqual(foreignRead, { code: RESOURCE_NOT_FOUND, message: `MCP error ${RESOURCE_NOT_FOUND}: Resource not found`,
    data: { uri: 'tickets://T-1001' } });
  assert.deepEqual(missingRead, { ...foreignRead, data: { uri: 'tickets://T-9999' } });
  assert.ok((await session.client.readResource({ uri: 'tickets://T-2001' })).contents.length === 1, 'his own ticket reads');
  // completions offer his tickets only, and the prompt refuses hers
  assert.deepEqual(await completions(session, promptRef, 'ticketId', 'T-'), ['T-2001', 'T-2002']);
  const foreignPrompt = await rpcError(session.client.getPrompt({ name: 'reply_to_ticket', arguments: { ticketId: 'T-1001' } }));
  t.diagnostic(`prompts/get of alice's T-1001 as bob: ${JSON.stringify(foreignPrompt)}`);
  assert.ok(!/password reset/i.test(JSON.stringify(foreignPrompt)), `nothing of her ticket leaks: ${JSON.stringify(foreignPrompt)}`);
  assert.ok(session.log.filter((e) => e.url === MCP_URL).every((e) => e.status !== 403), 'refused or filtered, never a 403: bob has tickets:read');

  // the SDK tries to step up (its refresh keeps bob's scopes; Keycloak never grants him tickets:write) and gives up
  await assert.rejects(callTool(session, 'draft_reply', { ticketId: 'T-2001', text: 'hi' }),
    (error) => error instanceof StreamableHTTPError && error.code === 403);
  const refusal = session.log.find((e) => e.status === 403);
  assert.ok(refusal, 'a 403 was answered');
  assert.match(refusal.challenge, /^Bearer error="insufficient_scope"/);
  assert.match(refusal.challenge, /scope="[^"]*tickets:write[^"]*"/);
  assert.ok(refusal.challenge.includes(`resource_metadata="${PRM_URL}"`));
  await session.client.close();
});

test('alice authorized for tickets:read only is stepped up to tickets:write by the SDK after the 403', async () => {
  // an earlier session of a dynamically registered client got a read-only token
  const client = await registerClient({ scope: 'openid tickets:read tickets:write', name: 'e2e step-up client' });
  const first = await login({ clientId: client.client_id, username: 'alice', password: 'alice', scope: 'openid tickets:read' });
  assert.ok(!first.claims.scope.split(' ').includes('tickets:write'));
  const provider = new HeadlessUserProvider({ username: 'alice', password: 'alice', keepRefreshToken: false, client,
    tokens: { ...first.tokens, refresh_token: undefined } });
  const session = await connect(provider);
  assert.deepEqual(await toolNames(session), ['export_tickets', 'get_ticket', 'search_tickets', 'whoami'], 'read-only: no draft_reply yet');

  const draft = await callTool(session, 'draft_reply', { ticketId: 'T-1001', text: 'Please try the reset link again.' });
  assert.equal(draft.structuredContent.ticketId, 'T-1001');
  const refusal = session.log.find((e) => e.status === 403);
  assert.ok(refusal && /error="insufficient_scope"/.test(refusal.challenge), 'the first call was refused with 403');
  const stepUp = provider.authorizationUrls.at(-1);
  assert.deepEqual(stepUp.searchParams.get('scope').split(' ').sort(), ['tickets:read', 'tickets:write'],
    'the SDK asked for the scopes the 403 challenge named');
  assert.ok(decodeJwt(provider.tokens().access_token).scope.split(' ').includes('tickets:write'));
  assert.deepEqual(await toolNames(session), ['draft_reply', 'export_tickets', 'get_ticket', 'search_tickets', 'whoami']);
  await session.client.close();
});

test('a token meant for another resource is refused with 401 invalid_token', async () => {
  const tokens = await fetch(`${ISSUER}/protocol/openid-connect/token`, {
    method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: 'reporting-service', client_secret: 'reporting-secret' }).toString(),
  }).then((r) => r.json());
  assert.ok(tokens.access_token, JSON.stringify(tokens));
  assert.ok(![decodeJwt(tokens.access_token).aud].flat().includes(MCP_URL), 'the token names another audience');
  const response = await fetch(MCP_URL, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', authorization: `Bearer ${tokens.access_token}` },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'ping' }),
  });
  assert.equal(response.status, 401);
  assert.match(response.headers.get('www-authenticate'), /error="invalid_token", error_description="The token is meant for another resource \(aud\)"/);
  assert.ok(!(await response.text()).includes(tokens.access_token));
});

test('an expired token is refused and the SDK recovers by refreshing it', async () => {
  await setAccessTokenLifespan(3);
  try {
    const session = await connect(new HeadlessUserProvider({ username: 'alice', password: 'alice' }));
    const before = session.provider.tokens().access_token;
    await new Promise((resolve) => setTimeout(resolve, 4500));
    const whoami = await callTool(session, 'whoami');
    assert.equal(whoami.structuredContent.user, 'alice');
    const expired = session.log.find((e) => e.status === 401 && /error="invalid_token"/.test(e.challenge ?? ''));
    assert.ok(expired, 'the expired token was refused');
    assert.match(expired.challenge, /The token has expired/);
    const refreshed = session.log.findIndex((e) => e.url.endsWith('/protocol/openid-connect/token') && e.status === 200
      && session.log.indexOf(expired) < session.log.indexOf(e));
    assert.ok(refreshed > 0, 'the SDK went to the token endpoint after the 401');
    assert.notEqual(session.provider.tokens().access_token, before);
    assert.equal(session.provider.authorizationUrls.length, 1, 'no new login was needed: the refresh token did it');
    await session.client.close();
  } finally {
    await setAccessTokenLifespan(300);
  }
});
