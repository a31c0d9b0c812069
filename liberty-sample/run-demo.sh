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

say "starting the sample and its ticket API on Open Liberty"
# the tools reach the tickets through the ticket API on the user's behalf, with tokens Keycloak exchanges for it
SAMPLE_TICKETS="${SAMPLE_TICKETS:-ticket-api}" "$SERVER" start sampleServer >"$LOGS/liberty-start.log" 2>&1 \
  || { cat "$LOGS/liberty-start.log"; exit 1; }
for _ in $(seq 1 120); do
  curl -fsS -o /dev/null "http://localhost:9080/.well-known/oauth-protected-resource/mcp" 2>/dev/null && break
  sleep 1
done
curl -fsS -o /dev/null "http://localhost:9080/.well-known/oauth-protected-resource/mcp" \
  || { say "the sample did not come up; see liberty-sample/target/liberty/wlp/usr/servers/sampleServer/logs/messages.log"; exit 1; }

# the challenge as the server sends it right now (the banner quotes it instead of guessing it)
CHALLENGE_RESPONSE=$(curl -s -i -X POST "$MCP_URL" -H 'Content-Type: application/json' -H 'Accept: application/json, text/event-stream' \
  -d '{"jsonrpc":"2.0","id":1,"method":"ping"}' | tr -d '\r' || true)
CHALLENGE_STATUS=$(sed -n '1s/^HTTP\/[0-9.]* \([0-9]*\).*/\1/p' <<<"$CHALLENGE_RESPONSE")
CHALLENGE=$(grep -i '^WWW-Authenticate:' <<<"$CHALLENGE_RESPONSE" | head -n1 || true)

cat <<INFO

  Ready in $(( $(date +%s) - START )) s.

  MCP endpoint        $MCP_URL            (MCP Streamable HTTP, OAuth 2.1 protected)
  Resource metadata   http://localhost:9080/.well-known/oauth-protected-resource/mcp
  Authorization       http://localhost:${KEYCLOAK_PORT:-8180}/realms/mcp      (Keycloak)
  Ticket API          http://localhost:9080/ticket-api   (the tools call it for the user, with exchanged tokens)

  Users               alice / alice   tickets:read + tickets:write  (5 tools)
                      bob   / bob     tickets:read                  (4 tools)

  Try it:
    curl -i -X POST $MCP_URL -H 'Content-Type: application/json' -d '{"jsonrpc":"2.0","id":1,"method":"ping"}'
      -> ${CHALLENGE_STATUS:-401} with ${CHALLENGE:-WWW-Authenticate: Bearer resource_metadata=..., scope=...}

  MCP Inspector 2.x (another terminal; it needs Node >= 22.19):
    npx @modelcontextprotocol/inspector@2.12.0
      (on Node 20: npx -y -p node@22 -p @modelcontextprotocol/inspector@2.12.0 mcp-inspector)
    -> open the URL it prints (it carries MCP_INSPECTOR_API_TOKEN), Add Servers -> + Add manually:
       Server ID support-tickets, Transport streamable-http, URL $MCP_URL -> Add;
       turn on the card's switch, sign in at Keycloak as alice or bob, Yes on the consent page;
       Tools: alice sees 5, bob 4; whoami -> Execute Tool.

  Logs: liberty-sample/target/demo/ and liberty-sample/target/liberty/wlp/usr/servers/sampleServer/logs/
  Press Ctrl-C to stop Keycloak and Liberty.

INFO
while true; do sleep 3600; done
