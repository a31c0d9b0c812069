// A benchmark peer: the sample's `search_tickets` on the official MCP TypeScript SDK 2.x, served the way its
// serving guide shows for Node: `createMcpHandler` (the 2026-07-28 revision per request, 2025 clients through
// its stateless fallback) mounted with `toNodeHandler`, behind the SDK's `requireBearerAuth` Express
// middleware. Tokens: RS256 JWTs verified with jose against the issuer's JWKS (signature, issuer, audience =
// this server's URL, expiry); `expectedResource` makes the middleware compare the audience once more.
import express from 'express';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { z } from 'zod';
import { McpServer, createMcpHandler } from '@modelcontextprotocol/server';
import { requireBearerAuth } from '@modelcontextprotocol/express';
import { toNodeHandler } from '@modelcontextprotocol/node';

const PORT = Number(process.env.TS2_PORT ?? 3002);
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
      resource: new URL(RESOURCE), // the audience jwtVerify has just checked
      extra: { sub: payload.sub, user: payload.preferred_username },
    };
  },
};

// the same tickets as the sample and the 1.x reference server
const TICKETS = [
  { id: 'T-1001', title: 'Cannot log in after password reset', status: 'OPEN', customer: 'ACME Corp', assignee: 'alice', description: 'Since the reset this morning the login page says \'invalid credentials\'.' },
  { id: 'T-1002', title: 'Invoice shows the wrong VAT rate', status: 'PENDING', customer: 'Globex', assignee: 'alice', description: 'Our March invoice applies 21% instead of 19%.' },
  { id: 'T-1003', title: 'Export to CSV times out', status: 'OPEN', customer: 'Initech', assignee: 'alice', description: 'Exporting more than 10,000 rows never finishes.' },
  { id: 'T-2001', title: 'Request for a second admin account', status: 'OPEN', customer: 'Umbrella', assignee: 'bob', description: 'We need another administrator for the night shift.' },
  { id: 'T-2002', title: 'Mobile app crashes on start', status: 'CLOSED', customer: 'Hooli', assignee: 'bob', description: 'Version 4.2 crashes immediately on Android 14.' },
];
const ticket = z.object({ id: z.string(), title: z.string(), status: z.string(), customer: z.string(), assignee: z.string(), description: z.string() });

function mcpServer() {
  const server = new McpServer({ name: 'ts2-reference', version: '1.0.0' });
  server.registerTool('search_tickets', {
    description: "Search the caller's support tickets by text in title, description or customer name",
    inputSchema: z.object({ query: z.string() }),
    outputSchema: z.object({ result: z.array(ticket) }),
  }, async ({ query }, ctx) => {
    const auth = ctx.http?.authInfo;
    if (!auth?.scopes.includes('tickets:read')) {
      return { isError: true, content: [{ type: 'text', text: 'tickets:read required' }] };
    }
    const needle = query.toLowerCase();
    const result = TICKETS.filter((t) => t.assignee === auth.extra.user
      && `${t.title} ${t.description} ${t.customer}`.toLowerCase().includes(needle));
    return { structuredContent: { result }, content: [{ type: 'text', text: JSON.stringify(result) }] };
  });
  return server;
}

const handler = toNodeHandler(createMcpHandler(mcpServer));
const app = express();
app.use(express.json());
app.post('/mcp', requireBearerAuth({
  verifier,
  expectedResource: new URL(RESOURCE),
  resourceMetadataUrl: `http://localhost:${PORT}/.well-known/oauth-protected-resource/mcp`,
}), (req, res) => handler(req, res, req.body));
app.listen(PORT, 'localhost', () => console.log(`TypeScript SDK 2.x MCP server on ${RESOURCE}`));
