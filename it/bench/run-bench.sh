#!/usr/bin/env bash
# The benchmark: what authentication costs, side by side, in one run on one machine.
#
#   bash it/bench/run-bench.sh            (needs wrk: sudo apt-get install wrk)
#
# Starts a token issuer (Node, jose), the Liberty sample twice (auth on, port 9080; auth off, port 9082),
# the same unchanged WAR on Payara Micro twice (auth on, port 9180; auth off, port 9182; configured by
# environment variables only) and the reference server built from the official MCP TypeScript SDK
# (port 3000), then drives the same
# tools/call (search_tickets with no match: the same answer with and without auth) at each with wrk, at 1, 16 and 64 connections, alternating the
# variants round by round. Prints the medians over the rounds and the ratios, and the servers' RSS.
# Results: it/target/bench/ (results.jsonl, results.md, server logs).
#
# Environment: BENCH_ROUNDS (3), BENCH_DURATION seconds per run (10), BENCH_WARMUP seconds (30),
# BENCH_CONNECTIONS ("1 16 64"), BENCH_THREADS wrk threads (2), BENCH_PAYARA (1; 0 leaves Payara out),
# BENCH_MVN_ARGS extra Maven arguments (e.g. -o).
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
PAYARA="${BENCH_PAYARA:-1}"
PAYARA_VERSION=6.2025.10
PAYARA_JAR="$ROOT/it/target/payara/payara-micro-$PAYARA_VERSION.jar"
ISSUER="http://localhost:8290/bench"
declare -A URL=([auth-on]="http://localhost:9080/mcp" [auth-off]="http://localhost:9082/mcp" [reference]="http://localhost:3000/mcp"
  [payara-on]="http://localhost:9180/mcp" [payara-off]="http://localhost:9182/mcp")
VARIANTS=(auth-on auth-off reference)
PORTS=(8290 9080 9082 3000)
if [[ "$PAYARA" == 1 ]]; then VARIANTS=(auth-on auth-off payara-on payara-off reference); PORTS+=(9180 9182); fi

say() { printf '[bench] %s\n' "$*" >&2; }
command -v wrk >/dev/null || { say "wrk is needed: sudo apt-get install wrk"; exit 2; }
for port in "${PORTS[@]}"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then say "port $port is in use: stop the demo or other servers first"; exit 2; fi
done

PIDS=()
cleanup() {
  trap - EXIT INT TERM
  say "stopping servers"
  "$WLP/bin/server" stop sampleServer >/dev/null 2>&1 || true
  "$WLP/bin/server" stop benchOpen >/dev/null 2>&1 || true
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do # Payara Micro takes a few seconds to shut down: wait, then insist
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null || true
  done
}
trap cleanup EXIT INT TERM

mkdir -p "$OUT"
: > "$OUT/results.jsonl"
say "building the sample"
(cd "$ROOT" && mvn -B -q ${BENCH_MVN_ARGS:-} install -DskipTests -pl liberty-sample -am)
if [[ "$PAYARA" == 1 && ! -s "$PAYARA_JAR" ]]; then
  say "fetching Payara Micro $PAYARA_VERSION"
  (cd "$ROOT" && mvn -B -q ${BENCH_MVN_ARGS:-} dependency:copy -Dartifact="fish.payara.extras:payara-micro:$PAYARA_VERSION" \
    -DoutputDirectory="$ROOT/it/target/payara")
fi
say "installing the reference server's npm packages"
npm install --no-audit --no-fund --prefix "$BENCH" >"$OUT/npm-install.log" 2>&1

say "starting the token issuer"
BENCH_AUDIENCES="http://localhost:9080/mcp,http://localhost:9180/mcp,http://localhost:3000/mcp" \
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
declare -A PAYARA_PID=()
if [[ "$PAYARA" == 1 ]]; then
  say "starting Payara Micro $PAYARA_VERSION twice (auth on :9180, auth off :9182), the same WAR, configured by environment variables"
  war="$ROOT/liberty-sample/target/liberty-sample.war"
  for variant in payara-on payara-off; do
    port=9180; enabled=true
    if [[ "$variant" == payara-off ]]; then port=9182; enabled=false; fi
    rm -rf "$OUT/$variant-root"
    # no -Xmx: the JVM's defaults, as for Liberty
    MCP_AUTH_RESOURCE="http://localhost:$port/mcp" MP_JWT_VERIFY_ISSUER="$ISSUER" MCP_AUTH_ENABLED="$enabled" \
      java -jar "$PAYARA_JAR" --deploy "$war" --contextroot / --port "$port" --nocluster --rootdir "$OUT/$variant-root" \
      >"$OUT/$variant.log" 2>&1 &
    PIDS+=($!)
    PAYARA_PID[$variant]=$!
  done
