#!/usr/bin/env bash
# Keycloak for the liberty-sample: a real OAuth 2.1 authorization server as a plain process
# (no Docker), realm "mcp" imported from realm-mcp.json next to this script.
#
# Usage:
#   keycloak.sh install               fetch org.keycloak:keycloak-quarkus-dist:<version>:zip via Maven
#                                     and unzip it into KEYCLOAK_HOME_DIR (idempotent, no re-download)
#   keycloak.sh start [--data DIR]    install if needed, copy the sample's provider jar into providers/,
#                                     start `kc.sh start-dev --import-realm` in the background with a
#                                     FRESH H2 database under DIR, wait until the realm's discovery
#                                     document answers 200, print the time it took
#   keycloak.sh stop                  stop kc.sh and its java child (whole process group); idempotent
#   keycloak.sh status                print whether it runs and the realm's issuer URL
#
# Environment (all optional):
#   KEYCLOAK_VERSION        26.5.6
#   KEYCLOAK_HOME_DIR       $HOME/.cache/mcp-auth/keycloak-$KEYCLOAK_VERSION   (unzipped distribution)
#   KEYCLOAK_PORT           8180     HTTP port
#   KEYCLOAK_HTTP_HOST      127.0.0.1  bind address (0.0.0.0 = all interfaces; the realm allows anonymous
#                                    client registration from localhost only anyway)
#   KEYCLOAK_MGMT_PORT      9190     management port (health endpoints at /health/ready); Keycloak's
#                                    default 9000 is avoided on purpose
#   KEYCLOAK_HOSTNAME       http://localhost:$KEYCLOAK_PORT   fixed frontend URL, so the token "iss" is
#                                    always http://localhost:8180/realms/mcp, whatever host a caller uses
#   KEYCLOAK_REALM_FILE     <dir of this script>/realm-mcp.json
#   KEYCLOAK_PROVIDER_JAR   <dir of this script>/loopback-redirect-policy/target/keycloak-loopback-redirect-policy-*.jar
#                                    the realm's client policy executor mcp-literal-loopback-redirect-uris; built
#                                    by `mvn install` (or `mvn -pl liberty-sample -am install`); start fails without it
#   KEYCLOAK_DATA_DIR       /tmp/mcp-keycloak-$KEYCLOAK_PORT  (H2 database; wiped at every start;
#                                    `start --data DIR` overrides)
#   KEYCLOAK_LOG            /tmp/keycloak.log      server output (truncated at every start)
#   KEYCLOAK_PID_FILE       /tmp/mcp-keycloak-$KEYCLOAK_PORT.pid
#   KEYCLOAK_START_TIMEOUT  180      seconds to wait for readiness
#   KEYCLOAK_ADMIN          admin    bootstrap admin of the master realm (admin console, admin REST API)
#   KEYCLOAK_ADMIN_PASSWORD admin
#   KEYCLOAK_HEAP           (unset)  e.g. "-Xms64m -Xmx384m"; unset = kc.sh default "-Xms64m -Xmx512m"
#   KEYCLOAK_EXTRA_ARGS     (unset)  more kc.sh options, e.g. "--log-level=org.keycloak.events:debug"
#   MVN                     mvn
# Token lifetimes are realm settings in realm-mcp.json (accessTokenLifespan, default 300 s).
set -euo pipefail

