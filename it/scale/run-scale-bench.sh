#!/usr/bin/env bash
# Scale-out figure: the same tools/call (it/bench/tools-call.lua) against one instance directly and against two
# instances behind nginx (it/scale/nginx.conf), alternated round by round in one run. On a 2-core machine no gain
# is expected: the figure shows what the proxy hop and the second JVM cost.
#
#   flock /tmp/it.lock bash it/scale/run-scale-bench.sh     (needs nginx and wrk from Debian, and a prior
#                                                            `mvn -B verify` for it/target/liberty and the WAR)
# Environment: BENCH_ROUNDS (3), BENCH_DURATION seconds (10), BENCH_WARMUP seconds (20), BENCH_CONNECTIONS ("16 64").
# Results: it/target/scale-bench/ (results.jsonl, results.md, logs). The functions shared with it/bench/run-bench.sh
# are in it/bench/bench-lib.sh; the report is it/bench/report.mjs's.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
OUT="$ROOT/it/target/scale-bench"
SAY_PREFIX=scale-bench
source "$ROOT/it/bench/bench-lib.sh"
WLP="$ROOT/it/target/liberty/wlp"
USR="$OUT/usr"
LIBERTY_USER_DIR="$USR"
PREFIX="$OUT/nginx"
CONF="$ROOT/it/scale/nginx.conf"
ROUNDS="${BENCH_ROUNDS:-3}"
DURATION="${BENCH_DURATION:-10}"
WARMUP="${BENCH_WARMUP:-20}"
CONNECTIONS="${BENCH_CONNECTIONS:-16 64}"
declare -A URL=([one-direct]="http://localhost:9381/mcp" [two-nginx]="http://localhost:9380/mcp")

for tool in wrk /usr/sbin/nginx node; do need_tool "$tool"; done
[[ -x "$WLP/bin/server" ]] || { say "$WLP missing: run mvn -B verify (or mvn -pl it pre-integration-test) first"; exit 2; }
ports_free "" 8290 9380 9381 9382

ISSUER_PID=""
cleanup() {
  trap - EXIT INT TERM
  say "stopping servers"
  [[ -s "$PREFIX/nginx.pid" ]] && /usr/sbin/nginx -p "$PREFIX/" -e logs/error.log -c "$CONF" -s quit 2>/dev/null || true
  stop_liberty mcpA mcpB
  if [[ -n "$ISSUER_PID" ]]; then stop_pids "$ISSUER_PID"; fi
}
trap cleanup EXIT INT TERM

rm -rf "$OUT" && mkdir -p "$OUT" "$PREFIX/logs" "$PREFIX/temp"
npm_install "$ROOT/it/bench"
start_issuer "http://localhost:9380/mcp"

port=9381
for name in mcpA mcpB; do
  mkdir -p "$USR/servers/$name/apps"
  cp "$ROOT/liberty-sample/src/main/liberty/config/server.xml" "$USR/servers/$name/server.xml"
  cp "$ROOT/liberty-sample/target/liberty-sample.war" "$USR/servers/$name/apps/"
  printf 'http.port=%s\nhttps.port=%s\n' "$port" "$((port + 100))" > "$USR/servers/$name/bootstrap.properties"
  MCP_AUTH_RESOURCE="http://localhost:9380/mcp" MP_JWT_VERIFY_ISSUER="$ISSUER" \
    liberty_server start "$name" >"$OUT/$name-start.log" 2>&1
  port=$((port + 1))
done
/usr/sbin/nginx -p "$PREFIX/" -e logs/error.log -c "$CONF"

call() { tools_call "$1" 2025 "$TOKEN" "" "$OUT/check.json"; } # url -> HTTP status (the answer in check.json)
for url in http://localhost:9381/mcp http://localhost:9382/mcp http://localhost:9380/mcp; do
  for _ in $(seq 1 120); do [[ "$(call "$url")" == 200 ]] && break; sleep 1; done
  [[ "$(call "$url")" == 200 ]] || { say "$url does not answer: $(cat "$OUT/check.json")"; exit 1; }
done

run_wrk() { wrk_result "${URL[$1]}" "$2" "$3" 2 "$TOKEN" 2025 ""; } # variant connections seconds -> RESULT json
run_rounds one-direct two-nginx
node "$ROOT/it/bench/report.mjs" "$OUT/results.jsonl" - - "$OUT/results.md"