fi

call() { # variant -> HTTP status of one benchmarked call
  local auth=(); [[ "$1" != auth-off ]] && auth=(-H "Authorization: Bearer $TOKEN")
  curl -s -o "$OUT/check-$1.json" -w '%{http_code}' -X POST "${URL[$1]}" "${auth[@]}" -H 'Content-Type: application/json' \
    -H 'Accept: application/json, text/event-stream' -H 'MCP-Protocol-Version: 2025-11-25' \
    -d '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"search_tickets","arguments":{"query":"no-such-ticket"}}}' || true
}
for variant in "${VARIANTS[@]}"; do
  for _ in $(seq 1 180); do [[ "$(call "$variant")" == 200 ]] && break; sleep 1; done
  [[ "$(call "$variant")" == 200 ]] || { say "$variant does not answer search_tickets: $(cat "$OUT/check-$variant.json")"; exit 1; }
done
say "all ${#VARIANTS[@]} answer; sample answers: $(cat "$OUT/check-auth-on.json" | head -c 200)"

run_wrk() { # variant connections seconds -> RESULT json
  local token="$TOKEN"
  if [[ "$1" == auth-off ]]; then token=""; fi
  local threads=$(( $2 < THREADS ? $2 : THREADS ))
  BENCH_TOKEN="$token" wrk -t"$threads" -c"$2" -d"${3}s" --timeout 10s -s "$BENCH/tools-call.lua" "${URL[$1]}" \
    | sed -n 's/^RESULT //p'
}

say "warming up each variant for ${WARMUP}s (JIT, caches)"
for variant in "${VARIANTS[@]}"; do run_wrk "$variant" 16 "$WARMUP" >/dev/null; done

for round in $(seq 1 "$ROUNDS"); do
  for connections in $CONNECTIONS; do
    for variant in "${VARIANTS[@]}"; do
      result=$(run_wrk "$variant" "$connections" "$DURATION")
      say "round $round, $connections conns, $variant: $result"
      echo "$result" | node -e "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>console.log(JSON.stringify({...JSON.parse(s),variant:'$variant',connections:$connections,round:$round})))" >> "$OUT/results.jsonl"
    done
  done
done

rss_of() { awk '/VmRSS/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }
liberty_pid() { pgrep -f "ws-server.jar $1" | head -1; }
payara_rss=""
if [[ "$PAYARA" == 1 ]]; then
  payara_rss=$(printf ',"payara-on":%s,"payara-off":%s' "$(rss_of "${PAYARA_PID[payara-on]}")" "$(rss_of "${PAYARA_PID[payara-off]}")")
fi
printf '{"auth-on":%s,"auth-off":%s%s,"reference":%s}\n' "$(rss_of "$(liberty_pid sampleServer)")" \
  "$(rss_of "$(liberty_pid benchOpen)")" "$payara_rss" "$(rss_of "$REFERENCE_PID")" > "$OUT/rss.json"

{
  echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1), Open Liberty $(sed -n 's/^com.ibm.websphere.productVersion=//p' "$WLP/lib/versions/openliberty.properties" 2>/dev/null), $( [[ "$PAYARA" == 1 ]] && echo "Payara Micro $PAYARA_VERSION, " )node $(node -v), wrk $(wrk -v 2>&1 | head -1 | awk '{print $2}')"
  echo "Method: $ROUNDS rounds x $DURATION s per variant and connection count, variants alternated, wrk -t$THREADS, medians shown"
  echo
} > "$OUT/results.md"
node "$BENCH/report.mjs" "$OUT/results.jsonl" "$OUT/rss.json" "$OUT/table.md" >/dev/null
cat "$OUT/table.md" >> "$OUT/results.md"
cat "$OUT/results.md"
