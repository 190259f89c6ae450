// Process entry: the baseline of §1, an MCP server written straight on SDK v2
// (@modelcontextprotocol/server + @modelcontextprotocol/node) the way its serving guide shows:
// `createMcpHandler` with a factory that builds a new `McpServer` and registers its tools (zod
// object schemas) for every request, wrapped once with `toNodeHandler` on a plain `node:http`
// server behind the localhost Host/Origin guards the `@modelcontextprotocol/node` README composes
// in front of it. The handler's default `legacy: 'stateless'` serves both eras on one endpoint:
// MCP 2026-07-28 requests (per-request `_meta` envelope) and 2025 clients without a session. It
// serves the same six tools as example-server. Env HOST (default 127.0.0.1) and PORT (default 0);
// prints one JSON `listening` line like our apps so the bench starts it the same way.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import {
  localhostHostValidation,
  localhostOriginValidation,
  toNodeHandler,
} from '@modelcontextprotocol/node';
import { createMcpHandler, McpServer } from '@modelcontextprotocol/server';
import * as z from 'zod';

const text = (value: string) => ({ content: [{ type: 'text' as const, text: value }] });
const numberPair = z.object({
  a: z.number().describe('First number'),
  b: z.number().describe('Second number'),
});
const OPERATIONS = ['add', 'subtract', 'multiply', 'divide'] as const;
const apply: Record<(typeof OPERATIONS)[number], (a: number, b: number) => number> = {
  add: (a, b) => a + b,
  subtract: (a, b) => a - b,
  multiply: (a, b) => a * b,
  divide: (a, b) => a / b,
};

function buildServer(): McpServer {
  const server = new McpServer({ name: 'sdk-v2-reference', version: '1.0.0' });
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
    {
      description: 'Greet a user by name',
      inputSchema: z.object({ name: z.string().min(1) }),
    },
    ({ name }) => text(`Hello, ${name}! Nice to meet you.`),
  );
  server.registerTool(
    'echo_message',
    {
      description: 'Echo back the provided message',
      inputSchema: z.object({ message: z.string() }),
    },
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
      inputSchema: z.object({ operation: z.enum(OPERATIONS), a: z.number(), b: z.number() }),
    },
    ({ operation, a, b }) => text(`Result: ${a} ${operation} ${b} = ${apply[operation](a, b)}`),
  );
  return server;
}

const host = process.env.HOST ?? '127.0.0.1';
const handleMcp = toNodeHandler(createMcpHandler(buildServer));
const validateHost = localhostHostValidation();
const validateOrigin = localhostOriginValidation();

const listener = createServer((req, res) => {
  if (!validateHost(req, res) || !validateOrigin(req, res)) return;
  if (new URL(req.url ?? '/', 'http://localhost').pathname !== '/mcp') {
    res.writeHead(404).end();
    return;
  }
  void handleMcp(req, res);
});
listener.listen(Number(process.env.PORT ?? 0), host, () => {
  const { port } = listener.address() as AddressInfo;
  const url = `http://${host}:${port}/mcp`;
  process.stdout.write(`${JSON.stringify({ msg: 'listening', url, port })}\n`);
});
process.on('SIGTERM', () => process.exit(0));