KEYCLOAK_VERSION="${KEYCLOAK_VERSION:-26.5.6}"
KEYCLOAK_HOME_DIR="${KEYCLOAK_HOME_DIR:-$HOME/.cache/mcp-auth/keycloak-$KEYCLOAK_VERSION}"
KEYCLOAK_PORT="${KEYCLOAK_PORT:-8180}"
KEYCLOAK_MGMT_PORT="${KEYCLOAK_MGMT_PORT:-9190}"
KEYCLOAK_HTTP_HOST="${KEYCLOAK_HTTP_HOST:-127.0.0.1}"
KEYCLOAK_HOSTNAME="${KEYCLOAK_HOSTNAME:-http://localhost:$KEYCLOAK_PORT}"
SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
KEYCLOAK_REALM_FILE="${KEYCLOAK_REALM_FILE:-$SCRIPT_DIR/realm-mcp.json}"
PROVIDER_MODULE="$SCRIPT_DIR/loopback-redirect-policy"
KEYCLOAK_DATA_DIR="${KEYCLOAK_DATA_DIR:-/tmp/mcp-keycloak-$KEYCLOAK_PORT}"
KEYCLOAK_LOG="${KEYCLOAK_LOG:-/tmp/keycloak.log}"
KEYCLOAK_PID_FILE="${KEYCLOAK_PID_FILE:-/tmp/mcp-keycloak-$KEYCLOAK_PORT.pid}"
KEYCLOAK_START_TIMEOUT="${KEYCLOAK_START_TIMEOUT:-180}"
KEYCLOAK_ADMIN="${KEYCLOAK_ADMIN:-admin}"
KEYCLOAK_ADMIN_PASSWORD="${KEYCLOAK_ADMIN_PASSWORD:-admin}"
MVN="${MVN:-mvn}"
REALM="mcp"
WELL_KNOWN="http://localhost:$KEYCLOAK_PORT/realms/$REALM/.well-known/openid-configuration"

log() { echo "[keycloak.sh] $*"; }
die() { echo "[keycloak.sh] ERROR: $*" >&2; exit 1; }

http_code() { curl -s -o /dev/null -w '%{http_code}' --max-time 3 "$1" 2>/dev/null || true; }

# PID of the kc.sh launcher (= process group id, it is started with setsid), if it is alive
running_pid() {
  [[ -f "$KEYCLOAK_PID_FILE" ]] || return 1
  local pid
  pid="$(cat "$KEYCLOAK_PID_FILE" 2>/dev/null || true)"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  # alive if the launcher or anything else in its process group still exists
  if kill -0 "$pid" 2>/dev/null || pgrep -g "$pid" >/dev/null 2>&1; then
    echo "$pid"; return 0
  fi
  return 1
}

