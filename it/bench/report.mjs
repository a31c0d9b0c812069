// Turns the RESULT lines collected by run-bench.sh (results.jsonl) into the README's table: per variant and
// connection count, the median over the rounds of requests/s, p50 and p99, the error count, and the ratios
// auth-on/auth-off and ours/reference computed from those medians; when the run had the Payara Micro variants,
// a Liberty vs Payara table with the auth-on/auth-off ratio on each server.
import { readFileSync, writeFileSync } from 'node:fs';

const [resultsFile, rssFile, outFile] = process.argv.slice(2);
const runs = readFileSync(resultsFile, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
const rss = JSON.parse(readFileSync(rssFile, 'utf8'));
const median = (values) => { const s = [...values].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const ms = (us) => (us / 1000).toFixed(2);
const variants = ['auth-on', 'auth-off', 'payara-on', 'payara-off', 'reference'];
const labels = {
  'auth-on': 'Liberty + runtime, auth on', 'auth-off': 'Liberty + runtime, auth off',
  'payara-on': 'Payara Micro + runtime, auth on', 'payara-off': 'Payara Micro + runtime, auth off', reference: 'TS SDK reference, auth on',
};
const connections = [...new Set(runs.map((r) => r.connections))].sort((a, b) => a - b);
const stats = {};
for (const v of variants) for (const c of connections) {
  const sel = runs.filter((r) => r.variant === v && r.connections === c);
  if (!sel.length) continue;
  stats[`${v}/${c}`] = {
    rps: median(sel.map((r) => r.rps)), p50: median(sel.map((r) => r.p50_us)), p99: median(sel.map((r) => r.p99_us)),
    errors: sel.reduce((n, r) => n + r.socket_errors + r.wrong, 0), requests: sel.reduce((n, r) => n + r.requests, 0), rounds: sel.length,
  };
}
let out = '| variant | conns | req/s | p50 ms | p99 ms | errors / requests |\n| --- | ---: | ---: | ---: | ---: | ---: |\n';
for (const c of connections) for (const v of variants) {
  const s = stats[`${v}/${c}`];
  if (s) out += `| ${labels[v]} | ${c} | ${s.rps.toFixed(0)} | ${ms(s.p50)} | ${ms(s.p99)} | ${s.errors} / ${s.requests} |\n`;
}
out += '\n| conns | auth-on / auth-off (req/s) | ours / reference (req/s) | p99 ours / reference |\n| ---: | ---: | ---: | ---: |\n';
for (const c of connections) {
  const on = stats[`auth-on/${c}`]; const off = stats[`auth-off/${c}`]; const ref = stats[`reference/${c}`];
  if (on && off && ref) out += `| ${c} | ${(on.rps / off.rps * 100).toFixed(0)} % | ${(on.rps / ref.rps).toFixed(2)}x | ${(on.p99 / ref.p99).toFixed(2)} |\n`;
}
if (connections.some((c) => stats[`payara-on/${c}`])) {
  out += '\n| conns | Liberty on / off (req/s) | Liberty on / off | Liberty p99 on / off ms | Payara on / off (req/s) | Payara on / off | Payara p99 on / off ms | Payara / Liberty, auth on (req/s) |\n';
  out += '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n';
  for (const c of connections) {
    const lOn = stats[`auth-on/${c}`]; const lOff = stats[`auth-off/${c}`]; const pOn = stats[`payara-on/${c}`]; const pOff = stats[`payara-off/${c}`];
    if (lOn && lOff && pOn && pOff) {
      out += `| ${c} | ${lOn.rps.toFixed(0)} / ${lOff.rps.toFixed(0)} | ${(lOn.rps / lOff.rps * 100).toFixed(0)} % | ${ms(lOn.p99)} / ${ms(lOff.p99)}`
        + ` | ${pOn.rps.toFixed(0)} / ${pOff.rps.toFixed(0)} | ${(pOn.rps / pOff.rps * 100).toFixed(0)} % | ${ms(pOn.p99)} / ${ms(pOff.p99)}`
        + ` | ${(pOn.rps / lOn.rps).toFixed(2)}x |\n`;
    }
  }
}
out += '\n| server process | RSS after the run |\n| --- | ---: |\n';
for (const [name, kib] of Object.entries(rss)) out += `| ${labels[name] ?? name} | ${(kib / 1024).toFixed(0)} MiB |\n`;
writeFileSync(outFile, out);
console.log(out);
