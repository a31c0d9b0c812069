// The MCP Inspector walkthrough of docs/demo.md, done by a real browser: the MCP Inspector 2.12.0 (from npm, on Node 22
// from npm) is started as a user starts it, headless Chromium (Debian's package, driven by playwright-core, no
// browser download) adds the sample with "Add Servers -> + Add manually", connects with the card's switch, signs
// in at Keycloak as alice and then as bob (each with a fresh Inspector and a fresh browser), lists the tools and
// calls whoami. Screenshots go to it/target/browser/. Needs the sample on MCP_URL and Keycloak on KEYCLOAK_URL
// (SampleEndToEndIT starts both), and must run on Node >= 22.19 (the Inspector's engines field).
//
//   node --test it/browser/inspector.browser.test.mjs
//
// Environment: MCP_URL (http://localhost:9080/mcp), CHROMIUM (/usr/bin/chromium), SCREENSHOTS (it/target/browser),
// INSPECTOR_PORT (6274).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const HERE = dirname(fileURLToPath(import.meta.url));
const MCP_URL = process.env.MCP_URL ?? 'http://localhost:9080/mcp';
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const SHOTS = process.env.SCREENSHOTS ?? join(HERE, '..', 'target', 'browser');
const PORT = Number(process.env.INSPECTOR_PORT ?? 6274);
const INSPECTOR = join(dirname(createRequire(import.meta.url).resolve('@modelcontextprotocol/inspector/package.json')),
  'clients', 'launcher', 'build', 'index.js');
// Chromium as the machine's closed network wants it: no background connections, no first-run or update traffic
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

let browser;
before(async () => {
  assert.ok(existsSync(CHROMIUM), `no Chromium at ${CHROMIUM}: apt-get install chromium (.ci/run does it)`);
  const [major, minor] = process.versions.node.split('.').map(Number);
  assert.ok(major > 22 || (major === 22 && minor >= 19), `the Inspector 2.12.0 needs Node >= 22.19, this is ${process.version}`);
  mkdirSync(SHOTS, { recursive: true });
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
});
after(async () => { await browser?.close(); });

