#!/usr/bin/env bash
# Scale-out figure: the same tools/call (it/bench/tools-call.lua) against one instance directly and against two
# instances behind nginx (it/scale/nginx.conf), alternated round by round in one run. On a 2-core machine no gain
# is expected: the figure shows what the proxy hop and the second JVM cost.
#
#   flock /tmp/it.lock bash it/scale/run-scale-bench.sh     (needs nginx and wrk from Debian, and a prior
#                                                            `mvn -B verify` for it/target/liberty and the WAR)
# Environment: BENCH_ROUNDS (3), BENCH_DURATION seconds (10), BENCH_WARMUP seconds (20), BENCH_CONNECTIONS ("16 64").
# Results: it/target/scale-bench/ (results.jsonl, logs).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
OUT="$ROOT/it/target/scale-bench"
WLP="$ROOT/it/target/liberty/wlp"
USR="$OUT/usr"
PREFIX="$OUT/nginx"
CONF="$ROOT/it/scale/nginx.conf"
ROUNDS="${BENCH_ROUNDS:-3}"
DURATION="${BENCH_DURATION:-10}"
WARMUP="${BENCH_WARMUP:-20}"
CONNECTIONS="${BENCH_CONNECTIONS:-16 64}"
ISSUER="http://localhost:8290/bench"
declare -A URL=([one-direct]="http://localhost:9381/mcp" [two-nginx]="http://localhost:9380/mcp")

say() { printf '[scale-bench] %s\n' "$*" >&2; }
for tool in wrk /usr/sbin/nginx node; do command -v "$tool" >/dev/null || { say "$tool is needed"; exit 2; }; done
[[ -x "$WLP/bin/server" ]] || { say "$WLP missing: run mvn -B verify (or mvn -pl it pre-integration-test) first"; exit 2; }
for port in 8290 9380 9381 9382; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then say "port $port is in use"; exit 2; fi
done

ISSUER_PID=""
cleanup() {
  trap - EXIT INT TERM
  say "stopping servers"
  [[ -s "$PREFIX/nginx.pid" ]] && /usr/sbin/nginx -p "$PREFIX/" -e logs/error.log -c "$CONF" -s quit 2>/dev/null || true
  for name in mcpA mcpB; do WLP_USER_DIR="$USR" "$WLP/bin/server" stop "$name" >/dev/null 2>&1 || true; done
  [[ -n "$ISSUER_PID" ]] && kill "$ISSUER_PID" 2>/dev/null || true
}
trap cleanup EXIT INT TERM

rm -rf "$OUT" && mkdir -p "$OUT" "$PREFIX/logs" "$PREFIX/temp"
npm install --no-audit --no-fund --prefix "$ROOT/it/bench" >"$OUT/npm-install.log" 2>&1
BENCH_TOKEN_FILE="$OUT/token.txt" BENCH_AUDIENCES="http://localhost:9380/mcp" node "$ROOT/it/bench/bench-issuer.mjs" >"$OUT/issuer.log" 2>&1 &
ISSUER_PID=$!
for _ in $(seq 1 50); do [[ -s "$OUT/token.txt" ]] && curl -fs -o /dev/null "$ISSUER/jwks" && break; sleep 0.2; done
TOKEN=$(cat "$OUT/token.txt")

port=9381
for name in mcpA mcpB; do
  mkdir -p "$USR/servers/$name/apps"
  cp "$ROOT/liberty-sample/src/main/liberty/config/server.xml" "$USR/servers/$name/server.xml"
  cp "$ROOT/liberty-sample/target/liberty-sample.war" "$USR/servers/$name/apps/"
  printf 'http.port=%s\nhttps.port=%s\n' "$port" "$((port + 100))" > "$USR/servers/$name/bootstrap.properties"
  WLP_USER_DIR="$USR" MCP_AUTH_RESOURCE="http://localhost:9380/mcp" MP_JWT_VERIFY_ISSUER="$ISSUER" \
    "$WLP/bin/server" start "$name" >"$OUT/$name-start.log" 2>&1
  port=$((port + 1))
done
/usr/sbin/nginx -p "$PREFIX/" -e logs/error.log -c "$CONF"

call() {
  curl -s -o "$OUT/check.json" -w '%{http_code}' -X POST "$1" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -H 'Accept: application/json, text/event-stream' -H 'MCP-Protocol-Version: 2025-11-25' \
    -d '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"search_tickets","arguments":{"query":"no-such-ticket"}}}' || true
}
for url in http://localhost:9381/mcp http://localhost:9382/mcp http://localhost:9380/mcp; do
  for _ in $(seq 1 120); do [[ "$(call "$url")" == 200 ]] && break; sleep 1; done
  [[ "$(call "$url")" == 200 ]] || { say "$url does not answer: $(cat "$OUT/check.json")"; exit 1; }
done

run_wrk() { # variant connections seconds
  BENCH_TOKEN="$TOKEN" wrk -t2 -c"$2" -d"${3}s" --timeout 10s -s "$ROOT/it/bench/tools-call.lua" "${URL[$1]}" | sed -n 's/^RESULT //p'
}
say "warming up ${WARMUP}s per variant"
for variant in one-direct two-nginx; do run_wrk "$variant" 16 "$WARMUP" >/dev/null; done
: > "$OUT/results.jsonl"
for round in $(seq 1 "$ROUNDS"); do
  for connections in $CONNECTIONS; do
    for variant in one-direct two-nginx; do
      result=$(run_wrk "$variant" "$connections" "$DURATION")
      say "round $round, $connections conns, $variant: $result"
      echo "$result" | node -e "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>console.log(JSON.stringify({...JSON.parse(s),variant:'$variant',connections:$connections,round:$round})))" >> "$OUT/results.jsonl"
    done
  done
done
node -e '
const rows = require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n").map(JSON.parse);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const table = {};
for (const r of rows) ((table[r.connections] ??= {})[r.variant] ??= []).push(r);
console.log("| variant | conns | req/s | p50 ms | p99 ms | errors / requests |\n| --- | ---: | ---: | ---: | ---: | ---: |");
for (const [c, byVariant] of Object.entries(table)) for (const [v, rs] of Object.entries(byVariant))
  console.log(`| ${v} | ${c} | ${median(rs.map((r) => r.rps)).toFixed(0)} | ${(median(rs.map((r) => r.p50_us)) / 1000).toFixed(2)} | ${(median(rs.map((r) => r.p99_us)) / 1000).toFixed(2)} | ${rs.reduce((a, r) => a + r.socket_errors + r.wrong, 0)} / ${rs.reduce((a, r) => a + r.requests, 0)} |`);
for (const [c, byVariant] of Object.entries(table))
  console.log(`ratio two-nginx / one-direct at ${c} conns: ${(100 * median(byVariant["two-nginx"].map((r) => r.rps)) / median(byVariant["one-direct"].map((r) => r.rps))).toFixed(0)} %`);
' "$OUT/results.jsonl" | tee "$OUT/results.md"
