#!/usr/bin/env bash
# The benchmark: our runtime against itself (auth off) and against the strongest peers, side by side, in one run
# on one machine.
#
#   bash it/bench/run-bench.sh            (needs wrk: sudo apt-get install wrk)
#
# Servers, each started by this script from its registry (Maven Central, npm) and each verifying the same RS256
# token against the same JWKS (signature, issuer, audience = its own URL, expiry):
#   liberty-on  :9080  the sample WAR on Open Liberty, auth on
#   liberty-off :9082  the same, mcp.auth.enabled=false
#   liberty-obo :9086  the same with the tickets behind the ticket API (SAMPLE_TICKETS=ticket-api) on a server of
#                      its own (:9088), which each call reaches on the caller's behalf with a token exchanged at the
#                      bench issuer (cached per caller)
#   liberty-otel :9084 the same as liberty-on with tracing on (liberty-sample/tracing.xml's mpTelemetry-2.0 and
#                      OTEL_SDK_DISABLED=false), spans exported over OTLP/HTTP to the bench issuer, which drops them
#   quarkus     :9280  Quarkus 3.33.2 + quarkus-mcp-server-http 1.13.0 + quarkus-oidc, JVM mode (it/bench/quarkus)
#   ts2         :3002  the official TypeScript SDK 2.x: createMcpHandler + requireBearerAuth (it/bench/ts2)
#   ts1         :3000  the official TypeScript SDK 1.32 reference server (reference-server.mjs), for continuity
#   payara-on/off :9180/:9182  the same WAR on Payara Micro 6.2025.10 (only with BENCH_PAYARA=1)
# They are started one after the other, each timed from launch to its first 200 answer to the benchmarked call.
#
# The call: tools/call of search_tickets for a text no ticket has; every answer is checked (HTTP 200 and
# "structuredContent":{"result":[]}). Variants = server + wire: auth-on, auth-on-2026 (the same server, the
# 2026-07-28 wire: _meta envelope + Mcp-Method/Mcp-Name headers), auth-on-dpop (the same server and 2025 call with
# a DPoP-bound token and a fresh ES256 proof per request, signed ahead by it/bench/dpop-proofs.mjs), auth-off, quarkus (2025-11-25, one session
# initialized first: 1.13 keeps sessions), ts2 (2026-07-28, its native wire), ts2-2025 (its 2025 fallback),
# reference (ts1, 2025-11-25), on-behalf-of (liberty-obo) and telemetry-on (liberty-otel). After a warm-up of each, rounds alternate the variants at 1, 16 and 64
# connections; the report shows medians, ratios, startup times and resident memory after the run.
# Results: it/target/bench/ (results.jsonl, startup.json, rss.json, results.md, server logs).
#
# Environment: BENCH_ROUNDS (3), BENCH_DURATION seconds per run (10), BENCH_WARMUP seconds (60: Liberty on 2 shared cores was still speeding up after 30),
# BENCH_CONNECTIONS ("1 16 64"), BENCH_THREADS wrk threads (2), BENCH_PAYARA (0; 1 adds Payara Micro),
# BENCH_VARIANTS (all; e.g. "auth-on quarkus" to run fewer), BENCH_MVN_ARGS extra Maven arguments (e.g. -o),
# BENCH_DPOP_RATE proofs signed ahead per second of a DPoP run (3000; a run that outpaces them reports wrong answers).
# The functions shared with it/scale/run-scale-bench.sh are in it/bench/bench-lib.sh.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BENCH="$ROOT/it/bench"
OUT="$ROOT/it/target/bench"
SAY_PREFIX=bench
source "$BENCH/bench-lib.sh"
WLP="$ROOT/liberty-sample/target/liberty/wlp"
ROUNDS="${BENCH_ROUNDS:-3}"
DURATION="${BENCH_DURATION:-10}"
WARMUP="${BENCH_WARMUP:-60}"
CONNECTIONS="${BENCH_CONNECTIONS:-1 16 64}"
THREADS="${BENCH_THREADS:-2}"
PAYARA="${BENCH_PAYARA:-0}"
PAYARA_VERSION=6.2025.10
PAYARA_JAR="$ROOT/it/target/payara/payara-micro-$PAYARA_VERSION.jar"
QUARKUS_JAR="$BENCH/quarkus/target/quarkus-app/quarkus-run.jar"