/** `npx @modelcontextprotocol/inspector` as a user runs it, with its own home and secrets kept in memory only. */
async function startInspector(user) {
  const home = join(SHOTS, `inspector-home-${user}`);
  rmSync(home, { recursive: true, force: true });
  mkdirSync(home, { recursive: true });
  const token = randomBytes(16).toString('hex');
  const child = spawn(process.execPath, [INSPECTOR], {
    cwd: home,
    env: { ...process.env, HOME: home, CLIENT_PORT: String(PORT), MCP_INSPECTOR_API_TOKEN: token, MCP_AUTO_OPEN_ENABLED: 'false',
      MCP_INSPECTOR_SECRET_STORE: 'memory' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => { output += d; });
  child.stderr.on('data', (d) => { output += d; });
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the Inspector did not start in 60 s:\n${output}`)), 60_000);
    const look = () => {
      const m = output.match(/(http:\/\/\S+\?MCP_INSPECTOR_API_TOKEN=\w+)/);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    };
    child.stdout.on('data', look);
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`the Inspector exited (${code}):\n${output}`)); });
  });
  return {
    url, output: () => output,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** The steps of docs/demo.md, one user: returns what the user saw. */
async function walkthrough(user, password) {
  const inspector = await startInspector(user);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const shot = (name) => page.screenshot({ path: join(SHOTS, `${user}-${name}.png`) });
  try {
    // 1. the URL the Inspector printed (it carries MCP_INSPECTOR_API_TOKEN)
    await page.goto(inspector.url);
    await page.getByRole('button', { name: 'Add Servers' }).click();
    // 2. Add Servers -> + Add manually: Server ID, Transport streamable-http, URL
    await page.getByRole('menuitem', { name: /Add manually/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Server ID').fill('support-tickets');
    await dialog.getByLabel('Transport').click();
    await page.getByRole('option', { name: 'streamable-http' }).click();
    await dialog.getByLabel('URL').fill(MCP_URL);
    await shot('1-add-server');
    await dialog.getByRole('button', { name: 'Add', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    // 3. the card's switch connects: 401 -> resource metadata -> Keycloak -> dynamic registration -> login page
    const card = page.locator('div').filter({ has: page.getByText('support-tickets', { exact: true }) }).filter({ hasText: MCP_URL }).last();
    await card.locator('input[type=checkbox]').first().check({ force: true });
    await page.waitForURL(/\/realms\/mcp\/protocol\/openid-connect\/auth/, { timeout: 60_000 });
    const authorizationUrl = new URL(page.url());
    await page.getByLabel('Username or email').fill(user);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await shot('2-keycloak-login');
    await page.getByRole('button', { name: 'Sign In' }).click();
    // 4. Keycloak's consent page (dynamically registered clients need consent)
    await page.getByRole('button', { name: 'Yes' }).waitFor({ timeout: 30_000 });
    const consent = await page.locator('body').innerText();
    await shot('3-consent');
    await page.getByRole('button', { name: 'Yes' }).click();
    // 5. back in the Inspector: connected
    await page.waitForURL((url) => url.port === String(PORT), { timeout: 30_000 });
    await card.getByText('Connected', { exact: true }).waitFor({ timeout: 60_000 });
    await shot('4-connected');
    // 6. Tools: the list the server shows this user
    await page.getByText('Tools', { exact: true }).first().click();
    await page.getByText(/^Tools \(\d+\)$/).waitFor({ timeout: 30_000 });
    const heading = await page.getByText(/^Tools \(\d+\)$/).innerText();
    const tools = [];
    for (const name of ['draft_reply', 'export_tickets', 'get_ticket', 'search_tickets', 'whoami']) {
      if (await page.getByText(name, { exact: true }).count()) tools.push(name);
    }
    await shot('5-tools');
    // 7. whoami: select it, Execute Tool, read the result
    await page.getByText('whoami', { exact: true }).first().click();
    await page.getByRole('button', { name: 'Execute Tool' }).click();
    const result = page.getByText(new RegExp(`"?preferred_username"?|${user}`)).last();
    await result.waitFor({ timeout: 30_000 });
    await page.waitForTimeout(500);
    const afterRun = await page.locator('body').innerText();
    await shot('6-whoami');
    // 8. the browser itself may talk to the server (CORS): a fetch from the Inspector's page, preflight included
    const cors = await page.evaluate(async (mcpUrl) => {
      const r = await fetch(mcpUrl, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream',
        authorization: 'Bearer not-a-token', 'mcp-protocol-version': '2025-11-25' }, body: '{"jsonrpc":"2.0","id":1,"method":"ping"}' });
      return { status: r.status, challenge: r.headers.get('www-authenticate') };
    }, MCP_URL);
    return { authorizationUrl, consent, heading, tools, afterRun, cors };
  } catch (e) {
    await shot('failure').catch(() => {});
    e.message += `\n(page ${page.url()}; screenshots in ${SHOTS}; Inspector output:\n${inspector.output().slice(-3000)})`;
    throw e;
  } finally {
    await context.close();
    await inspector.stop();
  }
}

test('alice connects the Inspector, sees all five tools, and whoami answers with her name', async () => {
  const seen = await walkthrough('alice', 'alice');
  assert.match(seen.authorizationUrl.searchParams.get('scope'), /tickets:read/);
  assert.equal(seen.authorizationUrl.searchParams.get('code_challenge_method'), 'S256');
  assert.equal(seen.heading, 'Tools (5)');
  assert.deepEqual(seen.tools, ['draft_reply', 'export_tickets', 'get_ticket', 'search_tickets', 'whoami']);
  assert.match(seen.afterRun, /alice/);
  assert.equal(seen.cors.status, 401, 'the browser reads the 401 after the CORS preflight');
  assert.match(seen.cors.challenge ?? '', /^Bearer .*resource_metadata=/, 'WWW-Authenticate is exposed to the page');
});

test('bob connects the same way, sees four tools (no draft_reply), and whoami answers with his name', async () => {
  const seen = await walkthrough('bob', 'bob');
  assert.equal(seen.heading, 'Tools (4)');
  assert.deepEqual(seen.tools, ['export_tickets', 'get_ticket', 'search_tickets', 'whoami']);
  assert.match(seen.afterRun, /bob/);
});
