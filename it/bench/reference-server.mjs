// The reference: an MCP server built from the official TypeScript SDK as its documentation shows it, in
// stateless Streamable HTTP mode (a new server and transport per request, JSON responses), protected by the
// SDK's requireBearerAuth with a JWT verifier using jose against the issuer's JWKS. It serves the sample's
// `search_tickets` (over the same tickets, per user, tickets:read required) and `whoami`, so both servers
// answer the same calls the same way.
import express from 'express';
import { z } from 'zod';
import { jwtVerifier } from './jwt-verifier.mjs';
import { searchTickets, ticketShape } from './tickets.mjs';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';

const PORT = Number(process.env.REFERENCE_PORT ?? 3000);
const RESOURCE = `http://localhost:${PORT}/mcp`;
const ISSUER = process.env.BENCH_ISSUER ?? 'http://localhost:8290/bench';
const verifier = jwtVerifier(ISSUER, RESOURCE);

const ticket = ticketShape(z);

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
    const result = searchTickets(extra.authInfo.extra.user, query);
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