# server -> URL of its MCP endpoint
declare -A SERVER_URL=([liberty-on]="http://localhost:9080/mcp" [liberty-off]="http://localhost:9082/mcp"
  [liberty-obo]="http://localhost:9086/mcp" [liberty-otel]="http://localhost:9084/mcp"
  [quarkus]="http://localhost:9280/mcp" [ts2]="http://localhost:3002/mcp" [ts1]="http://localhost:3000/mcp"
  [payara-on]="http://localhost:9180/mcp" [payara-off]="http://localhost:9182/mcp")
# variant -> "server wire auth"
declare -A VARIANT=([auth-on]="liberty-on 2025 on" [auth-on-2026]="liberty-on 2026 on" [auth-on-dpop]="liberty-on 2025 dpop"
  [auth-off]="liberty-off 2025 off" [on-behalf-of]="liberty-obo 2025 on" [telemetry-on]="liberty-otel 2025 on"
  [quarkus]="quarkus 2025 on" [ts2]="ts2 2026 on" [ts2-2025]="ts2 2025 on" [reference]="ts1 2025 on"
  [payara-on]="payara-on 2025 on" [payara-off]="payara-off 2025 off")
VARIANTS=(${BENCH_VARIANTS:-auth-on auth-on-2026 auth-on-dpop auth-off on-behalf-of telemetry-on quarkus ts2 ts2-2025 reference})
DPOP_RATE="${BENCH_DPOP_RATE:-3000}"
# proofs are signed just before each run, so their iat is at most a warm-up old when used; the server's window is
# widened to that (the default, 60 s, is what a deployment should keep)
DPOP_WINDOW=$(( WARMUP + 60 ))
if [[ "$PAYARA" == 1 && -z "${BENCH_VARIANTS:-}" ]]; then VARIANTS+=(payara-on payara-off); fi
SERVERS=()
for variant in "${VARIANTS[@]}"; do
  [[ -n "${VARIANT[$variant]:-}" ]] || { echo "unknown variant $variant" >&2; exit 2; }
  server=${VARIANT[$variant]%% *}
  [[ " ${SERVERS[*]} " == *" $server "* ]] || SERVERS+=("$server")
done

need_tool wrk "sudo apt-get install wrk"
ports_free "stop the demo or other servers first" 8290 9080 9082 9084 9086 9088 9280 3002 3000 9180 9182

PIDS=()
cleanup() {
  trap - EXIT INT TERM
  say "stopping servers"
  stop_liberty sampleServer benchOpen benchObo benchApi benchOtel
  stop_pids "${PIDS[@]}"
}
trap cleanup EXIT INT TERM

mkdir -p "$OUT"
: > "$OUT/results.jsonl"
say "building the sample and the Quarkus peer"
(cd "$ROOT" && mvn -B -q ${BENCH_MVN_ARGS:-} install -DskipTests -pl liberty-sample -am)
(cd "$ROOT" && mvn -B -q ${BENCH_MVN_ARGS:-} -f it/bench/quarkus/pom.xml package -DskipTests)
if [[ " ${SERVERS[*]} " == *" payara-on "* && ! -s "$PAYARA_JAR" ]]; then
  say "fetching Payara Micro $PAYARA_VERSION"
  (cd "$ROOT" && mvn -B -q ${BENCH_MVN_ARGS:-} dependency:copy -Dartifact="fish.payara.extras:payara-micro:$PAYARA_VERSION" \
    -DoutputDirectory="$ROOT/it/target/payara")
