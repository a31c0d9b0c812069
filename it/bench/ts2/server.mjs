// A benchmark peer: the sample's `search_tickets` on the official MCP TypeScript SDK 2.x, served the way its
// serving guide shows for Node: `createMcpHandler` (the 2026-07-28 revision per request, 2025 clients through
// its stateless fallback) mounted with `toNodeHandler`, behind the SDK's `requireBearerAuth` Express
// middleware. Tokens: RS256 JWTs verified with jose against the issuer's JWKS (signature, issuer, audience =
// this server's URL, expiry); `expectedResource` makes the middleware compare the audience once more.
import express from 'express';
import { z } from 'zod';
import { jwtVerifier } from '../jwt-verifier.mjs';
import { searchTickets, ticketShape } from '../tickets.mjs';
import { McpServer, createMcpHandler } from '@modelcontextprotocol/server';
import { requireBearerAuth } from '@modelcontextprotocol/express';
import { toNodeHandler } from '@modelcontextprotocol/node';

const PORT = Number(process.env.TS2_PORT ?? 3002);
const RESOURCE = `http://localhost:${PORT}/mcp`;
const ISSUER = process.env.BENCH_ISSUER ?? 'http://localhost:8290/bench';
const verifier = jwtVerifier(ISSUER, RESOURCE);

const ticket = ticketShape(z);

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
    const result = searchTickets(auth.extra.user, query);
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
