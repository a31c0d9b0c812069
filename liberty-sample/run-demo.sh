#!/usr/bin/env bash
# The demo in one command: builds the sample, starts Keycloak (the authorization server) and the sample on
# Open Liberty, waits until both answer, and prints how to connect. Ctrl-C stops both.
#
#   bash liberty-sample/run-demo.sh
#
# Environment: KEYCLOAK_PORT (8180) is read by keycloak.sh; the sample listens on 9080 as its
# configuration (mcp.auth.resource) says. Logs: liberty-sample/target/demo/.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
KEYCLOAK="$ROOT/liberty-sample/keycloak/keycloak.sh"
SERVER="$ROOT/liberty-sample/target/liberty/wlp/bin/server"
LOGS="$ROOT/liberty-sample/target/demo"
MCP_URL="http://localhost:9080/mcp"
START=$(date +%s)

say() { printf '\033[1m[demo]\033[0m %s\n' "$*"; }

stop_all() {
  trap - EXIT INT TERM
  say "stopping..."
  [[ -x "$SERVER" ]] && "$SERVER" stop sampleServer >/dev/null 2>&1 || true
  bash "$KEYCLOAK" stop >/dev/null 2>&1 || true
  say "stopped Liberty and Keycloak"
}
trap stop_all EXIT INT TERM

say "building the sample (the first build downloads Open Liberty from Maven Central)"
mvn -B -q install -DskipTests -pl liberty-sample -am

mkdir -p "$LOGS"
say "starting Keycloak on http://localhost:${KEYCLOAK_PORT:-8180} (the first start downloads it from Maven Central)"
KEYCLOAK_LOG="$LOGS/keycloak.log" bash "$KEYCLOAK" start

say "starting the sample on Open Liberty"
"$SERVER" start sampleServer >"$LOGS/liberty-start.log" 2>&1 || { cat "$LOGS/liberty-start.log"; exit 1; }
for _ in $(seq 1 120); do
  curl -fsS -o /dev/null "http://localhost:9080/.well-known/oauth-protected-resource/mcp" 2>/dev/null && break
  sleep 1
done
curl -fsS -o /dev/null "http://localhost:9080/.well-known/oauth-protected-resource/mcp" \
  || { say "the sample did not come up; see liberty-sample/target/liberty/wlp/usr/servers/sampleServer/logs/messages.log"; exit 1; }

cat <<INFO

  Ready in $(( $(date +%s) - START )) s.

  MCP endpoint        $MCP_URL            (MCP Streamable HTTP, OAuth 2.1 protected)
  Resource metadata   http://localhost:9080/.well-known/oauth-protected-resource/mcp
  Authorization       http://localhost:${KEYCLOAK_PORT:-8180}/realms/mcp      (Keycloak)

  Users               alice / alice   tickets:read + tickets:write  (4 tools)
                      bob   / bob     tickets:read                  (3 tools)

  Try it:
    curl -i -X POST $MCP_URL -H 'Content-Type: application/json' -d '{"jsonrpc":"2.0","id":1,"method":"ping"}'
      -> 401 with WWW-Authenticate: Bearer resource_metadata=..., scope="tickets:read"

  MCP Inspector (another terminal):
    npx @modelcontextprotocol/inspector
    -> Transport "Streamable HTTP", URL $MCP_URL, "Open Auth Settings" -> "Quick OAuth Flow",
       sign in as alice or bob, then Connect and List Tools.

  Logs: liberty-sample/target/demo/ and liberty-sample/target/liberty/wlp/usr/servers/sampleServer/logs/
  Press Ctrl-C to stop Keycloak and Liberty.

INFO
while true; do sleep 3600; done