fi
say "installing the TypeScript servers' npm packages"
npm_install "$BENCH" "$BENCH/ts2"

say "starting the token issuer"
audiences=$(for s in "${!SERVER_URL[@]}"; do printf '%s,' "${SERVER_URL[$s]}"; done)
start_issuer "${audiences%,}"
PIDS+=("$ISSUER_PID")

declare -A SESSION=()
open_session() { # server -> prints the Mcp-Session-Id of a fresh initialized session (empty when none was given)
  local url=${SERVER_URL[$1]} id
  id=$(curl -s -D - -o /dev/null -X POST "$url" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -H 'Accept: application/json, text/event-stream' \
    -d '{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"wrk","version":"4"}}}' \
    | tr -d '\r' | sed -n 's/^[Mm]cp-[Ss]ession-[Ii]d: //p')
  [[ -n "$id" ]] || return 0
  curl -s -o /dev/null -X POST "$url" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -H 'Accept: application/json, text/event-stream' -H 'MCP-Protocol-Version: 2025-11-25' -H "Mcp-Session-Id: $id" \
    -d '{"jsonrpc":"2.0","method":"notifications/initialized"}'
  echo "$id"
}
call() { # variant -> HTTP status of one benchmarked call (the answer in check-<variant>.json)
  local server wire auth token="" proof=""
  read -r server wire auth <<<"${VARIANT[$1]}"
  [[ "$auth" == on ]] && token="$TOKEN"
  if [[ "$auth" == dpop ]]; then
    token="$DPOP_TOKEN"
    sign_dpop_proofs "${SERVER_URL[$server]}" 1 1
    proof=$(head -1 "$OUT/dpop/dpop-proofs-1.txt")
  fi
  tools_call "${SERVER_URL[$server]}" "$wire" "$token" "${SESSION[$server]:-}" "$OUT/check-$1.json" "$proof"
}
first_variant_of() { for v in "${VARIANTS[@]}"; do [[ "${VARIANT[$v]%% *}" == "$1" ]] && { echo "$v"; return; }; done; }

