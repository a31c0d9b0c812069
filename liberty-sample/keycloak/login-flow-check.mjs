#!/usr/bin/env node
// Headless OAuth 2.1 authorization-code + PKCE (S256) flow against the sample Keycloak realm "mcp":
// anonymous dynamic client registration (RFC 7591), Keycloak login form, consent form, code exchange.
// No npm dependencies (Node 20 fetch). Importable: registerClient, authorize, exchangeCode, login,
// decodeJwt, CookieJar. As a script it runs the sample's checks and exits non-zero on a failure:
//
//   node login-flow-check.mjs                  # all checks (needs `keycloak.sh start`)
//   KEYCLOAK_URL=http://localhost:8180 MCP_RESOURCE=http://localhost:9080/mcp node login-flow-check.mjs
//
// The token payload is only decoded here for the checks (no signature check: that is the resource
// server's job).
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { pathToFileURL } from 'node:url';

export const KEYCLOAK_URL = process.env.KEYCLOAK_URL ?? 'http://localhost:8180';
export const REALM = process.env.KEYCLOAK_REALM ?? 'mcp';
export const ISSUER = `${KEYCLOAK_URL}/realms/${REALM}`;
export const RESOURCE = process.env.MCP_RESOURCE ?? 'http://localhost:9080/mcp';
const REDIRECT_URI = process.env.REDIRECT_URI ?? 'http://localhost:33418/callback';
/** The users' fixed ids in realm-mcp.json: Keycloak's sub, which the sample's TicketStore keys tickets on. */
export const ALICE_ID = 'a11ce000-0000-4000-8000-000000000001';
export const BOB_ID = 'b0b00000-0000-4000-8000-000000000002';

const b64url = (buf) => Buffer.from(buf).toString('base64url');

