// Process entry: the SDK v1 reference, a stateless MCP server written straight on
// @modelcontextprotocol/sdk 1.x the way its docs show
// (examples/server/simpleStatelessStreamableHttp.ts): createMcpExpressApp, then a new McpServer
// and StreamableHTTPServerTransport for every POST /mcp.
// It answers 2025 requests only. It serves the same six tools as example-server. The per-request
// console.log of the docs' example is left out so the baseline is not slowed by logging. Env HOST
// (default 127.0.0.1) and PORT (default 0); prints one JSON `listening` line like our apps so the
// bench starts it the same way.
import type { AddressInfo } from 'node:net';

import { createMcpExpressApp } from '@modelcontextprotocol/sdk/server/express.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import * as z from 'zod';

const text = (value: string) => ({ content: [{ type: 'text' as const, text: value }] });
const numberPair = {
  a: z.number().describe('First number'),
  b: z.number().describe('Second number'),
};
const OPERATIONS = ['add', 'subtract', 'multiply', 'divide'] as const;
const apply: Record<(typeof OPERATIONS)[number], (a: number, b: number) => number> = {
  add: (a, b) => a + b,
  subtract: (a, b) => a - b,
  multiply: (a, b) => a * b,
  divide: (a, b) => a / b,
};

function getServer(): McpServer {
  const server = new McpServer({ name: 'sdk-reference', version: '1.0.0' });
  server.registerTool(
    'add_numbers',
    { description: 'Add two numbers together', inputSchema: numberPair },
    ({ a, b }) => text(String(a + b)),
  );
  server.registerTool(
    'multiply_numbers',
    { description: 'Multiply two numbers together', inputSchema: numberPair },
    ({ a, b }) => text(String(a * b)),
  );
  server.registerTool(
    'greet_user',
    { description: 'Greet a user by name', inputSchema: { name: z.string().min(1) } },
    ({ name }) => text(`Hello, ${name}! Nice to meet you.`),
  );
  server.registerTool(
    'echo_message',
    { description: 'Echo back the provided message', inputSchema: { message: z.string() } },
    ({ message }) => text(`Echo: ${message}`),
  );
  server.registerTool(
    'get_timestamp',
    { description: 'Get the current time as an ISO 8601 timestamp (UTC)' },
    () => text(new Date().toISOString()),
  );
  server.registerTool(
    'calculate',
    {
      description: 'Perform a basic arithmetic operation: add, subtract, multiply or divide',
      inputSchema: { operation: z.enum(OPERATIONS), a: z.number(), b: z.number() },
    },
    ({ operation, a, b }) => text(`Result: ${a} ${operation} ${b} = ${apply[operation](a, b)}`),
  );
  return server;
}

const host = process.env.HOST ?? '127.0.0.1';
const app = createMcpExpressApp({ host });
app.post('/mcp', async (req, res) => {
  const server = getServer();
  try {
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    await server.connect(transport);
    await transport.handleRequest(req, res, req.body);
    res.on('close', () => {
      void transport.close();
      void server.close();
    });
  } catch {
    if (!res.headersSent) {
      res.status(500).json({
        jsonrpc: '2.0',
        error: { code: -32603, message: 'Internal server error' },
        id: null,
      });
    }
  }
});

const listener = app.listen(Number(process.env.PORT ?? 0), host, () => {
  const { port } = listener.address() as AddressInfo;
  const url = `http://${host}:${port}/mcp`;
  process.stdout.write(`${JSON.stringify({ msg: 'listening', url, port })}\n`);
});
process.on('SIGTERM', () => process.exit(0));
