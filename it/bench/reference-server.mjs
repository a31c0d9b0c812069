// The reference: an MCP server built from the official TypeScript SDK as its documentation shows it, in
// stateless Streamable HTTP mode (a new server and transport per request, JSON responses), protected by the
// SDK's requireBearerAuth with a JWT verifier using jose against the issuer's JWKS. It serves the sample's
// `search_tickets` (over the same tickets, per user, tickets:read required) and `whoami`, so both servers
// answer the same calls the same way.
import express from 'express';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { z } from 'zod';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';

const PORT = Number(process.env.REFERENCE_PORT ?? 3000);
const RESOURCE = `http://localhost:${PORT}/mcp`;
const ISSUER = process.env.BENCH_ISSUER ?? 'http://localhost:8290/bench';
const jwks = createRemoteJWKSet(new URL(`${ISSUER}/jwks`));

const verifier = {
  async verifyAccessToken(token) {
    const { payload } = await jwtVerify(token, jwks, { issuer: ISSUER, audience: RESOURCE, algorithms: ['RS256', 'ES256'] });
    return {
      token,
      clientId: payload.azp ?? payload.client_id,
      scopes: typeof payload.scope === 'string' ? payload.scope.split(' ').filter(Boolean) : [],
      expiresAt: payload.exp,
      resource: new URL(RESOURCE),
      extra: { sub: payload.sub, user: payload.preferred_username },
    };
  },
};

const TICKETS = [
  { id: 'T-1001', title: 'Cannot log in after password reset', status: 'OPEN', customer: 'ACME Corp', assignee: 'alice', description: 'Since the reset this morning the login page says \'invalid credentials\'.' },
  { id: 'T-1002', title: 'Invoice shows the wrong VAT rate', status: 'PENDING', customer: 'Globex', assignee: 'alice', description: 'Our March invoice applies 21% instead of 19%.' },
  { id: 'T-1003', title: 'Export to CSV times out', status: 'OPEN', customer: 'Initech', assignee: 'alice', description: 'Exporting more than 10,000 rows never finishes.' },
  { id: 'T-2001', title: 'Request for a second admin account', status: 'OPEN', customer: 'Umbrella', assignee: 'bob', description: 'We need another administrator for the night shift.' },
  { id: 'T-2002', title: 'Mobile app crashes on start', status: 'CLOSED', customer: 'Hooli', assignee: 'bob', description: 'Version 4.2 crashes immediately on Android 14.' },
];
const ticket = z.object({ id: z.string(), title: z.string(), status: z.string(), customer: z.string(), assignee: z.string(), description: z.string() });

function mcpServer() {
  const server = new McpServer({ name: 'reference', version: '1.0.0' });
  server.registerTool('search_tickets', {
    description: "Search the caller's support tickets by text in title, description or customer name",
    inputSchema: { query: z.string() },
    outputSchema: { result: z.array(ticket) },
  }, async ({ query }, extra) => {
    if (!extra.authInfo.scopes.includes('tickets:read')) {
      return { isError: true, content: [{ type: 'text', text: 'tickets:read required' }] };
    }
    const needle = query.toLowerCase();
    const result = TICKETS.filter((t) => t.assignee === extra.authInfo.extra.user
      && `${t.title} ${t.description} ${t.customer}`.toLowerCase().includes(needle));
    return { structuredContent: { result }, content: [{ type: 'text', text: JSON.stringify(result) }] };
  });
  server.registerTool('whoami', {
    description: 'Who the server thinks the caller is',
    outputSchema: { user: z.string(), subject: z.string(), clientId: z.string().optional(), scopes: z.array(z.string()) },
  }, async (extra) => {
    const identity = {
      user: extra.authInfo.extra.user, subject: extra.authInfo.extra.sub,
      clientId: extra.authInfo.clientId, scopes: [...extra.authInfo.scopes].sort(),
    };
    return { structuredContent: identity, content: [{ type: 'text', text: JSON.stringify(identity) }] };
  });
  return server;
}

const app = express();
app.use(express.json());
app.post('/mcp', requireBearerAuth({ verifier, resourceMetadataUrl: `http://localhost:${PORT}/.well-known/oauth-protected-resource/mcp` }),
  async (req, res) => {
    const server = mcpServer();
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    res.on('close', () => { transport.close(); server.close(); });
    await server.connect(transport);
    await transport.handleRequest(req, res, req.body);
  });
app.listen(PORT, 'localhost', () => console.log(`reference MCP server on ${RESOURCE}`));
