// Process entry: a peer baseline of §1, the example-server tools on fastmcp 4.20 (npm `fastmcp`,
// the most used TypeScript MCP framework), stateless streamable HTTP as its README shows for
// serverless hosts. fastmcp is not a workspace dependency: the bench installs it with npm into
// bench/.peers (see ensurePeers), and this file loads it, and the zod it validates with, from the
// folder in env PEERS_DIR. Env HOST (default 127.0.0.1) and PORT (default: a free one); prints one
// JSON `listening` line like our apps so the bench starts it the same way.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import { findFreePort } from '@agentcore-mcp/server-kit/process';

/** The part of fastmcp's API this server uses. */
interface FastMcpModule {
  FastMCP: new (options: { name: string; version: `${number}.${number}.${number}` }) => {
    addTool(tool: {
      name: string;
      description: string;
      parameters?: unknown;
      execute: (args: Record<string, unknown>) => Promise<string> | string;
    }): void;
    start(options: {
      transportType: 'httpStream';
      httpStream: { port: number; host: string; endpoint: `/${string}`; stateless: boolean };
    }): Promise<void>;
  };
}

/** The part of zod's API this server uses (fastmcp's own copy, for its Standard Schema checks). */
interface ZodModule {
  object(shape: Record<string, unknown>): unknown;
  number(): unknown;
  string(): { min(length: number): unknown };
  enum(values: readonly string[]): unknown;
}

const peersDir = process.env.PEERS_DIR;
if (peersDir === undefined) throw new Error('set PEERS_DIR to the folder fastmcp is installed in');
const peerRequire = createRequire(join(peersDir, 'package.json'));
const load = async <T>(name: string) =>
  (await import(pathToFileURL(peerRequire.resolve(name)).href)) as T;
const { FastMCP } = await load<FastMcpModule>('fastmcp');
const z = await load<ZodModule>('zod');

const server = new FastMCP({ name: 'fastmcp-peer', version: '1.0.0' });
const numberPair = z.object({ a: z.number(), b: z.number() });
const pair = (args: Record<string, unknown>) => [Number(args.a), Number(args.b)] as const;
server.addTool({
  name: 'add_numbers',
  description: 'Add two numbers together',
  parameters: numberPair,
  execute: (args) => {
    const [a, b] = pair(args);
    return String(a + b);
  },
});
server.addTool({
  name: 'multiply_numbers',
  description: 'Multiply two numbers together',
  parameters: numberPair,
  execute: (args) => {
    const [a, b] = pair(args);
    return String(a * b);
  },
});
server.addTool({
  name: 'greet_user',
  description: 'Greet a user by name',
  parameters: z.object({ name: z.string().min(1) }),
  execute: (args) => `Hello, ${String(args.name)}! Nice to meet you.`,
});
server.addTool({
  name: 'echo_message',
  description: 'Echo back the provided message',
  parameters: z.object({ message: z.string() }),
  execute: (args) => `Echo: ${String(args.message)}`,
});
server.addTool({
  name: 'get_timestamp',
  description: 'Get the current time as an ISO 8601 timestamp (UTC)',
  execute: () => new Date().toISOString(),
});
server.addTool({
  name: 'calculate',
  description: 'Perform a basic arithmetic operation: add, subtract, multiply or divide',
  parameters: z.object({
    operation: z.enum(['add', 'subtract', 'multiply', 'divide']),
    a: z.number(),
    b: z.number(),
  }),
  execute: (args) => {
    const [a, b] = pair(args);
    const results: Record<string, number> = {
      add: a + b,
      subtract: a - b,
      multiply: a * b,
      divide: a / b,
    };
    return `Result: ${a} ${String(args.operation)} ${b} = ${results[String(args.operation)]}`;
  },
});

const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 0) || (await findFreePort());
await server.start({
  transportType: 'httpStream',
  httpStream: { port, host, endpoint: '/mcp', stateless: true },
});
process.stdout.write(
  `${JSON.stringify({ msg: 'listening', url: `http://${host}:${port}/mcp`, port })}\n`,
);
process.on('SIGTERM', () => process.exit(0));
