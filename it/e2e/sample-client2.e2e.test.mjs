// End-to-end with the official MCP TypeScript client 2.x (@modelcontextprotocol/client, pinned in package.json)
// against the Liberty sample protected by the runtime, with Keycloak as the authorization server: the same user
// journeys as sample.e2e.test.mjs (which keeps running with the 1.x SDK and the 2025-11-25 revision), spoken in
// the stateless 2026-07-28 revision. The client is pinned to that revision (no fallback), and every MCP request
// it sends is recorded and checked on the wire: server/discover first, no initialize, MCP-Protocol-Version and
// the body's _meta protocol version both 2026-07-28 on every POST.
//
// As in sample.e2e.test.mjs the only thing not done by a real component is the human: Keycloak's login and
// consent forms are filled in by completeAuthorization() (plain HTTP). Needs the sample on MCP_URL (default
// http://localhost:9080/mcp) and Keycloak on KEYCLOAK_URL (default http://localhost:8180); SampleEndToEndIT
// starts both and runs `node --test` on this file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, StreamableHTTPClientTransport, UnauthorizedError, SdkHttpError, ProtocolError, ResourceNotFoundError,
  CLIENT_CAPABILITIES_META_KEY, DpopSession } from '@modelcontextprotocol/client';
import { createTaskSessionFromClient, resultFromTaskOutcome } from '@modelcontextprotocol/ext-tasks/client';
import { completeAuthorization, registerClient, login, decodeJwt, ISSUER } from '../../liberty-sample/keycloak/login-flow-check.mjs';

const MCP_URL = process.env.MCP_URL ?? 'http://localhost:9080/mcp';
const REDIRECT_URI = 'http://localhost:33418/callback';
const PRM_URL = new URL('/.well-known/oauth-protected-resource/mcp', MCP_URL).href;
const REVISION = '2026-07-28';
const VERSION_META = 'io.modelcontextprotocol/protocolVersion';
const NEGOTIATION = { mode: { pin: REVISION } }; // no fallback: anything but 2026-07-28 fails the connect

