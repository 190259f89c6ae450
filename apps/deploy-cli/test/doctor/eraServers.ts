// MCP servers on 127.0.0.1 that serve one protocol era, or none, for the doctor's era check: a
// 2025-only server on the v1 SDK, a 2026-only one on the v2 SDK (`legacy: 'reject'`), and an HTTP
// server that is not MCP at all.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { McpServer as LegacyMcpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { createMcpHandler, McpServer } from '@modelcontextprotocol/server';
import * as z from 'zod';

/** A listening server. */
export interface EraServer {
  /** e.g. `http://127.0.0.1:41234/mcp`. */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * MCP 2025 only: the v1 SDK's stateless streamable HTTP, a new server per request, with one tool,
 * `add` (`{ a, b }` → their sum as text).
 */
export function startLegacyOnlyServer(): Promise<EraServer> {
  return listen(async (req, res) => {
    const server = new LegacyMcpServer({ name: 'legacy-only', version: '0.9.0' });
    server.registerTool(
      'add',
      { description: 'Add two numbers', inputSchema: { a: z.number(), b: z.number() } },
      ({ a, b }) => ({ content: [{ type: 'text', text: String(a + b) }] }),
    );
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    res.on('close', () => {
      void transport.close();
      void server.close();
    });
    await server.connect(transport);
    await transport.handleRequest(req, res);
  });
}

/** MCP 2026-07-28 only: the v2 SDK's handler, refusing `initialize` with `-32022`. */
export function startModernOnlyServer(): Promise<EraServer> {
  const handler = createMcpHandler(
    () => new McpServer({ name: 'modern-only', version: '2.0.0' }, { capabilities: { tools: {} } }),
    { legacy: 'reject' },
  );
  return listen(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === 'string') headers.set(name, value);
    }
    const response = await handler.fetch(
      new Request(`http://127.0.0.1${req.url ?? '/'}`, {
        method: req.method ?? 'GET',
        headers,
        ...(chunks.length > 0 ? { body: Buffer.concat(chunks) } : {}),
      }),
    );
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
}

/** Not MCP: 404 for everything. */
export function startNotMcpServer(): Promise<EraServer> {
  return listen((_req, res) => {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found');
    return Promise.resolve();
  });
}

async function listen(
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
): Promise<EraServer> {
  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/mcp`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