clone_sample() { # name http-port https-port -> a copy of the sample's server on other ports
  rm -rf "$WLP/usr/servers/$1"
  cp -r "$WLP/usr/servers/sampleServer" "$WLP/usr/servers/$1"
  rm -rf "$WLP/usr/servers/$1/logs" "$WLP/usr/servers/$1/workarea"
  sed -i "s/^http.port=.*/http.port=$2/; s/^https.port=.*/https.port=$3/" "$WLP/usr/servers/$1/bootstrap.properties"
}
launch() { # server -> starts it in the background (Liberty: `server start`, which returns once the server runs)
  case "$1" in
    liberty-obo)
      # the ticket API as its own service, as in production: a second server (a copy of the sample's, of which only
      # /ticket-api is used), trusting the bench issuer; calling an API on the same server would make each MCP
      # request wait for a second thread of the same pool
      clone_sample benchApi 9088 9449
      TICKET_API_ISSUER="$ISSUER" TICKET_API_JWKS_URI="$ISSUER/jwks" MP_JWT_VERIFY_ISSUER="$ISSUER" \
        liberty_server start benchApi >"$OUT/liberty-api.log" 2>&1
      clone_sample benchObo 9086 9447
      # the MCP server exchanges as bench-mcp at the bench issuer's token endpoint
      MP_JWT_VERIFY_ISSUER="$ISSUER" MCP_AUTH_RESOURCE="${SERVER_URL[liberty-obo]}" SAMPLE_TICKETS=ticket-api \
        TICKET_API_MP_REST_URL=http://localhost:9088/ticket-api MCP_TOKEN_EXCHANGE_CLIENT_ID=bench-mcp \
        MCP_TOKEN_EXCHANGE_CLIENT_SECRET=bench-secret liberty_server start benchObo >"$OUT/liberty-obo.log" 2>&1 ;;
    liberty-otel)
      clone_sample benchOtel 9084 9446
      # tracing on as docs/deployment.md says: the feature by a configDropins file, the SDK by the environment
      mkdir -p "$WLP/usr/servers/benchOtel/configDropins/overrides"
      cp "$ROOT/liberty-sample/tracing.xml" "$WLP/usr/servers/benchOtel/configDropins/overrides/"
      MP_JWT_VERIFY_ISSUER="$ISSUER" MCP_AUTH_RESOURCE="${SERVER_URL[liberty-otel]}" OTEL_SDK_DISABLED=false \
        OTEL_EXPORTER_OTLP_ENDPOINT=http://localhost:8290 OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf \
        OTEL_METRICS_EXPORTER=none OTEL_LOGS_EXPORTER=none OTEL_SERVICE_NAME=bench \
        liberty_server start benchOtel >"$OUT/liberty-otel.log" 2>&1 ;;
    liberty-on) MP_JWT_VERIFY_ISSUER="$ISSUER" MCP_AUTH_DPOP_MAX_AGE_SECONDS="$DPOP_WINDOW" \
      liberty_server start sampleServer >"$OUT/liberty-on.log" 2>&1 ;;
    liberty-off)
      rm -rf "$WLP/usr/servers/benchOpen"
      cp -r "$WLP/usr/servers/sampleServer" "$WLP/usr/servers/benchOpen"
      rm -rf "$WLP/usr/servers/benchOpen/logs" "$WLP/usr/servers/benchOpen/workarea"
      sed -i 's/^http.port=.*/http.port=9082/; s/^https.port=.*/https.port=9445/' "$WLP/usr/servers/benchOpen/bootstrap.properties"
      # a system property, which MicroProfile Config reads before the WAR's own file
      printf -- '-Dmcp.auth.enabled=false\n' >> "$WLP/usr/servers/benchOpen/jvm.options"
      liberty_server start benchOpen >"$OUT/liberty-off.log" 2>&1 ;;
    quarkus) # JVM mode, the JVM's default heap as for the other JVMs
      BENCH_ISSUER="$ISSUER" java -jar "$QUARKUS_JAR" >"$OUT/quarkus.log" 2>&1 &
      PIDS+=($!); SERVER_PID[quarkus]=$! ;;
    ts2) BENCH_ISSUER="$ISSUER" node "$BENCH/ts2/server.mjs" >"$OUT/ts2.log" 2>&1 &
      PIDS+=($!); SERVER_PID[ts2]=$! ;;
    ts1) BENCH_ISSUER="$ISSUER" node "$BENCH/reference-server.mjs" >"$OUT/ts1.log" 2>&1 &
      PIDS+=($!); SERVER_PID[ts1]=$! ;;
    payara-on|payara-off)
      local port=9180 enabled=true
      if [[ "$1" == payara-off ]]; then port=9182; enabled=false; fi
      rm -rf "$OUT/$1-root"
      MCP_AUTH_RESOURCE="http://localhost:$port/mcp" MP_JWT_VERIFY_ISSUER="$ISSUER" MCP_AUTH_ENABLED="$enabled" \
        java -jar "$PAYARA_JAR" --deploy "$ROOT/liberty-sample/target/liberty-sample.war" --contextroot / --port "$port" \
        --nocluster --rootdir "$OUT/$1-root" >"$OUT/$1.log" 2>&1 &
      PIDS+=($!); SERVER_PID[$1]=$! ;;
  esac
}
now_ms() { date +%s%3N; }
declare -A SERVER_PID=() STARTUP_MS=()
for server in "${SERVERS[@]}"; do
  variant=$(first_variant_of "$server")
  say "starting $server (${SERVER_URL[$server]})"
  started=$(now_ms)
  launch "$server"
  ok=""
  for _ in $(seq 1 1800); do # 180 s at most, polled every 100 ms
    if [[ "$server" == quarkus && -z "${SESSION[quarkus]:-}" ]]; then SESSION[quarkus]=$(open_session quarkus 2>/dev/null || true); fi
    [[ "$(call "$variant")" == 200 ]] && { ok=1; break; }
    sleep 0.1
  done
  [[ -n "$ok" ]] || { say "$server does not answer search_tickets: $(cat "$OUT/check-$variant.json" 2>/dev/null)"; exit 1; }
  STARTUP_MS[$server]=$(( $(now_ms) - started ))
  say "$server answered after ${STARTUP_MS[$server]} ms"
