#!/usr/bin/env bash
# The benchmark: what authentication costs, side by side, in one run on one machine.
#
#   bash it/bench/run-bench.sh            (needs wrk: sudo apt-get install wrk)
#
# Starts a token issuer (Node, jose), the Liberty sample twice (auth on, port 9080; auth off, port 9082)
# and the reference server built from the official MCP TypeScript SDK (port 3000), then drives the same
# tools/call (search_tickets with no match: the same answer with and without auth) at each with wrk, at 1, 16 and 64 connections, alternating the
# variants round by round. Prints the medians over the rounds and the ratios, and the servers' RSS.
# Results: it/target/bench/ (results.jsonl, results.md, server logs).
#
# Environment: BENCH_ROUNDS (3), BENCH_DURATION seconds per run (10), BENCH_WARMUP seconds (30),
# BENCH_CONNECTIONS ("1 16 64"), BENCH_THREADS wrk threads (2).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BENCH="$ROOT/it/bench"
OUT="$ROOT/it/target/bench"
WLP="$ROOT/liberty-sample/target/liberty/wlp"
ROUNDS="${BENCH_ROUNDS:-3}"
DURATION="${BENCH_DURATION:-10}"
WARMUP="${BENCH_WARMUP:-30}"
CONNECTIONS="${BENCH_CONNECTIONS:-1 16 64}"
THREADS="${BENCH_THREADS:-2}"
ISSUER="http://localhost:8290/bench"
declare -A URL=([auth-on]="http://localhost:9080/mcp" [auth-off]="http://localhost:9082/mcp" [reference]="http://localhost:3000/mcp")

say() { printf '[bench] %s\n' "$*" >&2; }
command -v wrk >/dev/null || { say "wrk is needed: sudo apt-get install wrk"; exit 2; }
for port in 8290 9080 9082 3000; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then say "port $port is in use: stop the demo or other servers first"; exit 2; fi
done

PIDS=()
cleanup() {
  trap - EXIT INT TERM
  say "stopping servers"
  "$WLP/bin/server" stop sampleServer >/dev/null 2>&1 || true
  "$WLP/bin/server" stop benchOpen >/dev/null 2>&1 || true
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT INT TERM

mkdir -p "$OUT"
: > "$OUT/results.jsonl"
say "building the sample"
(cd "$ROOT" && mvn -B -q install -DskipTests -pl liberty-sample -am)
say "installing the reference server's npm packages"
npm install --no-audit --no-fund --prefix "$BENCH" >"$OUT/npm-install.log" 2>&1

say "starting the token issuer"
BENCH_TOKEN_FILE="$OUT/token.txt" node "$BENCH/bench-issuer.mjs" >"$OUT/issuer.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 50); do [[ -s "$OUT/token.txt" ]] && curl -fs -o /dev/null "$ISSUER/jwks" && break; sleep 0.2; done
TOKEN=$(cat "$OUT/token.txt")

say "starting Liberty twice (auth on :9080, auth off :9082) and the reference server (:3000)"
rm -rf "$WLP/usr/servers/benchOpen"
cp -r "$WLP/usr/servers/sampleServer" "$WLP/usr/servers/benchOpen"
rm -rf "$WLP/usr/servers/benchOpen/logs" "$WLP/usr/servers/benchOpen/workarea"
sed -i 's/^http.port=.*/http.port=9082/; s/^https.port=.*/https.port=9445/' "$WLP/usr/servers/benchOpen/bootstrap.properties"
# a system property, which MicroProfile Config reads before the WAR's own file
printf -- '-Dmcp.auth.enabled=false\n' >> "$WLP/usr/servers/benchOpen/jvm.options"
MP_JWT_VERIFY_ISSUER="$ISSUER" "$WLP/bin/server" start sampleServer >"$OUT/liberty-on.log" 2>&1
"$WLP/bin/server" start benchOpen >"$OUT/liberty-off.log" 2>&1
BENCH_ISSUER="$ISSUER" node "$BENCH/reference-server.mjs" >"$OUT/reference.log" 2>&1 &
PIDS+=($!)
REFERENCE_PID=$!

call() { # variant -> HTTP status of one benchmarked call
  local auth=(); [[ "$1" != auth-off ]] && auth=(-H "Authorization: Bearer $TOKEN")
  curl -s -o "$OUT/check-$1.json" -w '%{http_code}' -X POST "${URL[$1]}" "${auth[@]}" -H 'Content-Type: application/json' \
    -H 'Accept: application/json, text/event-stream' -H 'MCP-Protocol-Version: 2025-11-25' \
    -d '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"search_tickets","arguments":{"query":"no-such-ticket"}}}' || true
}
for variant in auth-on auth-off reference; do
  for _ in $(seq 1 120); do [[ "$(call "$variant")" == 200 ]] && break; sleep 1; done
  [[ "$(call "$variant")" == 200 ]] || { say "$variant does not answer search_tickets: $(cat "$OUT/check-$variant.json")"; exit 1; }
done
say "all three answer; sample answers: $(cat "$OUT/check-auth-on.json" | head -c 200)"

run_wrk() { # variant connections seconds -> RESULT json
  local token="$TOKEN"
  if [[ "$1" == auth-off ]]; then token=""; fi
  local threads=$(( $2 < THREADS ? $2 : THREADS ))
  BENCH_TOKEN="$token" wrk -t"$threads" -c"$2" -d"${3}s" --timeout 10s -s "$BENCH/tools-call.lua" "${URL[$1]}" \
    | sed -n 's/^RESULT //p'
}

say "warming up each variant for ${WARMUP}s (JIT, caches)"
for variant in auth-on auth-off reference; do run_wrk "$variant" 16 "$WARMUP" >/dev/null; done

for round in $(seq 1 "$ROUNDS"); do
  for connections in $CONNECTIONS; do
    for variant in auth-on auth-off reference; do
      result=$(run_wrk "$variant" "$connections" "$DURATION")
      say "round $round, $connections conns, $variant: $result"
      echo "$result" | node -e "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>console.log(JSON.stringify({...JSON.parse(s),variant:'$variant',connections:$connections,round:$round})))" >> "$OUT/results.jsonl"
    done
  done
done

rss_of() { awk '/VmRSS/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }
liberty_pid() { pgrep -f "ws-server.jar $1" | head -1; }
printf '{"auth-on":%s,"auth-off":%s,"reference":%s}\n' "$(rss_of "$(liberty_pid sampleServer)")" \
  "$(rss_of "$(liberty_pid benchOpen)")" "$(rss_of "$REFERENCE_PID")" > "$OUT/rss.json"

{
  echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1), node $(node -v), wrk $(wrk -v 2>&1 | head -1 | awk '{print $2}')"
  echo "Method: $ROUNDS rounds x $DURATION s per variant and connection count, variants alternated, wrk -t$THREADS, medians shown"
  echo
} > "$OUT/results.md"
node "$BENCH/report.mjs" "$OUT/results.jsonl" "$OUT/rss.json" "$OUT/table.md" >/dev/null
cat "$OUT/table.md" >> "$OUT/results.md"
cat "$OUT/results.md"
