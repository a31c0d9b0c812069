# shellcheck shell=bash
# Shell functions shared by the load benchmarks, it/bench/run-bench.sh and it/scale/run-scale-bench.sh: sourced by
# both, not run. The sourcing script sets SAY_PREFIX (its name in messages) and OUT (its results directory), and WLP
# (an Open Liberty installation) before it uses the Liberty functions. run_rounds also reads WARMUP, ROUNDS,
# CONNECTIONS and DURATION, and calls the script's own run_wrk: variant connections seconds -> the RESULT json of
# it/bench/tools-call.lua, usually through wrk_result.

BENCH_LIB_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# the token issuer both benchmarks start (it/bench/bench-issuer.mjs): OpenID metadata and a JWKS on port 8290
ISSUER="http://localhost:8290/bench"

say() { printf '[%s] %s\n' "${SAY_PREFIX:-bench}" "$*" >&2; }

need_tool() { # command [how to get it] -> exits 2 when the command is missing
  command -v "$1" >/dev/null || { say "$1 is needed${2:+: $2}"; exit 2; }
}

ports_free() { # hint port... -> exits 2 when something already listens on one of the loopback ports
  local hint=$1 port
  shift
  for port in "$@"; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then say "port $port is in use${hint:+: $hint}"; exit 2; fi
  done
}

npm_install() { # directory... -> the npm packages of each (it/bench: jose for the issuer, ...), logged to $OUT/npm-install.log
  local dir
  : > "$OUT/npm-install.log"
  for dir in "$@"; do npm install --no-audit --no-fund --prefix "$dir" >>"$OUT/npm-install.log" 2>&1; done
}

start_issuer() { # audiences (comma-separated) -> starts the issuer, waits for its JWKS; sets ISSUER_PID and TOKEN (and
  # DPOP_TOKEN, bound to the key in $OUT/dpop/key.json, for the DPoP variant)
  mkdir -p "$OUT/dpop"
  BENCH_AUDIENCES="$1" BENCH_TOKEN_FILE="$OUT/token.txt" BENCH_DPOP_TOKEN_FILE="$OUT/dpop/token.txt" \
    BENCH_DPOP_KEY_FILE="$OUT/dpop/key.json" node "$BENCH_LIB_DIR/bench-issuer.mjs" >"$OUT/issuer.log" 2>&1 &
  ISSUER_PID=$!
  for _ in $(seq 1 50); do [[ -s "$OUT/token.txt" ]] && curl -fs -o /dev/null "$ISSUER/jwks" && break; sleep 0.2; done
  TOKEN=$(cat "$OUT/token.txt")
  DPOP_TOKEN=$(cat "$OUT/dpop/token.txt")
}

sign_dpop_proofs() { # url count files -> signs count DPoP proofs for POST url into $OUT/dpop/dpop-proofs-<1..files>.txt
  node "$BENCH_LIB_DIR/dpop-proofs.mjs" "$OUT/dpop/key.json" "$OUT/dpop/token.txt" "$1" "$2" "$3"
}

liberty_server() { # action server [options] -> $WLP/bin/server, with the servers under LIBERTY_USER_DIR when it is set
  if [[ -n "${LIBERTY_USER_DIR:-}" ]]; then
    WLP_USER_DIR="$LIBERTY_USER_DIR" "$WLP/bin/server" "$@"
  else
    "$WLP/bin/server" "$@"
  fi
}

stop_liberty() { # server... -> stops each that runs, quietly
  local name
  for name in "$@"; do liberty_server stop "$name" >/dev/null 2>&1 || true; done
}

stop_pids() { # pid... -> asks each process to stop, waits up to 15 s for each (Payara Micro takes a few seconds), then insists
  local pid
  for pid in "$@"; do kill "$pid" 2>/dev/null || true; done
  for pid in "$@"; do
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null || true
  done
}

tools_call() { # url wire(2025|2026) token session answer-file [dpop-proof] -> the HTTP status of one benchmarked call
  # (search_tickets for a text no ticket has; no token or session header when empty; with a proof, the token goes
  # in the DPoP scheme)
  local url=$1 wire=$2 token=$3 session=$4 proof=${6:-} body headers=()
  if [[ -n "$proof" ]]; then
    headers+=(-H "Authorization: DPoP $token" -H "DPoP: $proof")
  elif [[ -n "$token" ]]; then
    headers+=(-H "Authorization: Bearer $token")
  fi
  [[ -n "$session" ]] && headers+=(-H "Mcp-Session-Id: $session")
  if [[ "$wire" == 2026 ]]; then
    headers+=(-H 'MCP-Protocol-Version: 2026-07-28' -H 'Mcp-Method: tools/call' -H 'Mcp-Name: search_tickets')
    body='{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"search_tickets","arguments":{"query":"no-such-ticket"},"_meta":{"io.modelcontextprotocol/protocolVersion":"2026-07-28","io.modelcontextprotocol/clientInfo":{"name":"curl","version":"8"},"io.modelcontextprotocol/clientCapabilities":{}}}}'
  else
    headers+=(-H 'MCP-Protocol-Version: 2025-11-25')
    body='{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"search_tickets","arguments":{"query":"no-such-ticket"}}}'
  fi
  curl -s -o "$5" -w '%{http_code}' -X POST "$url" "${headers[@]}" -H 'Content-Type: application/json' \
    -H 'Accept: application/json, text/event-stream' -d "$body" || true
}

wrk_result() { # url connections seconds threads token wire session -> the RESULT json of it/bench/tools-call.lua
  # (at most one wrk thread per connection; BENCH_DPOP_DIR, when set, passes on to the script: the DPoP variant)
  local threads=$(( $2 < $4 ? $2 : $4 ))
  BENCH_TOKEN="$5" BENCH_WIRE="$6" BENCH_SESSION="$7" \
    wrk -t"$threads" -c"$2" -d"${3}s" --timeout 10s -s "$BENCH_LIB_DIR/tools-call.lua" "$1" \
    | sed -n 's/^RESULT //p'
}

record_result() { # result variant connections round -> appends the result, labelled, to $OUT/results.jsonl
  echo "$1" | node -e "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>console.log(JSON.stringify({...JSON.parse(s),variant:'$2',connections:$3,round:$4})))" >> "$OUT/results.jsonl"
}

run_rounds() { # variant... -> warms each up for $WARMUP s at 16 connections, then $ROUNDS rounds of $DURATION s at each of
  # $CONNECTIONS, the variants alternated, into $OUT/results.jsonl (what it/bench/report.mjs reads)
  local variant round connections result
  say "warming up each variant for ${WARMUP}s (JIT, caches)"
  for variant in "$@"; do run_wrk "$variant" 16 "$WARMUP" >/dev/null; done
  : > "$OUT/results.jsonl"
  for round in $(seq 1 "$ROUNDS"); do
    for connections in $CONNECTIONS; do
      for variant in "$@"; do
        result=$(run_wrk "$variant" "$connections" "$DURATION")
        say "round $round, $connections conns, $variant: $result"
        record_result "$result" "$variant" "$connections" "$round"
      done
    done
  done
}