done
SERVER_PID[liberty-on]=$(pgrep -f "ws-server.jar sampleServer" | head -1 || true)
SERVER_PID[liberty-off]=$(pgrep -f "ws-server.jar benchOpen" | head -1 || true)
SERVER_PID[liberty-obo]=$(pgrep -f "ws-server.jar benchObo" | head -1 || true)
SERVER_PID[liberty-otel]=$(pgrep -f "ws-server.jar benchOtel" | head -1 || true)
for variant in "${VARIANTS[@]}"; do
  [[ "$(call "$variant")" == 200 ]] && grep -qF '"structuredContent":{"result":[]}' "$OUT/check-$variant.json" \
    || { say "$variant answers wrongly: $(head -c 300 "$OUT/check-$variant.json")"; exit 1; }
done
say "all ${#VARIANTS[@]} variants answer; ours: $(head -c 200 "$OUT/check-${VARIANTS[0]}.json")"

run_wrk() { # variant connections seconds -> RESULT json
  local server wire auth token="" dpop_dir="" threads=$(( $2 < THREADS ? $2 : THREADS ))
  read -r server wire auth <<<"${VARIANT[$1]}"
  [[ "$auth" == on ]] && token="$TOKEN"
  if [[ "$auth" == dpop ]]; then # a fresh proof per request, signed now (outside the measured time)
    token="$DPOP_TOKEN" dpop_dir="$OUT/dpop"
    sign_dpop_proofs "${SERVER_URL[$server]}" $(( DPOP_RATE * $3 )) "$threads"
  fi
  BENCH_DPOP_DIR="$dpop_dir" wrk_result "${SERVER_URL[$server]}" "$2" "$3" "$THREADS" "$token" "$wire" "${SESSION[$server]:-}"
}
run_rounds "${VARIANTS[@]}"

rss_of() { awk '/VmRSS/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }
{
  sep=""; printf '{'
  for server in "${SERVERS[@]}"; do printf '%s"%s":%s' "$sep" "$server" "$(rss_of "${SERVER_PID[$server]:-0}")"; sep=","; done
  printf '}\n'
} > "$OUT/rss.json"
{
  sep=""; printf '{'
  for server in "${SERVERS[@]}"; do printf '%s"%s":%s' "$sep" "$server" "${STARTUP_MS[$server]}"; sep=","; done
  printf '}\n'
} > "$OUT/startup.json"

{
  echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1), Open Liberty $(sed -n 's/^com.ibm.websphere.productVersion=//p' "$WLP/lib/versions/openliberty.properties" 2>/dev/null), Quarkus 3.33.2 + quarkus-mcp-server 1.13.0, $( [[ "$PAYARA" == 1 ]] && echo "Payara Micro $PAYARA_VERSION, " )node $(node -v), wrk $(wrk -v 2>&1 | head -1 | awk '{print $2}')"
  echo "Method: $ROUNDS rounds x $DURATION s per variant and connection count after ${WARMUP} s warm-up each, variants alternated, wrk -t$THREADS, medians shown"
  echo
} > "$OUT/results.md"
node "$BENCH/report.mjs" "$OUT/results.jsonl" "$OUT/rss.json" "$OUT/startup.json" "$OUT/table.md" >/dev/null
cat "$OUT/table.md" >> "$OUT/results.md"
cat "$OUT/results.md"