/** An OAuthClientProvider (2.x interface) for one user: keeps what the client gives it, and "is" the user at the login page. */
class HeadlessUserProvider {
  constructor({ username, password, keepRefreshToken = true, client, tokens }) {
    Object.assign(this, { username, password, keepRefreshToken });
    this.client = client;
    this.savedTokens = tokens;
    this.authorizationUrls = [];
  }
  get redirectUrl() { return REDIRECT_URI; }
  get clientMetadata() {
    // grant_types left to the client's default (authorization_code + refresh_token in the registration). Listing
    // refresh_token here would make the 2.x client add offline_access to every scope it asks for (SEP-2207), and
    // the sample realm does not grant offline tokens (Keycloak: "Offline tokens not allowed for the user or client").
    return {
      client_name: `e2e client 2.x of ${this.username}`, redirect_uris: [REDIRECT_URI],
      response_types: ['code'], token_endpoint_auth_method: 'none',
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
  // kept with the code verifier, so the client can check that the code is redeemed where it was issued (SEP-2352)
  saveDiscoveryState(state) { this.discovery = state; }
  discoveryState() { return this.discovery; }
  async redirectToAuthorization(url) {
    this.authorizationUrls.push(url);
    const { code, iss } = await completeAuthorization(url, { username: this.username, password: this.password, redirectUri: REDIRECT_URI });
    this.pendingCallback = new URLSearchParams(iss ? { code, iss } : { code });
  }
  /** The redirect's query, as the browser would hand it back (code and RFC 9207 iss). */
  takeCallback() {
    const callback = this.pendingCallback;
    assert.ok(callback, 'the client asked for an authorization, so a callback is expected');
    this.pendingCallback = undefined;
    return callback;
  }
}

/**
 * fetch that records every exchange the client makes: method, URL, status, challenge and, for the MCP endpoint,
 * the request's protocol headers and JSON-RPC body, and the response body (as a promise, read from a clone).
 */
function recordingFetch(log) {
  return async (url, init) => {
    const response = await fetch(url, init);
    const entry = { method: init?.method ?? 'GET', url: String(url), status: response.status,
      challenge: response.headers.get('www-authenticate'), contentType: response.headers.get('content-type') };
    if (entry.url === MCP_URL && entry.method === 'POST') {
      const headers = new Headers(init.headers);
      entry.headers = { protocolVersion: headers.get('mcp-protocol-version'), method: headers.get('mcp-method'),
        name: headers.get('mcp-name'), authorization: headers.has('authorization'),
        scheme: headers.get('authorization')?.split(' ')[0], dpop: headers.has('dpop') };
      entry.body = JSON.parse(init.body);
      entry.responseText = response.clone().text().catch((error) => `(unreadable: ${error})`);
    }
    log.push(entry);
    return response;
  };
}

function newClient() {
  return new Client({ name: 'mcp-auth-e2e-client2', version: '1.0.0' }, { versionNegotiation: NEGOTIATION });
}

/**
 * A client that can ask its user (form elicitation): it declares the capability, and its elicitation/create handler
 * is the "user", answering with what answer() returns. The 2.x client fulfils a 2026-07-28 input_required result
 * through this same handler and retries the call itself (inputRequired.autoFulfill, on by default).
 */
function elicitingClient(questions, answer) {
  const client = new Client({ name: 'mcp-auth-e2e-client2-elicit', version: '1.0.0' },
    { versionNegotiation: NEGOTIATION, capabilities: { elicitation: { form: {} } } });
  client.setRequestHandler('elicitation/create', async (request) => {
    questions.push(request.params);
    return answer();
  });
  return client;
}

/** A session of one user: the client's own connect, with the redirect completed as a browser would. */
async function connect(provider, transportOptions = {}, clientFactory = newClient) {
  const log = [];
  const transport = () => new StreamableHTTPClientTransport(new URL(MCP_URL),
    { authProvider: provider, fetch: recordingFetch(log), ...transportOptions });
  let session = { client: clientFactory(), transport: transport(), log, provider };
  try {
    await session.client.connect(session.transport);
    return session;
  } catch (error) {
    if (!(error instanceof UnauthorizedError)) throw error;
  }
  await session.transport.finishAuth(provider.takeCallback());
  session = { ...session, client: clientFactory(), transport: transport() };
  await session.client.connect(session.transport);
  return session;
}

/** tools/call through the client; when it has to authorize again (step-up), finish it and retry once. */
async function callTool(session, name, args = {}) {
  try {
    return await session.client.callTool({ name, arguments: args });
  } catch (error) {
    if (!(error instanceof UnauthorizedError)) throw error;
    await session.transport.finishAuth(session.provider.takeCallback());
    return session.client.callTool({ name, arguments: args });
  }
}

/** tools/list, always from the server: the client's response cache would otherwise serve a list of another token. */
async function toolNames(session) {
  return (await session.client.listTools(undefined, { cacheMode: 'refresh' })).tools.map((tool) => tool.name).sort();
}

function describe(log) {
  return log.map((e) => `${e.method} ${e.url} ${e.status}${e.body ? ` ${e.body.method}` : ''}`).join('\n');
}

/** The MCP exchanges of a session as the report shows them: what was sent on the wire, and the answer's status. */
function wire(log) {
  return mcpPosts(log).map((e) => `${e.status} ${e.body.method}${e.headers.name ? ` ${e.headers.name}` : ''}`
    + ` (MCP-Protocol-Version ${e.headers.protocolVersion}, _meta ${e.body.params?._meta?.[VERSION_META]}`
    + `${e.headers.authorization ? ', token' : ''})`).join('\n');
}

function indexOf(log, predicate, from = 0) {
  const i = log.findIndex((entry, index) => index >= from && predicate(entry));
  assert.ok(i >= 0, `expected exchange not found after #${from} in:\n${describe(log)}`);
  return i;
}

const mcpPosts = (log) => log.filter((e) => e.url === MCP_URL && e.method === 'POST');

/** The JSON-RPC response of a recorded MCP POST, whether it came as JSON or as an SSE stream. */
async function answer(entry) {
  const text = await entry.responseText;
  if (!entry.contentType?.startsWith('text/event-stream')) return JSON.parse(text);
  const messages = text.split(/\r?\n\r?\n/).map((event) => event.split(/\r?\n/).filter((l) => l.startsWith('data:'))
    .map((l) => l.slice(5).trimStart()).join('\n')).filter(Boolean).map((data) => JSON.parse(data));
  return messages.find((m) => m.id === entry.body.id);
}

/** The JSON-RPC error a request was answered with (the client's ProtocolError), as the server sent it. */
async function rpcError(promise) {
  try {
    const result = await promise;
    assert.fail(`an error was expected, got a result: ${JSON.stringify(result)}`);
  } catch (error) {
    if (!(error instanceof ProtocolError)) throw error;
    return error;
  }
}

const promptRef = { type: 'ref/prompt', name: 'reply_to_ticket' };

async function completions(session, ref, name, value) {
  return (await session.client.complete({ ref, argument: { name, value } })).completion.values;
}

/** The recorded resources/read POSTs of a URI. */
const readsOf = (log, uri) => mcpPosts(log).filter((e) => e.body.method === 'resources/read' && e.body.params.uri === uri);

/** "Resource not found" in 2026-07-28: -32602 (Invalid Params), with the URI asked for and nothing else. */
const RESOURCE_NOT_FOUND = -32602;

/** The revision the client spoke, on the wire and as the client reports it; the exchanges go to the test report. */
async function assertSpokeRevision(t, session) {
  t.diagnostic(`negotiated ${session.client.getNegotiatedProtocolVersion()}; MCP exchanges:\n${wire(session.log)}`);
  assert.equal(session.client.getNegotiatedProtocolVersion(), REVISION);
  assert.equal(session.client.getProtocolEra(), 'modern');
  const posts = mcpPosts(session.log);
  assert.ok(posts.length > 0, 'MCP requests were made');
  assert.equal(posts[0].body.method, 'server/discover', `the first MCP call is server/discover:\n${describe(session.log)}`);
  const firstServed = posts.find((e) => e.status === 200);
  assert.equal(firstServed?.body.method, 'server/discover', 'the first MCP call answered is server/discover');
  for (const post of posts) {
    const what = `${post.body.method ?? 'response'} (#${session.log.indexOf(post)})`;
    assert.notEqual(post.body.method, 'initialize', 'no legacy handshake');
    assert.equal(post.headers.protocolVersion, REVISION, `MCP-Protocol-Version of ${what}`);
    if (post.body.method !== undefined && post.body.id !== undefined) {
      assert.equal(post.body.params?._meta?.[VERSION_META], REVISION, `_meta protocol version of ${what}`);
      assert.equal(post.headers.method, post.body.method, `Mcp-Method of ${what}`);
    }
    if (post.body.method === 'tools/call' || post.body.method === 'prompts/get') {
      assert.equal(post.headers.name, post.body.params.name, `Mcp-Name of ${what}`);
    }
    if (post.body.method === 'resources/read') assert.equal(post.headers.name, post.body.params.uri, `Mcp-Name of ${what}`);
  }
  for (const post of posts.filter((e) => e.status === 200 && e.body.method === 'tools/list')) {
    const { result } = await answer(post);
    assert.equal(result.resultType, 'complete');
    assert.equal(result.cacheScope, 'private', 'a tools/list filtered for the caller is private');
  }
}

test('alice (2026-07-28): 401, metadata discovery, dynamic registration, PKCE login, then all five tools and only her tickets', async (t) => {
  const session = await connect(new HeadlessUserProvider({ username: 'alice', password: 'alice' }));
  const { log } = session;

  const challenged = indexOf(log, (e) => e.method === 'POST' && e.url === MCP_URL && e.status === 401);
  assert.equal(log[challenged].body.method, 'server/discover', 'the client opens with server/discover, and without a token it is challenged');
  assert.match(log[challenged].challenge, /^Bearer /);
  assert.ok(log[challenged].challenge.includes(`resource_metadata="${PRM_URL}"`), log[challenged].challenge);
  const prm = indexOf(log, (e) => e.url === PRM_URL && e.status === 200, challenged);
  const asMetadata = indexOf(log, (e) => e.url.includes('/.well-known/') && e.url.includes('realms/mcp') && e.status === 200, prm);
  const registration = indexOf(log, (e) => e.method === 'POST' && e.url.endsWith('/clients-registrations/openid-connect') && e.status === 201, asMetadata);
  const token = indexOf(log, (e) => e.method === 'POST' && e.url.endsWith('/protocol/openid-connect/token') && e.status === 200, registration);
  const discovered = indexOf(log, (e) => e.url === MCP_URL && e.status === 200, token);
  assert.equal(log[discovered].body.method, 'server/discover');
  assert.ok(log[discovered].headers.authorization, 'with the token');
  const discover = (await answer(log[discovered])).result;
  assert.ok(discover.supportedVersions.includes(REVISION), JSON.stringify(discover));
  assert.ok(discover.supportedVersions.includes('2025-11-25'), 'dual-era: the legacy revision is still offered');
  assert.ok(session.provider.authorizationUrls[0].searchParams.get('code_challenge_method') === 'S256', 'PKCE S256');
  assert.equal(session.provider.authorizationUrls[0].searchParams.get('resource'), MCP_URL, 'RFC 8707 resource');

  const claims = decodeJwt(session.provider.tokens().access_token);
  assert.equal(claims.iss, ISSUER);
  assert.ok([claims.aud].flat().includes(MCP_URL), `aud ${JSON.stringify(claims.aud)}`);

  assert.deepEqual(await toolNames(session), ['draft_reply', 'export_tickets', 'get_ticket', 'search_tickets', 'whoami']);
  const tickets = (await callTool(session, 'search_tickets', { query: '' })).structuredContent.result;
  assert.deepEqual(tickets.map((t) => t.id), ['T-1001', 'T-1002', 'T-1003']);
  assert.ok(tickets.every((t) => t.assignee === 'alice'));
  const draft = await callTool(session, 'draft_reply', { ticketId: 'T-1002', text: 'We are correcting the VAT rate.' });
  assert.ok(!draft.isError, JSON.stringify(draft));
  assert.equal(draft.structuredContent.author, 'alice');
  const whoami = (await callTool(session, 'whoami')).structuredContent;
  assert.equal(whoami.user, 'alice');
  assert.deepEqual(whoami.scopes.filter((s) => s.startsWith('tickets:')), ['tickets:read', 'tickets:write']);

  // her tickets as resources, through the template (always from the server, not the client's response cache)
  const templates = (await session.client.listResourceTemplates(undefined, { cacheMode: 'refresh' })).resourceTemplates;
  const template = templates.find((t) => t.uriTemplate === 'tickets://{id}');
  assert.ok(template, `tickets://{id} is listed: ${JSON.stringify(templates)}`);
  assert.equal(template.mimeType, 'application/json');
  const read = await session.client.readResource({ uri: 'tickets://T-1001' }, { cacheMode: 'refresh' });
  assert.equal(read.contents.length, 1, JSON.stringify(read));
  assert.equal(read.contents[0].uri, 'tickets://T-1001');
  assert.equal(read.contents[0].mimeType, 'application/json');
  assert.equal(JSON.parse(read.contents[0].text).ticket.id, 'T-1001');
  // on the wire: Mcp-Name names the resource, and the result is complete and private to the caller
  const [readPost] = readsOf(log, 'tickets://T-1001');
  assert.equal(readPost?.status, 200, describe(log));
  assert.equal(readPost.headers.method, 'resources/read');
  assert.equal(readPost.headers.name, 'tickets://T-1001', 'Mcp-Name: tickets://T-1001');
  const { result: readResult } = await answer(readPost);
  assert.equal(readResult.resultType, 'complete');
  assert.equal(readResult.cacheScope, 'private', 'one caller\'s ticket is private');

  // the prompt, with the ticket embedded
  const prompt = (await session.client.listPrompts(undefined, { cacheMode: 'refresh' })).prompts.find((p) => p.name === 'reply_to_ticket');
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
  await assertSpokeRevision(t, session);
  await session.client.close();
});

test('bob (2026-07-28): four tools, only his tickets, and draft_reply is 403 insufficient_scope naming tickets:write', async (t) => {
  const provider = new HeadlessUserProvider({ username: 'bob', password: 'bob' });
  const session = await connect(provider);
  assert.deepEqual(await toolNames(session), ['export_tickets', 'get_ticket', 'search_tickets', 'whoami']);
  const tickets = (await callTool(session, 'search_tickets', { query: '' })).structuredContent.result;
  assert.deepEqual(tickets.map((t) => t.id), ['T-2001', 'T-2002']);
  const foreign = await callTool(session, 'get_ticket', { id: 'T-1001' });
  assert.equal(foreign.isError, true, 'alice\'s ticket is not visible to bob');

  // alice's ticket as a resource is answered exactly like a ticket that does not exist
  const foreignRead = await rpcError(session.client.readResource({ uri: 'tickets://T-1001' }, { cacheMode: 'refresh' }));
  const missingRead = await rpcError(session.client.readResource({ uri: 'tickets://T-9999' }, { cacheMode: 'refresh' }));
  for (const [error, uri] of [[foreignRead, 'tickets://T-1001'], [missingRead, 'tickets://T-9999']]) {
    assert.ok(error instanceof ResourceNotFoundError, `${uri}: ${error.name} ${error.code} ${JSON.stringify(error.data)}`);
    assert.equal(error.code, RESOURCE_NOT_FOUND);
    assert.equal(error.message, 'Resource not found');
    assert.deepEqual(error.data, { uri });
  }
  const [foreignPost] = readsOf(session.log, 'tickets://T-1001');
  const [missingPost] = readsOf(session.log, 'tickets://T-9999');
  assert.equal(foreignPost.status, missingPost.status, 'the same HTTP status');
  const foreignAnswer = await answer(foreignPost);
  const missingAnswer = await answer(missingPost);
  assert.deepEqual({ ...foreignAnswer, id: undefined, error: { ...foreignAnswer.error, data: undefined } },
    { ...missingAnswer, id: undefined, error: { ...missingAnswer.error, data: undefined } }, 'the same JSON-RPC error on the wire');
  assert.equal(foreignPost.headers.name, 'tickets://T-1001', 'Mcp-Name: tickets://T-1001');
  assert.equal((await session.client.readResource({ uri: 'tickets://T-2001' }, { cacheMode: 'refresh' })).contents.length, 1,
    'his own ticket reads');
  // completions offer his tickets only, and the prompt refuses hers
  assert.deepEqual(await completions(session, promptRef, 'ticketId', 'T-'), ['T-2001', 'T-2002']);
  const foreignPrompt = await rpcError(session.client.getPrompt({ name: 'reply_to_ticket', arguments: { ticketId: 'T-1001' } }));
  t.diagnostic(`prompts/get of alice's T-1001 as bob: ${foreignPrompt.code} ${foreignPrompt.message} ${JSON.stringify(foreignPrompt.data)}`);
  assert.ok(!/password reset/i.test(`${foreignPrompt.message} ${JSON.stringify(foreignPrompt.data)}`),
    `nothing of her ticket leaks: ${foreignPrompt.message}`);
  assert.ok(session.log.every((e) => e.status !== 403), 'refused or filtered, never a 403: bob has tickets:read');

  // The client steps up: it sends bob to the authorization server for tickets:read + tickets:write. Keycloak never
  // grants bob tickets:write, so the call is refused again and the client gives up.
  const logins = provider.authorizationUrls.length;
  await assert.rejects(callTool(session, 'draft_reply', { ticketId: 'T-2001', text: 'hi' }),
    (error) => error instanceof UnauthorizedError || (error instanceof SdkHttpError && error.status === 403));
  const refusal = session.log.find((e) => e.status === 403);
  assert.ok(refusal, 'a 403 was answered');
  assert.equal(refusal.body.method, 'tools/call');
  assert.equal(refusal.headers.name, 'draft_reply');
  assert.match(refusal.challenge, /^Bearer error="insufficient_scope"/);
  assert.match(refusal.challenge, /scope="[^"]*tickets:write[^"]*"/);
  assert.ok(refusal.challenge.includes(`resource_metadata="${PRM_URL}"`));
  assert.ok(provider.authorizationUrls.length > logins, 'the client tried to step up');
  assert.ok(provider.authorizationUrls.at(-1).searchParams.get('scope').split(' ').includes('tickets:write'));
  assert.ok(!decodeJwt(provider.tokens().access_token).scope.split(' ').includes('tickets:write'), 'bob still has no tickets:write');
  await assertSpokeRevision(t, session);
  await session.client.close();
});

test('alice (2026-07-28) authorized for tickets:read only is stepped up to tickets:write by the client after the 403', async (t) => {
  // an earlier session of a dynamically registered client got a read-only token
  const client = await registerClient({ scope: 'openid tickets:read tickets:write', name: 'e2e 2.x step-up client' });
  const first = await login({ clientId: client.client_id, username: 'alice', password: 'alice', scope: 'openid tickets:read' });
  assert.ok(!first.claims.scope.split(' ').includes('tickets:write'));
  // stored credentials carry the issuer they belong to (SEP-2352), as the 2.x client itself stores them
  const provider = new HeadlessUserProvider({ username: 'alice', password: 'alice', keepRefreshToken: false,
    client: { ...client, issuer: ISSUER }, tokens: { ...first.tokens, refresh_token: undefined, issuer: ISSUER } });
  const session = await connect(provider);
  assert.equal(provider.authorizationUrls.length, 0, 'the read-only token was used as it is');
  assert.deepEqual(await toolNames(session), ['export_tickets', 'get_ticket', 'search_tickets', 'whoami'], 'read-only: no draft_reply yet');

  const draft = await callTool(session, 'draft_reply', { ticketId: 'T-1001', text: 'Please try the reset link again.' });
  assert.equal(draft.structuredContent.ticketId, 'T-1001');
  const refusal = session.log.find((e) => e.status === 403);
  assert.ok(refusal && /error="insufficient_scope"/.test(refusal.challenge), 'the first call was refused with 403');
  assert.match(refusal.challenge, /scope="[^"]*tickets:write[^"]*"/);
  const stepUp = provider.authorizationUrls.at(-1);
  assert.deepEqual(stepUp.searchParams.get('scope').split(' ').filter((s) => s.startsWith('tickets:')).sort(),
    ['tickets:read', 'tickets:write'], 'the client asked for the scopes the 403 challenge named');
  assert.ok(decodeJwt(provider.tokens().access_token).scope.split(' ').includes('tickets:write'));
  const retried = mcpPosts(session.log).filter((e) => e.body.method === 'tools/call' && e.body.params.name === 'draft_reply');
  assert.deepEqual(retried.map((e) => e.status), [403, 200], 'refused, then served with the new token');
  assert.deepEqual(await toolNames(session), ['draft_reply', 'export_tickets', 'get_ticket', 'search_tickets', 'whoami']);
  await assertSpokeRevision(t, session);
  await session.client.close();
});

test('alice (2026-07-28) with a client that can ask her: draft_reply asks to confirm; confirmed it is recorded, declined nothing is', async (t) => {
  const questions = [];
  let reply;
  const session = await connect(new HeadlessUserProvider({ username: 'alice', password: 'alice' }), {},
    () => elicitingClient(questions, () => reply));
  const drafts = async () => JSON.parse((await session.client.readResource({ uri: 'tickets://T-1001' }, { cacheMode: 'refresh' }))
    .contents[0].text).drafts;
  const draftCalls = () => mcpPosts(session.log).filter((e) => e.body.method === 'tools/call' && e.body.params.name === 'draft_reply');

  /** One draft_reply with the user's answer; checks the two rounds on the wire and returns the tool's result. */
  async function draftAnswering(userAnswer, text) {
    reply = userAnswer;
    const asked = questions.length;
    const before = draftCalls().length;
    const result = await callTool(session, 'draft_reply', { ticketId: 'T-1001', text });
    assert.equal(questions.length, asked + 1, 'the user was asked once');
    const question = questions.at(-1);
    assert.ok(question.message.includes(text), `the question shows the draft: ${question.message}`);
    assert.deepEqual(Object.keys(question.requestedSchema.properties), ['save']);
    assert.equal(question.requestedSchema.properties.save.type, 'boolean');

    const calls = draftCalls().slice(before);
    t.diagnostic(`draft_reply answering ${JSON.stringify(userAnswer)}:\n${wire(calls)}`);
    assert.deepEqual(calls.map((e) => e.status), [200, 200], `one round trip, then the retry:\n${describe(session.log)}`);
    const [first, retry] = calls;
    assert.equal(first.body.params._meta?.[CLIENT_CAPABILITIES_META_KEY]?.elicitation !== undefined, true,
      `the call declares elicitation: ${JSON.stringify(first.body.params._meta)}`);
    assert.equal(first.body.params.inputResponses, undefined);
    assert.equal(first.body.params.requestState, undefined);
    const { result: asking } = await answer(first);
    assert.equal(asking.resultType, 'input_required', JSON.stringify(asking));
    assert.deepEqual(Object.keys(asking.inputRequests), ['confirm'], JSON.stringify(asking));
    assert.equal(asking.inputRequests.confirm.method, 'elicitation/create');
    assert.equal(asking.inputRequests.confirm.params.requestedSchema.properties.save.type, 'boolean');
    assert.equal(typeof asking.requestState, 'string');
    assert.ok(asking.requestState.length > 0, 'a sealed request state');
    assert.equal(asking.content, undefined, 'no tool result yet');

    assert.notEqual(retry.body.id, first.body.id, 'the retry is a new request');
    assert.deepEqual(retry.body.params.arguments, first.body.params.arguments, 'the same arguments');
    assert.equal(retry.body.params.requestState, asking.requestState, 'the request state echoed byte for byte');
    assert.deepEqual(retry.body.params.inputResponses?.confirm, userAnswer,
      `the answer keyed confirm: ${JSON.stringify(retry.body.params.inputResponses)}`);
    const { result: final } = await answer(retry);
    assert.equal(final.resultType, 'complete', JSON.stringify(final));
    return result;
  }

  const initial = await drafts();
  const confirmedText = `Confirmed reply ${Date.now()}: the reset link is fixed.`;
  const confirmed = await draftAnswering({ action: 'accept', content: { save: true } }, confirmedText);
  assert.ok(!confirmed.isError, JSON.stringify(confirmed));
  assert.equal(confirmed.structuredContent.ticketId, 'T-1001');
  assert.equal(confirmed.structuredContent.author, 'alice');
  assert.equal(confirmed.structuredContent.text, confirmedText);
  const afterConfirm = await drafts();
  assert.equal(afterConfirm.length, initial.length + 1, 'one draft recorded');
  const recorded = afterConfirm.at(-1);
  assert.deepEqual([recorded.ticketId, recorded.author, recorded.text], ['T-1001', 'alice', confirmedText],
    `the recorded draft is the one returned: ${JSON.stringify(afterConfirm)}`);

  for (const [how, userAnswer] of [['declined', { action: 'decline' }], ['cancelled', { action: 'cancel' }],
    ['not saved', { action: 'accept', content: { save: false } }]]) {
    const text = `Unconfirmed reply (${how}) ${Date.now()}`;
    const refused = await draftAnswering(userAnswer, text);
    assert.equal(refused.isError, true, `${how}: ${JSON.stringify(refused)}`);
    assert.deepEqual(refused.content.map((c) => c.text), ['Nothing recorded: the user did not confirm the draft'], how);
    const after = await drafts();
    assert.deepEqual(after, afterConfirm, `${how}: nothing recorded`);
    assert.ok(!after.some((d) => d.text === text), how);
  }
  await assertSpokeRevision(t, session);
  await session.client.close();
});

/**
 * The raw request path the official tasks extension package (@modelcontextprotocol/ext-tasks) asks of its host for
 * 2026-07-28 task traffic, which the 2.x client's own codecs do not carry: one POST with the session's token and the
 * protocol headers (Mcp-Name mirrors the tool's name, or the task id on tasks/*). Every exchange is recorded.
 */
function rawDispatchFor(session, exchanges) {
  let nextId = 1000;
  return async (call) => {
    // the package hands over method and params; the JSON-RPC envelope is the host's
    const request = { jsonrpc: '2.0', id: nextId++, ...call };
    const params = request.params ?? {};
    const name = request.method === 'tools/call' ? params.name : params.taskId;
    const response = await fetch(MCP_URL, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json', Accept: 'application/json, text/event-stream',
        Authorization: `Bearer ${session.provider.tokens().access_token}`, 'MCP-Protocol-Version': REVISION,
        'Mcp-Method': request.method, ...(name === undefined ? {} : { 'Mcp-Name': name }),
      },
      body: JSON.stringify(request),
    });
    const message = await response.json();
    exchanges.push({ request, status: response.status, message });
    return message.error ? { kind: 'error', error: message.error } : { kind: 'result', result: message.result };
  };
}