/** Minimal cookie jar: one host, name -> value; enough for Keycloak's AUTH_SESSION_ID, KC_RESTART, ... */
export class CookieJar {
  #cookies = new Map();
  store(response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a))
        || attrs.some((a) => /^\s*expires=.*1970/i.test(a));
      if (expired || value === '') this.#cookies.delete(name); else this.#cookies.set(name, value);
    }
  }
  header() { return [...this.#cookies].map(([n, v]) => `${n}=${v}`).join('; '); }
  names() { return [...this.#cookies.keys()]; }
}

const decodeEntities = (s) => s
  .replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&#x27;/g, "'")
  .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#x2F;/g, '/').replace(/&#47;/g, '/');

const attr = (tag, name) => {
  const m = tag.match(new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)')`, 'i'));
  return m ? decodeEntities(m[2] ?? m[3]) : undefined;
};

/**
 * The forms of a Keycloak page: [{ id, action, fields: {name: value} (hidden inputs), buttons: [{name, value}] }].
 * Keycloak's login form: <form id="kc-form-login" action=".../login-actions/authenticate?session_code=..&execution=..
 * &client_id=..&tab_id=..&client_data=.." method="post"> with inputs username, password and hidden credentialId.
 * Consent form: <form action=".../login-actions/consent?client_id=..&tab_id=..&client_data=.."> with hidden "code"
 * and the submit buttons name="accept" value="Yes" / name="cancel" value="No".
 */
export function parseForms(html) {
  const forms = [];
  for (const m of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)) {
    const [, formAttrs, body] = m;
    const fields = {};
    const buttons = [];
    for (const [tag] of body.matchAll(/<(input|button)\b[^>]*>/gi)) {
      const name = attr(tag, 'name');
      if (!name) continue;
      const type = (attr(tag, 'type') ?? (tag.startsWith('<button') ? 'submit' : 'text')).toLowerCase();
      const value = attr(tag, 'value') ?? '';
      if (type === 'submit') buttons.push({ name, value });
      else if (type === 'hidden') fields[name] = value;
      else if (!(name in fields)) fields[name] = value;
    }
    forms.push({ id: attr(`<form ${formAttrs}>`, 'id'), action: attr(`<form ${formAttrs}>`, 'action'), fields, buttons });
  }
  return forms;
}

/** Text of Keycloak's error/alert message on a page, if any. */
function pageError(html) {
  const m = html.match(/id="input-error[^"]*"[^>]*>([\s\S]*?)<\/span>/i)
    ?? html.match(/class="[^"]*(?:alert-error|pf-m-danger|kc-feedback-text)[^"]*"[^>]*>([\s\S]*?)<\/(?:span|div)>/i);
  return m ? m[1].replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim() : undefined;
}

export function pkcePair() {
  const verifier = b64url(randomBytes(32)); // 43 characters
  const challenge = b64url(createHash('sha256').update(verifier).digest());
  return { verifier, challenge, method: 'S256' };
}

export function decodeJwt(jwt) {
  return JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8'));
}

async function discovery(issuer = ISSUER) {
  const r = await fetch(`${issuer}/.well-known/openid-configuration`);
  if (!r.ok) throw new Error(`discovery ${r.status} at ${issuer}`);
  return r.json();
}

/**
 * Anonymous dynamic client registration; returns the RFC 7591 response (client_id, ...). `extra` adds or overrides
 * registration metadata (e.g. the MCP Inspector's client_uri and application_type).
 */
export async function registerClient({ scope = 'tickets:read tickets:write', redirectUri = REDIRECT_URI, name = 'login-flow-check', extra = {} } = {}) {
  const body = {
    client_name: name,
    redirect_uris: [redirectUri],
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    token_endpoint_auth_method: 'none',
  };
  if (scope !== undefined && scope !== null) body.scope = scope;
  const { status, text } = await registerRaw({ ...body, ...extra });
  if (status !== 201) throw new Error(`DCR answered ${status}: ${text}`);
  return JSON.parse(text);
}

/** Sends any registration request anonymously; returns { status, text } without judging it. */
export async function registerRaw(body) {
  const meta = await discovery();
  const r = await fetch(meta.registration_endpoint, {
    method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(body),
  });
  return { status: r.status, text: await r.text() };
}

/**
 * Anonymous registration through Keycloak's own registration provider (`/clients-registrations/default`), which takes
 * a Keycloak client representation, protocol mappers included; returns { status, text } without judging it.
 */
export async function registerKeycloakRaw(representation) {
  const r = await fetch(`${ISSUER}/clients-registrations/default`, {
    method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(representation),
  });
  return { status: r.status, text: await r.text() };
}

/** RFC 7592 update of a registered client with its registration access token; returns { status, text }. */
export async function updateRegistrationRaw(registered, changes) {
  const r = await fetch(registered.registration_client_uri, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${registered.registration_access_token}` },
    body: JSON.stringify({ ...registered, ...changes }),
  });
  return { status: r.status, text: await r.text() };
}

/**
 * The names other than `localhost` that this machine's hosts file maps to a loopback address (127.0.0.0/8, ::1):
 * names that resolve to loopback here, as an attacker's DNS name can when the authorization server looks it up.
 */
export function loopbackNamesInHostsFile(file = '/etc/hosts') {
  const names = new Set();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const [address, ...aliases] = line.replace(/#.*/, '').trim().split(/\s+/);
    const loopback = (isIP(address) === 4 && address.startsWith('127.')) || (isIP(address) === 6 && /^(0*:)*:?0*1$/.test(address));
    if (!loopback) continue;
    for (const name of aliases) if (name && name.toLowerCase() !== 'localhost') names.add(name);
  }
  return [...names];
}

/**
 * Drives the browser part headlessly: authorization request -> login form -> (consent form) -> redirect with code.
 * Returns { code, state, iss, consentShown, cookies, steps }.
 */
export async function authorize({ clientId, username, password, scope, redirectUri = REDIRECT_URI, resource = RESOURCE, pkce, acceptConsent = true }) {
  const meta = await discovery();
  const url = new URL(meta.authorization_endpoint);
  url.search = new URLSearchParams({
    response_type: 'code', client_id: clientId, redirect_uri: redirectUri, scope, state: b64url(randomBytes(16)),
    code_challenge: pkce.challenge, code_challenge_method: pkce.method,
    ...(resource ? { resource } : {}), // RFC 8707, as MCP clients send it (Keycloak ignores it)
  }).toString();
  return completeAuthorization(url, { username, password, redirectUri, acceptConsent });
}

/**
 * What a user does in the browser, headlessly: opens an authorization URL that a client built (any client:
 * this script or the MCP SDK), signs in on Keycloak's login form, accepts the consent form if shown, and
 * ends at the redirect URI. Returns { code, state, iss, consentShown, consentText (the consent page's text, if shown),
 * cookies, steps }.
 */
export async function completeAuthorization(authorizationUrl, { username, password, redirectUri = REDIRECT_URI, acceptConsent = true }) {
  const url = new URL(authorizationUrl);
  const state = url.searchParams.get('state');
  const jar = new CookieJar();
  const steps = [];
  let consentShown = false;
  let consentText;
  let loginDone = false;
  let response = await fetch(url, { redirect: 'manual' });
  for (let hop = 0; hop < 10; hop++) {
    jar.store(response);
    const status = response.status;
    if (status >= 300 && status < 400) {
      const location = new URL(response.headers.get('location'), response.url || url);
      steps.push(`${status} -> ${location.origin}${location.pathname}`);
      if (location.href.startsWith(redirectUri)) {
        const p = location.searchParams;
        if (p.get('error')) throw new Error(`authorization error: ${p.get('error')} ${p.get('error_description') ?? ''}`);
        if (p.get('state') !== state) throw new Error('state mismatch');
        return { code: p.get('code'), state: p.get('state'), iss: p.get('iss'), consentShown, consentText, cookies: jar.names(), steps };
      }
      response = await fetch(location, { redirect: 'manual', headers: { cookie: jar.header() } });
      continue;
    }
    const html = await response.text();
    if (status !== 200) throw new Error(`unexpected ${status} from ${response.url}: ${pageError(html) ?? html.slice(0, 300)}`);
    const forms = parseForms(html);
    const login = forms.find((f) => f.id === 'kc-form-login' || ('username' in f.fields && 'password' in f.fields));
    const consent = forms.find((f) => f.action?.includes('/login-actions/consent'));
    let form; let extra;
    if (login) {
      if (loginDone) throw new Error(`login rejected: ${pageError(html) ?? 'login form shown again'}`);
      form = login; extra = { username, password }; loginDone = true;
      steps.push(`200 login form (${form.id}) -> POST ${new URL(form.action, response.url).pathname}`);
    } else if (consent) {
      consentShown = true;
      consentText = html.replace(/<script[\s\S]*?<\/script>/gi, ' ').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
      const accept = consent.buttons.find((b) => b.name === (acceptConsent ? 'accept' : 'cancel'));
      if (!accept) throw new Error('consent form without accept/cancel button');
      form = consent; extra = { [accept.name]: accept.value };
      steps.push(`200 consent form -> POST ${new URL(form.action, response.url).pathname} ${accept.name}=${accept.value}`);
    } else {
      throw new Error(`unexpected page at ${response.url}: ${pageError(html) ?? html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').slice(0, 300)}`);
    }
    response = await fetch(new URL(form.action, response.url), {
      method: 'POST', redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.header() },
      body: new URLSearchParams({ ...form.fields, ...extra }).toString(),
    });
  }
  throw new Error(`too many steps: ${steps.join(' | ')}`);
}

export async function exchangeCode({ clientId, code, verifier, redirectUri = REDIRECT_URI, resource = RESOURCE }) {
  const meta = await discovery();
  const r = await fetch(meta.token_endpoint, {
    method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: new URLSearchParams({
      grant_type: 'authorization_code', code, redirect_uri: redirectUri, client_id: clientId, code_verifier: verifier,
      ...(resource ? { resource } : {}),
    }).toString(),
  });
  const json = await r.json();
  if (!r.ok) throw new Error(`token endpoint ${r.status}: ${JSON.stringify(json)}`);
  return json;
}

/** A refresh_token grant for a public client; returns the token response. */
export async function refresh({ clientId, refreshToken }) {
  const { status, json } = await refreshRaw({ clientId, refreshToken });
  if (status !== 200) throw new Error(`token endpoint ${status}: ${JSON.stringify(json)}`);
  return json;
}

/** A refresh_token grant for a public client; returns { status, json } without judging it. */
export async function refreshRaw({ clientId, refreshToken }) {
  const meta = await discovery();
  const r = await fetch(meta.token_endpoint, {
    method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: clientId }).toString(),
  });
  return { status: r.status, json: await r.json() };
}