cmd_install() {
  if [[ -x "$KEYCLOAK_HOME_DIR/bin/kc.sh" ]]; then
    log "Keycloak $KEYCLOAK_VERSION already installed in $KEYCLOAK_HOME_DIR"
    return 0
  fi
  command -v unzip >/dev/null || die "unzip is required"
  local parent tmp zip
  parent="$(dirname "$KEYCLOAK_HOME_DIR")"
  mkdir -p "$parent"
  rm -rf "$parent"/.install-*   # leftovers of an interrupted install
  tmp="$(mktemp -d "$parent/.install-XXXXXX")"
  log "fetching org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip (Maven; cached in ~/.m2)"
  local out
  if ! out="$("$MVN" -B -q -Dstyle.color=never dependency:copy \
      -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" \
      -DoutputDirectory="$tmp" 2>&1)"; then
    echo "$out" >&2
    die "Maven could not fetch the Keycloak distribution"
  fi
  zip="$tmp/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip"
  [[ -f "$zip" ]] || die "download failed: $zip not found"
  log "unzipping into $KEYCLOAK_HOME_DIR"
  unzip -q "$zip" -d "$tmp/unzipped"
  rm -f "$zip"
  # the zip holds a single top-level directory keycloak-<version>/; an atomic mv makes a half
  # unzipped tree impossible (a concurrent install just loses the race)
  mv "$tmp/unzipped/keycloak-$KEYCLOAK_VERSION" "$KEYCLOAK_HOME_DIR" 2>/dev/null \
    || [[ -x "$KEYCLOAK_HOME_DIR/bin/kc.sh" ]] || die "could not move the distribution into $KEYCLOAK_HOME_DIR"
  rm -rf "$tmp"
  chmod +x "$KEYCLOAK_HOME_DIR"/bin/*.sh
  log "installed Keycloak $KEYCLOAK_VERSION in $KEYCLOAK_HOME_DIR"
}

# The realm's profile mcp-loopback-redirect-uris names our executor, and Keycloak refuses a realm whose profile names
# an executor it does not know: the jar must be in providers/ before the start. Copied only when it changed, since a
# changed providers/ directory makes start-dev rebuild (Quarkus augmentation) first.
install_provider() {
  local jar="${KEYCLOAK_PROVIDER_JAR:-}"
  if [[ -n "$jar" ]]; then
    [[ -f "$jar" ]] || die "KEYCLOAK_PROVIDER_JAR=$jar: no such file"
  else
    jar="$(ls -t "$PROVIDER_MODULE"/target/keycloak-loopback-redirect-policy-*.jar 2>/dev/null | grep -v -- '-sources\.jar$' | head -n1 || true)"
  fi
  [[ -n "$jar" && -f "$jar" ]] || die "the sample's Keycloak provider is not built (no $PROVIDER_MODULE/target/keycloak-loopback-redirect-policy-*.jar): run 'mvn -B -q install -DskipTests -pl liberty-sample -am' from the repository root first (or set KEYCLOAK_PROVIDER_JAR)"
  local providers="$KEYCLOAK_HOME_DIR/providers" target
  target="$providers/$(basename "$jar")"
  mkdir -p "$providers"
  if cmp -s "$jar" "$target"; then
    log "provider $(basename "$jar") already in $providers"
    return 0
  fi
  rm -f "$providers"/keycloak-loopback-redirect-policy-*.jar
  cp "$jar" "$target"
  log "installed provider $(basename "$jar") into $providers (start-dev rebuilds once for it)"
}

cmd_start() {
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --data) [[ $# -ge 2 ]] || die "--data needs a directory"; KEYCLOAK_DATA_DIR="$2"; shift 2 ;;
      *) die "unknown option for start: $1" ;;
    esac
  done
  local pid
  if pid="$(running_pid)"; then
    die "Keycloak already running (process group $pid, pid file $KEYCLOAK_PID_FILE); run '$0 stop' first"
  fi
  if [[ "$(http_code "http://localhost:$KEYCLOAK_PORT/")" != "000" ]]; then
    die "port $KEYCLOAK_PORT is already in use by another process"
  fi
  [[ -f "$KEYCLOAK_REALM_FILE" ]] || die "realm file not found: $KEYCLOAK_REALM_FILE"
  local t0 t_installed
  t0=$(date +%s.%N)
  cmd_install
  install_provider
  t_installed=$(date +%s.%N)

  # the realm is imported only into an empty database: a fresh H2 database for every start
  mkdir -p "$KEYCLOAK_DATA_DIR"
  KEYCLOAK_DATA_DIR="$(cd "$KEYCLOAK_DATA_DIR" && pwd)"
  rm -rf "$KEYCLOAK_DATA_DIR/h2"
  mkdir -p "$KEYCLOAK_DATA_DIR/h2"
  # --import-realm reads every file in <dist>/data/import: put exactly our realm there
  local import_dir="$KEYCLOAK_HOME_DIR/data/import"
  mkdir -p "$import_dir"
  rm -f "$import_dir"/*.json
  cp "$KEYCLOAK_REALM_FILE" "$import_dir/realm-$REALM.json"

  local -a args=(
    start-dev
    --http-host="$KEYCLOAK_HTTP_HOST"
    --http-port="$KEYCLOAK_PORT"
    --http-management-port="$KEYCLOAK_MGMT_PORT"
    --hostname="$KEYCLOAK_HOSTNAME"
    --health-enabled=true
    --db=dev-file
    --db-url="jdbc:h2:file:$KEYCLOAK_DATA_DIR/h2/keycloakdb;NON_KEYWORDS=VALUE"
    --import-realm
  )
  if [[ -n "${KEYCLOAK_EXTRA_ARGS:-}" ]]; then
    # shellcheck disable=SC2206
    args+=( $KEYCLOAK_EXTRA_ARGS )
  fi

  mkdir -p "$(dirname "$KEYCLOAK_LOG")" "$(dirname "$KEYCLOAK_PID_FILE")"
  : > "$KEYCLOAK_LOG"
  log "starting Keycloak on port $KEYCLOAK_PORT (data $KEYCLOAK_DATA_DIR, log $KEYCLOAK_LOG)"
  # setsid: kc.sh and the java process it forks get their own process group, so `stop` can end both
  (
    export KC_BOOTSTRAP_ADMIN_USERNAME="$KEYCLOAK_ADMIN" KC_BOOTSTRAP_ADMIN_PASSWORD="$KEYCLOAK_ADMIN_PASSWORD"
    if [[ -n "${KEYCLOAK_HEAP:-}" ]]; then export JAVA_OPTS_KC_HEAP="$KEYCLOAK_HEAP"; fi
    exec setsid "$KEYCLOAK_HOME_DIR/bin/kc.sh" "${args[@]}" </dev/null >>"$KEYCLOAK_LOG" 2>&1
  ) &
  pid=$!
  echo "$pid" > "$KEYCLOAK_PID_FILE"

  local deadline=$(( $(date +%s) + KEYCLOAK_START_TIMEOUT )) code waited=0
  while :; do
    code="$(http_code "$WELL_KNOWN")"
    [[ "$code" == "200" ]] && break
    if ! kill -0 "$pid" 2>/dev/null; then
      tail -n 40 "$KEYCLOAK_LOG" >&2 || true
      rm -f "$KEYCLOAK_PID_FILE"
      die "Keycloak exited during startup (log: $KEYCLOAK_LOG)"
    fi
    if (( $(date +%s) >= deadline )); then
      tail -n 40 "$KEYCLOAK_LOG" >&2 || true
      cmd_stop || true
      die "Keycloak not ready after ${KEYCLOAK_START_TIMEOUT}s (last HTTP status $code, log: $KEYCLOAK_LOG)"
    fi
    sleep 1; waited=$((waited + 1))
    (( waited % 5 == 0 )) && log "waiting for $WELL_KNOWN ... ${waited}s (HTTP $code)"
  done
  local t1
  t1=$(date +%s.%N)
  log "Keycloak ready: $(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.1f", b-a}')s total" \
      "($(awk -v a="$t_installed" -v b="$t1" 'BEGIN{printf "%.1f", b-a}')s server start," \
      "$(awk -v a="$t0" -v b="$t_installed" 'BEGIN{printf "%.1f", b-a}')s install)"
  log "issuer $KEYCLOAK_HOSTNAME/realms/$REALM (process group $pid)"
}

cmd_stop() {
  local pid
  if ! pid="$(running_pid)"; then
    rm -f "$KEYCLOAK_PID_FILE"
    log "Keycloak (port $KEYCLOAK_PORT) is not running"
    return 0
  fi
  log "stopping Keycloak (process group $pid)"
  # kc.sh forwards TERM to java and waits for it; signal the whole group anyway
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  local i
  for i in $(seq 1 60); do
    pgrep -g "$pid" >/dev/null 2>&1 || break
    sleep 0.5
  done
  if pgrep -g "$pid" >/dev/null 2>&1; then
    log "still running after 30s: SIGKILL"
    kill -KILL -- "-$pid" 2>/dev/null || true
    sleep 1
  fi
  pgrep -g "$pid" >/dev/null 2>&1 && die "processes of group $pid survived: $(pgrep -g "$pid" | tr '\n' ' ')"
  rm -f "$KEYCLOAK_PID_FILE"
  log "stopped"
}

cmd_status() {
  local pid
  if pid="$(running_pid)"; then
    log "running (process group $pid), discovery HTTP $(http_code "$WELL_KNOWN"), issuer $KEYCLOAK_HOSTNAME/realms/$REALM"
  else
    log "not running"; return 1
  fi
}

case "${1:-}" in
  install) shift; cmd_install "$@" ;;
  start)   shift; cmd_start "$@" ;;
  stop)    shift; cmd_stop "$@" ;;
  status)  shift; cmd_status "$@" ;;
  *) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