test('alice (2026-07-28): export_tickets runs as a task, polled to her CSV by the official tasks extension package on the 2.x client', async (t) => {
  const session = await connect(new HeadlessUserProvider({ username: 'alice', password: 'alice' }));
  assert.deepEqual(session.client.getServerCapabilities().extensions?.['io.modelcontextprotocol/tasks'], {},
    'server/discover advertises the tasks extension');
  const exchanges = [];
  const tasks = createTaskSessionFromClient(session.client, {
    endpointId: 'liberty-sample',
    rawDispatch: rawDispatchFor(session, exchanges),
    v2RequestFraming: { protocolVersion: REVISION, clientInfo: { name: 'mcp-auth-e2e-client2-tasks', version: '1.0.0' },
      clientCapabilities: {} },
  });
  try {
    const execution = await tasks.callTool('export_tickets', { pauseMs: 200 });
    const { outcome } = await execution.settle();
    const result = resultFromTaskOutcome(outcome);
    const csv = result.content[0].text;
    assert.match(csv, /^id,title,status,customer\n/, csv);
    assert.ok(csv.includes('T-1001') && !csv.includes('T-2001'), `only alice's tickets: ${csv}`);

    t.diagnostic(`task exchanges:\n${exchanges.map((e) => `${e.status} ${e.request.method} -> ${
      e.message.result?.resultType ?? 'error'} ${e.message.result?.status ?? ''}`).join('\n')}`);
    const created = exchanges.find((e) => e.request.method === 'tools/call');
    assert.equal(created.message.result.resultType, 'task', JSON.stringify(created.message));
    assert.equal(created.request.params._meta['io.modelcontextprotocol/clientCapabilities'].extensions['io.modelcontextprotocol/tasks'] !== undefined, true);
    const polls = exchanges.filter((e) => e.request.method === 'tasks/get');
    assert.ok(polls.length >= 1, 'the package polled tasks/get');
    assert.ok(polls.every((e) => e.status === 200 && e.request.params.taskId === created.message.result.taskId));
    assert.equal(polls.at(-1).message.result.status, 'completed');
  } finally {
    await tasks.close();
    await session.client.close();
  }
});

