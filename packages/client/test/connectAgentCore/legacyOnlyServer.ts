// A real MCP server of the 2025 era only (the v1 SDK, stateless streamable HTTP): it answers a
// 2026-07-28 `server/discover` as 2025 servers do, so a client in `auto` mode must fall back.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import * as z from 'zod';

/** A listening 2025-only server. */
export interface LegacyOnlyServer {
  /** e.g. `http://127.0.0.1:41234/mcp`. */
  readonly url: string;
  close(): Promise<void>;
}

/** Starts a 2025-only server on 127.0.0.1:0 with one tool, `echo`, a new server per request. */
export async function startLegacyOnlyServer(): Promise<LegacyOnlyServer> {
  const http = createServer((req, res) => {
    const server = new McpServer({ name: 'legacy-only', version: '0.9.0' });
    server.registerTool(
      'echo',
      { description: 'Echoes a message', inputSchema: { message: z.string() } },
      ({ message }) => ({ content: [{ type: 'text', text: `Echo: ${message}` }] }),
    );
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    res.on('close', () => {
      void transport.close();
      void server.close();
    });
    void server
      .connect(transport)
      .then(() => transport.handleRequest(req, res))
      .catch(() => {
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/mcp`,
    close: () =>
      new Promise<void>((resolve) => {
        http.close(() => resolve());
        http.closeAllConnections();
      }),
  };
}
