// Turns what run-bench.sh and it/scale/run-scale-bench.sh collected into the tables of docs/performance.md: per variant
// and connection count, the median over the rounds of requests/s, p50 and p99, and the error count; the ratios computed
// from those medians (auth on / off, the 2026-07-28 wire / the 2025 wire, DPoP / Bearer, ours / each peer on the same wire; two
// instances through nginx / one direct); startup time to the first 200 and resident memory after the run, per server
// process, when their files are given.
//
//   node report.mjs results.jsonl rss.json startup.json out.md      (rss.json and startup.json may be "-": no such table)
import { readFileSync, writeFileSync } from 'node:fs';

const [resultsFile, rssFile, startupFile, outFile] = process.argv.slice(2);
const runs = readFileSync(resultsFile, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
const readJson = (file) => (file && file !== '-' ? JSON.parse(readFileSync(file, 'utf8')) : null);
const rss = readJson(rssFile);
const startup = readJson(startupFile) ?? {};
const median = (values) => { const s = [...values].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const ms = (us) => (us / 1000).toFixed(2);
const labels = {
  'auth-on': 'ours (Liberty), auth on, 2025-11-25 wire',
  'auth-on-2026': 'ours (Liberty), auth on, 2026-07-28 wire',
  'auth-on-dpop': 'ours (Liberty), auth on, DPoP (ES256 proof per request), 2025-11-25 wire',
  'auth-off': 'ours (Liberty), auth off, 2025-11-25 wire',
  'on-behalf-of': 'ours (Liberty), the tool calls the ticket API on the caller\'s behalf (cached exchange)',
  'telemetry-on': 'ours (Liberty), auth on, tracing on (OTLP export)',
  quarkus: 'Quarkus MCP 1.13 + OIDC, 2025-11-25 wire',
  ts2: 'TS SDK 2.4, 2026-07-28 wire',
  'ts2-2025': 'TS SDK 2.4, 2025-11-25 wire',
  reference: 'TS SDK 1.32, 2025-11-25 wire',
  'payara-on': 'ours (Payara Micro), auth on', 'payara-off': 'ours (Payara Micro), auth off',
};
// the variants of it/scale/run-scale-bench.sh
const scaleLabels = { 'one-direct': 'one Liberty instance, direct', 'two-nginx': 'two instances through nginx' };
Object.assign(labels, scaleLabels);
const serverLabels = {
  'liberty-on': 'ours on Open Liberty, auth on', 'liberty-off': 'ours on Open Liberty, auth off',
  'liberty-obo': 'ours on Open Liberty, tickets behind the ticket API', 'liberty-otel': 'ours on Open Liberty, tracing on',
  quarkus: 'Quarkus MCP 1.13 + OIDC (JVM)', ts2: 'TS SDK 2.4 (Node)', ts1: 'TS SDK 1.32 (Node)',
  'payara-on': 'ours on Payara Micro, auth on', 'payara-off': 'ours on Payara Micro, auth off',
};
const variants = Object.keys(labels).filter((v) => runs.some((r) => r.variant === v));
const connections = [...new Set(runs.map((r) => r.connections))].sort((a, b) => a - b);
const stats = {};
for (const v of variants) for (const c of connections) {
  const sel = runs.filter((r) => r.variant === v && r.connections === c);
  if (!sel.length) continue;
  stats[`${v}/${c}`] = {
    rps: median(sel.map((r) => r.rps)), p50: median(sel.map((r) => r.p50_us)), p99: median(sel.map((r) => r.p99_us)),
    errors: sel.reduce((n, r) => n + r.socket_errors + r.wrong, 0), requests: sel.reduce((n, r) => n + r.requests, 0),
  };
}
let out = '| variant | conns | req/s | p50 ms | p99 ms | errors / requests |\n| --- | ---: | ---: | ---: | ---: | ---: |\n';
for (const c of connections) for (const v of variants) {
  const s = stats[`${v}/${c}`];
  if (s) out += `| ${labels[v]} | ${c} | ${s.rps.toFixed(0)} | ${ms(s.p50)} | ${ms(s.p99)} | ${s.errors} / ${s.requests} |\n`;
}

// each ratio: [heading, numerator variant, denominator variant, shown as percent?]
const ratios = [
  ['auth on / auth off', 'auth-on', 'auth-off', true],
  ['2026 wire / 2025 wire (ours)', 'auth-on-2026', 'auth-on', true],
  ['DPoP / Bearer (ours)', 'auth-on-dpop', 'auth-on', true],
  ['on behalf of / in memory (ours)', 'on-behalf-of', 'auth-on', true],
  ['tracing on / off (ours)', 'telemetry-on', 'auth-on', true],
  ['ours / Quarkus (2025)', 'auth-on', 'quarkus', false],
  ['ours / TS 2.4 (2026)', 'auth-on-2026', 'ts2', false],
  ['ours / TS 2.4 (2025)', 'auth-on', 'ts2-2025', false],
  ['ours / TS 1.32 (2025)', 'auth-on', 'reference', false],
  ['two instances through nginx / one direct', 'two-nginx', 'one-direct', true],
].filter(([, a, b]) => variants.includes(a) && variants.includes(b));
// the p99 column compares ours with Quarkus: a column of the peers' run, not of the scale-out one
const p99Column = !variants.some((v) => v in scaleLabels) && variants.includes('auth-on') && variants.includes('quarkus');
if (ratios.length) {
  out += `\n| conns | ${ratios.map(([h]) => `${h}, req/s`).join(' | ')}${p99Column ? ' | p99 ours / Quarkus' : ''} |\n`;
  out += `| ---: | ${ratios.map(() => '---:').join(' | ')}${p99Column ? ' | ---:' : ''} |\n`;
  for (const c of connections) {
    const cells = ratios.map(([, a, b, percent]) => {
      const x = stats[`${a}/${c}`]; const y = stats[`${b}/${c}`];
      if (!x || !y) return '';
      return percent ? `${(x.rps / y.rps * 100).toFixed(0)} %` : `${(x.rps / y.rps).toFixed(2)}x`;
    });
    const on = stats[`auth-on/${c}`]; const q = stats[`quarkus/${c}`];
    out += `| ${c} | ${cells.join(' | ')}${p99Column ? ` | ${on && q ? (on.p99 / q.p99).toFixed(2) : ''}` : ''} |\n`;
  }
}
if (rss) {
  out += '\n| server process | first 200 after launch | RSS after the run |\n| --- | ---: | ---: |\n';
  for (const [name, kib] of Object.entries(rss)) {
    out += `| ${serverLabels[name] ?? name} | ${startup[name] !== undefined ? (startup[name] / 1000).toFixed(1) + ' s' : ''} | ${(kib / 1024).toFixed(0)} MiB |\n`;
  }
}
writeFileSync(outFile, out);
console.log(out);