/** The whole browser + token part for one user: returns { tokens, claims, consentShown, ... }. */
export async function login({ clientId, username, password, scope = 'openid tickets:read tickets:write', ...rest }) {
  const pkce = pkcePair();
  const auth = await authorize({ clientId, username, password, scope, pkce, ...rest });
  const tokens = await exchangeCode({ clientId, code: auth.code, verifier: pkce.verifier, ...rest });
  return { ...auth, tokens, claims: decodeJwt(tokens.access_token) };
}

// ---------------------------------------------------------------------------------------------- checks
async function main() {
  let failures = 0;
  const check = (ok, what) => { console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`); if (!ok) failures++; };
  const scopesOf = (c) => (c.scope ?? '').split(' ').filter(Boolean);
  const audOf = (c) => [].concat(c.aud ?? []);
  const show = (c) => JSON.stringify({ sub: c.sub, preferred_username: c.preferred_username, aud: c.aud, azp: c.azp, scope: c.scope, iss: c.iss, exp_in: c.exp - c.iat });

  const client = await registerClient({ scope: 'tickets:read tickets:write' });
  check(!!client.client_id && client.token_endpoint_auth_method === 'none', `DCR (scope "tickets:read tickets:write") -> 201, client_id ${client.client_id}, token_endpoint_auth_method ${client.token_endpoint_auth_method}`);

  const expectToken = (r, user, { write, clientId = client.client_id }) => {
    const c = r.claims;
    console.log(`     ${user}: ${show(c)}  consent page: ${r.consentShown}`);
    check(audOf(c).includes(RESOURCE), `${user}: aud contains ${RESOURCE}`);
    check(scopesOf(c).includes('tickets:read'), `${user}: scope contains tickets:read`);
    check(scopesOf(c).includes('tickets:write') === write, `${user}: scope ${write ? 'contains' : 'lacks'} tickets:write`);
    check(c.preferred_username === user, `${user}: preferred_username ${c.preferred_username}`);
    check(c.sub === { alice: ALICE_ID, bob: BOB_ID }[user], `${user}: sub is the user's fixed id ${c.sub} (what the sample keys tickets on)`);
    check(c.azp === clientId, `${user}: azp is the client id`);
    check(c.iss === ISSUER, `${user}: iss ${c.iss}`);
  };

  // step-up scenario: first a token with tickets:read only, then the same client asks for tickets:write too
  const aliceRead = await login({ clientId: client.client_id, username: 'alice', password: 'alice', scope: 'openid tickets:read' });
  console.log(`     steps: ${aliceRead.steps.join(' | ')}`);
  console.log(`     cookies at the end: ${aliceRead.cookies.join(', ')}`);
  expectToken(aliceRead, 'alice', { write: false });
  check(aliceRead.consentShown, 'alice: consent page on the first authorization of this client (accepted)');

  const alice = await login({ clientId: client.client_id, username: 'alice', password: 'alice' });
  expectToken(alice, 'alice', { write: true });
  check(alice.consentShown, 'alice: consent page again when the client asks for the new scope tickets:write (step-up)');

  const aliceAgain = await login({ clientId: client.client_id, username: 'alice', password: 'alice' });
  check(!aliceAgain.consentShown && scopesOf(aliceAgain.claims).includes('tickets:write'), 'alice: no consent page once both scopes were granted (consent is remembered per user and client)');

  const bob = await login({ clientId: client.client_id, username: 'bob', password: 'bob' });
  expectToken(bob, 'bob', { write: false });

  // a client that registered with scope "tickets:read" cannot step up: Keycloak answers invalid_scope
  const client2 = await registerClient({ scope: 'tickets:read' });
  const aliceR2 = await login({ clientId: client2.client_id, username: 'alice', password: 'alice', scope: 'openid tickets:read' });
  check(!scopesOf(aliceR2.claims).includes('tickets:write') && audOf(aliceR2.claims).includes(RESOURCE), 'client registered with scope "tickets:read": token with tickets:read, aud ok');
  let stepUp;
  try { stepUp = (await login({ clientId: client2.client_id, username: 'alice', password: 'alice', scope: 'openid tickets:read tickets:write' })).claims.scope; } catch (e) { stepUp = e.message; }
  check(/invalid_scope/.test(stepUp), `client registered with scope "tickets:read" asking for tickets:write: ${stepUp}`);

  const client3 = await registerClient({ scope: null });
  const alice3 = await login({ clientId: client3.client_id, username: 'alice', password: 'alice' });
  expectToken(alice3, 'alice', { write: true, clientId: client3.client_id });
  console.log('     (client registered without "scope")');

  const whoami = await login({ clientId: client.client_id, username: 'bob', password: 'bob', scope: 'openid' });
  check(audOf(whoami.claims).includes(RESOURCE) && !scopesOf(whoami.claims).some((s) => s.startsWith('tickets:')),
    `bob with scope "openid" only: aud ok, no tickets scope (scope "${whoami.claims.scope}")`);

  let wrong;
  try { await login({ clientId: client.client_id, username: 'bob', password: 'wrong' }); } catch (e) { wrong = e.message; }
  check(/login rejected/.test(wrong ?? ''), `wrong password is reported: ${wrong}`);

  // clients as people use them: the MCP Inspector 2.x registers with a client_uri on github.com, application_type
  // native and offline_access; the TypeScript SDK 2.x adds offline_access when its registration lists refresh_token
  const inspector = await registerClient({ name: 'MCP Inspector', redirectUri: 'http://localhost:6274/oauth/callback',
    scope: 'tickets:read tickets:write offline_access',
    extra: { client_uri: 'https://github.com/modelcontextprotocol/inspector', application_type: 'native' } });
  check(!!inspector.client_id, `DCR like the MCP Inspector 2.x (client_uri on github.com, offline_access) -> 201, client_id ${inspector.client_id}`);
  const offline = await login({ clientId: inspector.client_id, username: 'alice', password: 'alice',
    scope: 'tickets:read tickets:write offline_access', redirectUri: 'http://localhost:6274/oauth/callback' });
  check(scopesOf(offline.claims).includes('tickets:write') && audOf(offline.claims).includes(RESOURCE)
    && decodeJwt(offline.tokens.refresh_token).typ === 'Offline',
    `alice with offline_access: token with tickets:write, aud ok, refresh token of type ${decodeJwt(offline.tokens.refresh_token).typ}`);
  const offlineRefresh = decodeJwt(offline.tokens.refresh_token);
  const offlineDays = offlineRefresh.exp ? (offlineRefresh.exp - offlineRefresh.iat) / 86400 : Infinity;
  check(offlineDays <= 30, `the offline refresh token expires (offline session max lifespan): exp - iat = ${offlineDays.toFixed(1)} days`);
  // Keycloak refuses the refresh token it just rotated out by a use count, and any older one by comparing its iat with
  // the session's last refresh, both in whole seconds: an older token replayed within the same second as the later
  // rotations would pass, so the checks below let a second go by first (a real replay comes later than that)
  const nextSecond = () => new Promise((resolve) => setTimeout(resolve, 1100));
  await nextSecond();
  const refreshed = await refresh({ clientId: inspector.client_id, refreshToken: offline.tokens.refresh_token });
  check(scopesOf(decodeJwt(refreshed.access_token)).includes('tickets:write'), 'the offline refresh token gives a new access token with the same scopes');
  // OAuth 2.1 §4.3.1: a public client's refresh token is rotated, and a used one is refused
  check(!!refreshed.refresh_token && refreshed.refresh_token !== offline.tokens.refresh_token,
    'the refresh answers with a NEW refresh token (rotation)');
  const next = await refreshRaw({ clientId: inspector.client_id, refreshToken: refreshed.refresh_token });
  check(next.status === 200 && scopesOf(decodeJwt(next.json.access_token)).includes('tickets:write') && next.json.refresh_token !== refreshed.refresh_token,
    `the new refresh token works (and is rotated in turn): ${next.status}${next.status === 200 ? '' : ' ' + JSON.stringify(next.json)}`);
  const reused = await refreshRaw({ clientId: inspector.client_id, refreshToken: offline.tokens.refresh_token });
  check(reused.status === 400 && reused.json.error === 'invalid_grant',
    `the first refresh token used a second time is refused: ${reused.status} ${reused.json.error} "${reused.json.error_description ?? ''}"`);
  // RFC 9700 §4.14.2: a replayed refresh token means one of two holders is not the client, so Keycloak ends the
  // client's session and the newest refresh token stops working too
  const afterReuse = await refreshRaw({ clientId: inspector.client_id, refreshToken: next.json.refresh_token });
  check(afterReuse.status === 400 && afterReuse.json.error === 'invalid_grant',
    `after the replay the latest refresh token is refused as well (the client's session is ended): ${afterReuse.status} ${afterReuse.json.error} "${afterReuse.json.error_description ?? ''}"`);
  const online = await refresh({ clientId: client.client_id, refreshToken: alice.tokens.refresh_token });
  const onlineReused = await refreshRaw({ clientId: client.client_id, refreshToken: alice.tokens.refresh_token });
  check(online.refresh_token !== alice.tokens.refresh_token && onlineReused.status === 400 && onlineReused.json.error === 'invalid_grant',
    `an online (non-offline) refresh token is rotated too, and refused when used again: ${onlineReused.status} ${onlineReused.json.error}`);
  const bobOffline = await login({ clientId: inspector.client_id, username: 'bob', password: 'bob',
    scope: 'tickets:read tickets:write offline_access', redirectUri: 'http://localhost:6274/oauth/callback' });
  check(bobOffline.consentShown && !scopesOf(bobOffline.claims).includes('tickets:write'),
    `bob with offline_access: token without tickets:write (scope "${bobOffline.claims.scope}")`);
  console.log(`     bob's consent page: ${bobOffline.consentText?.match(/Do you grant[\s\S]*?(?=Yes|No|$)/)?.[0]?.slice(0, 300)}`);

  // ... but redirect URIs stay on loopback (client policy mcp-dcr-loopback-redirect-uris)
  for (const redirect of ['https://evil.example.com/callback', 'http://192.0.2.1:8080/callback', 'com.example.app:/callback',
    'http://localhost:6274/*', 'https://localhost.evil.example.com/callback']) {
    const { status, text } = await registerRaw({ client_name: 'foreign redirect', redirect_uris: [redirect], token_endpoint_auth_method: 'none' });
    check(status >= 400 && status < 500, `DCR with redirect URI ${redirect} refused: ${status} ${text}`);
  }
  for (const redirect of ['http://127.0.0.1:6274/oauth/callback', 'http://[::1]:6274/oauth/callback', 'https://localhost:8443/cb']) {
    const { status, text } = await registerRaw({ client_name: 'loopback redirect', redirect_uris: [redirect], token_endpoint_auth_method: 'none' });
    check(status === 201, `DCR with loopback redirect URI ${redirect}: ${status}${status === 201 ? '' : ' ' + text}`);
  }

  // ... and on hosts that are literally loopback: a name that merely resolves to loopback where Keycloak runs is refused
  // (an attacker's DNS name can answer 127.0.0.1 to Keycloak and the attacker's address to the victim's browser)
  const rebindNames = loopbackNamesInHostsFile();
  check(rebindNames.length > 0, rebindNames.length ? `names mapped to loopback in /etc/hosts: ${rebindNames.join(', ')}`
    : 'no name other than localhost maps to a loopback address in /etc/hosts, so the DNS-rebinding check has nothing to try: '
      + 'add a line "127.0.0.1 mcp-rebind-check.test" to /etc/hosts (.ci/run does)');
  for (const name of rebindNames) {
    const redirect = `http://${name.includes(':') ? `[${name}]` : name}:6274/oauth/callback`;
    const { status, text } = await registerRaw({ client_name: 'rebind', redirect_uris: [redirect], token_endpoint_auth_method: 'none' });
    check(status >= 400 && status < 500, `DCR with redirect URI ${redirect} (${name} resolves to loopback here) refused: ${status} ${text}`);
  }
  for (const redirect of ['http://localhost.:6274/oauth/callback', 'http://127.0.0.2:6274/oauth/callback', 'http://[0:0:0:0:0:0:0:1]:6274/oauth/callback']) {
    const { status, text } = await registerRaw({ client_name: 'not literally loopback', redirect_uris: [redirect], token_endpoint_auth_method: 'none' });
    check(status >= 400 && status < 500, `DCR with redirect URI ${redirect} refused (not one of localhost, 127.0.0.1, [::1]): ${status} ${text}`);
  }
  if (rebindNames.length) {
    const name = rebindNames[0];
    const postLogout = await registerRaw({ client_name: 'rebind post-logout', redirect_uris: [REDIRECT_URI],
      post_logout_redirect_uris: [`http://${name}:6274/`], token_endpoint_auth_method: 'none' });
    check(postLogout.status >= 400 && postLogout.status < 500, `DCR with post_logout_redirect_uri http://${name}:6274/ refused: ${postLogout.status} ${postLogout.text}`);
    const registered = await registerClient({ scope: 'tickets:read', name: 'rebind update' });
    const loopbackUpdate = await updateRegistrationRaw(registered, { redirect_uris: ['http://127.0.0.1:6274/oauth/callback'] });
    check(loopbackUpdate.status === 200, `a registered client's own update (RFC 7592) to http://127.0.0.1:6274/oauth/callback: ${loopbackUpdate.status}${loopbackUpdate.status === 200 ? '' : ' ' + loopbackUpdate.text}`);
    // each update answers with a new registration access token
    const updated = loopbackUpdate.status === 200 ? JSON.parse(loopbackUpdate.text) : registered;
    const update = await updateRegistrationRaw(updated, { redirect_uris: [`http://${name}:6274/oauth/callback`] });
    check(update.status >= 400 && update.status < 500, `its update to redirect URI http://${name}:6274/oauth/callback refused: ${update.status} ${update.text}`);
  }

  // a self-registered client may not bring claim mappers: one could write any claim (preferred_username from a first
  // name the user chose, say) or change sub itself (pairwise)
  const mappers = [
    ['oidc-usermodel-property-mapper', { 'user.attribute': 'firstName', 'claim.name': 'preferred_username' }],
    ['oidc-usermodel-attribute-mapper', { 'user.attribute': 'nickname', 'claim.name': 'preferred_username' }],
    ['oidc-sha256-pairwise-sub-mapper', { sectorIdentifierUri: '', pairwiseSubAlgorithmSalt: '' }],
  ];
  for (const [type, config] of mappers) {
    const { status, text } = await registerKeycloakRaw({
      clientId: `mapper-check-${b64url(randomBytes(6))}`, publicClient: true, standardFlowEnabled: true, redirectUris: [REDIRECT_URI],
      protocolMappers: [{ name: 'client-chosen claim', protocol: 'openid-connect', protocolMapper: type,
        config: { 'jsonType.label': 'String', 'access.token.claim': 'true', 'id.token.claim': 'true', 'introspection.token.claim': 'true', ...config } }],
    });
    check(status >= 400 && status < 500, `anonymous registration with a protocol mapper of type ${type} refused: ${status} ${text}`);
  }
  // OIDC DCR's subject_type "pairwise" is the one way left to a pairwise sub: Keycloak adds that mapper after the
  // registration policies ran, so none can refuse it. Its sub is Keycloak's hash of sector, user id and a salt Keycloak
  // chose, so it can never be another user's id: the user just looks like someone new (no tickets) to the resource server
  const pairwise = await registerClient({ scope: 'tickets:read', name: 'pairwise', extra: { subject_type: 'pairwise' } });
  const pairwiseAlice = await login({ clientId: pairwise.client_id, username: 'alice', password: 'alice', scope: 'openid tickets:read' });
  check(![ALICE_ID, BOB_ID].includes(pairwiseAlice.claims.sub) && /^[0-9a-f-]{36}$/.test(pairwiseAlice.claims.sub),
    `DCR with subject_type "pairwise" is accepted (Keycloak adds the mapper after the policies), and alice's sub through it is a hash, not a user's id: ${pairwiseAlice.claims.sub}`);
  const plainDefault = await registerKeycloakRaw({ clientId: `no-mapper-${b64url(randomBytes(6))}`, publicClient: true, standardFlowEnabled: true, redirectUris: [REDIRECT_URI] });
  check(plainDefault.status === 201, `the same registration without mappers: ${plainDefault.status}${plainDefault.status === 201 ? '' : ' ' + plainDefault.text}`);

  // PKCE is required (client policy): an authorization request without code_challenge is refused
  const noPkce = new URL((await discovery()).authorization_endpoint);
  noPkce.search = new URLSearchParams({ response_type: 'code', client_id: client.client_id, redirect_uri: REDIRECT_URI, scope: 'openid', state: 'x' }).toString();
  const r = await fetch(noPkce, { redirect: 'manual' });
  const loc = r.headers.get('location') ?? '';
  check(r.status === 302 && /error=invalid_request/.test(loc), `authorization request without PKCE refused: ${r.status} ${decodeURIComponent(loc.replace(/^.*\?/, ''))}`);
  const plain = new URL(noPkce); plain.searchParams.set('code_challenge', 'x'.repeat(43)); plain.searchParams.set('code_challenge_method', 'plain');
  const r2 = await fetch(plain, { redirect: 'manual' });
  check(r2.status === 302 && /error=invalid_request/.test(r2.headers.get('location') ?? ''), `code_challenge_method=plain refused: ${r2.status} ${decodeURIComponent((r2.headers.get('location') ?? '').replace(/^.*\?/, ''))}`);

  console.log(failures ? `${failures} check(s) failed` : 'all checks passed');
  process.exitCode = failures ? 1 : 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((e) => { console.error(e); process.exitCode = 2; });
}
