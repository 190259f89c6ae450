// Process entry: the stdio MCP server of §2b, the server every proxy of that section fronts.
// server-kit's tools (add_numbers, as example-server has it) on the SDK v2 stdio transport: one
// 2025 session over stdin/stdout, as MCP hosts and proxies run local servers. Logs go to stderr,
// at warn, so that stdout carries MCP messages only. START_DELAY_MS (default 0) holds it silent
// that long first: a target slow to start (§3's start-up row).
import { createAgentCoreServer, createLogger, defineTool } from '@agentcore-mcp/server-kit';
import { StdioServerTransport } from '@modelcontextprotocol/server/stdio';
import * as z from 'zod';

const server = createAgentCoreServer({
  name: 'stdio-fixture',
  version: '1.0.0',
  logger: createLogger({ name: 'stdio-fixture', level: 'warn', destination: process.stderr }),
  tools: [
    defineTool({
      name: 'add_numbers',
      description: 'Add two numbers together',
      input: { a: z.number().describe('First number'), b: z.number().describe('Second number') },
      handler: ({ a, b }) => String(a + b),
    }),
  ],
});
const startDelayMs = Number(process.env.START_DELAY_MS ?? 0);
if (startDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, startDelayMs));
await server.createMcpServer().connect(new StdioServerTransport());
