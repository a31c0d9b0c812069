-- wrk script: the same tools/call over and over: search_tickets for a text no ticket has, a cheap call whose
-- answer ({"result":[]}) is the same with and without auth, so the difference between the variants is the
-- auth path (token check, scope check, @RequiresScope interceptor). Every answer must be HTTP 200 with that
-- result; one RESULT line reports requests/s, p50/p99 latency and the count of socket errors and wrong answers.
--
-- Environment: BENCH_TOKEN (the bearer token; empty: none), BENCH_WIRE ("2025": the 2025-11-25 request;
-- "2026": the same call on the 2026-07-28 wire, with the per-request _meta envelope and the Mcp-Method /
-- Mcp-Name headers), BENCH_SESSION (an Mcp-Session-Id to send, for a peer that keeps sessions), BENCH_DPOP_DIR (the
-- DPoP variant: the token is DPoP-bound and goes in the DPoP scheme, each request carries the next proof of the
-- thread's own file, <dir>/dpop-proofs-<thread>.txt, signed ahead by it/bench/dpop-proofs.mjs; a thread that runs
-- out of proofs sends none, and its answers count as wrong).
local token = os.getenv("BENCH_TOKEN")
local dpopDir = os.getenv("BENCH_DPOP_DIR")
local dpop = dpopDir ~= nil and dpopDir ~= ""
local wire = os.getenv("BENCH_WIRE") or "2025"
local session = os.getenv("BENCH_SESSION")
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json, text/event-stream"
if token ~= nil and token ~= "" then
  wrk.headers["Authorization"] = (dpop and "DPoP " or "Bearer ") .. token
end
if session ~= nil and session ~= "" then
  wrk.headers["Mcp-Session-Id"] = session
end
if wire == "2026" then
  wrk.headers["MCP-Protocol-Version"] = "2026-07-28"
  wrk.headers["Mcp-Method"] = "tools/call"
  wrk.headers["Mcp-Name"] = "search_tickets"
  wrk.body = '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"search_tickets","arguments":{"query":"no-such-ticket"},'
    .. '"_meta":{"io.modelcontextprotocol/protocolVersion":"2026-07-28","io.modelcontextprotocol/clientInfo":{"name":"wrk","version":"4"},'
    .. '"io.modelcontextprotocol/clientCapabilities":{}}}}'
else
  wrk.headers["MCP-Protocol-Version"] = "2025-11-25"
  wrk.body = '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"search_tickets","arguments":{"query":"no-such-ticket"}}}'
end

local expected = '"structuredContent":{"result":[]}'
local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("number", #threads)
end

function init(args)
  wrong = 0
  if dpop then
    proofs = assert(io.open(dpopDir .. "/dpop-proofs-" .. number .. ".txt", "r"))
    -- the request as built above, without the proof: request() adds one to each
    template = { method = wrk.method, body = wrk.body, headers = wrk.headers }
  end
end

if dpop then
  function request()
    local headers = {}
    for name, value in pairs(template.headers) do headers[name] = value end
    headers["DPoP"] = proofs:read("*l")
    return wrk.format(template.method, nil, headers, template.body)
  end
end

function response(status, headers, body)
  if status ~= 200 or not string.find(body, expected, 1, true) then
    wrong = wrong + 1
  end
end

function done(summary, latency, requests)
  local wrongTotal = 0
  for _, thread in ipairs(threads) do
    wrongTotal = wrongTotal + thread:get("wrong")
  end
  local e = summary.errors
  io.write(string.format('RESULT {"requests":%d,"duration_us":%d,"rps":%.1f,"p50_us":%d,"p99_us":%d,"socket_errors":%d,"wrong":%d}\n',
    summary.requests, summary.duration, summary.requests / (summary.duration / 1e6),
    latency:percentile(50), latency:percentile(99), e.connect + e.read + e.write + e.timeout, wrongTotal))
end