/** The same user at the login page, with a client that asks for DPoP-bound tokens (the 2.x client's dpop()). */
class DpopUserProvider extends HeadlessUserProvider {
  constructor(options) {
    super(options);
    this.dpopSession = DpopSession.create();
  }
  dpop() { return this.dpopSession; }
}

test('alice (2026-07-28) with a DPoP client: Keycloak binds her token to the client key, the sample takes it only with a proof', async (t) => {
  const provider = new DpopUserProvider({ username: 'alice', password: 'alice' });
  const session = await connect(provider);
  const tokens = provider.tokens();
  const dpop = await provider.dpop();
  assert.equal(tokens.token_type?.toLowerCase(), 'dpop', `Keycloak issued a DPoP token: ${tokens.token_type}`);
  assert.equal(decodeJwt(tokens.access_token).cnf?.jkt, dpop.thumbprint, 'the token is bound to the client key');

  const found = await callTool(session, 'search_tickets', { query: '' });
  assert.ok(JSON.stringify(found).includes('T-1001'), JSON.stringify(found));
  const calls = mcpPosts(session.log).filter((e) => e.status === 200);
  assert.ok(calls.length > 0);
  for (const call of calls) {
    assert.equal(call.headers.scheme, 'DPoP', `${call.body.method} used the DPoP scheme`);
    assert.ok(call.headers.dpop, `${call.body.method} carried a proof`);
  }
  t.diagnostic(`DPoP exchanges:\n${wire(session.log)}`);

  // the same token without its proof, as a leaked bearer token would be used
  const bare = await fetch(MCP_URL, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream',
      Authorization: `Bearer ${tokens.access_token}` },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
  });
  assert.equal(bare.status, 401);
  const refusal = await bare.json();
  assert.equal(refusal.error, 'invalid_token');
  assert.match(refusal.error_description, /bound to a DPoP key/);
  await session.client.close();
});
