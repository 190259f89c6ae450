import {
  type AgentCoreServer,
  type AgentCoreServerOptions,
  createAgentCoreServer,
  defineTool,
  ToolError,
} from '@agentcore-mcp/server-kit';
import * as z from 'zod';

const numberPair = {
  a: z.number().describe('First number'),
  b: z.number().describe('Second number'),
};

/** The tools this server offers: replace them with yours. */
export const tools = [
  defineTool({
    name: 'add_numbers',
    description: 'Add two numbers together',
    input: numberPair,
    annotations: { readOnlyHint: true },
    handler: ({ a, b }) => a + b,
  }),
  defineTool({
    name: 'divide_numbers',
    description: 'Divide a by b',
    input: numberPair,
    annotations: { readOnlyHint: true },
    handler: ({ a, b }) => {
      // A ToolError goes back to the model as a tool result with isError: true.
      if (b === 0) throw new ToolError('Cannot divide by zero: pass a non-zero b');
      return a / b;
    },
  }),
  defineTool({
    name: 'greet_user',
    description: 'Greet a user by name',
    input: { name: z.string().min(1).describe('The name of the person to greet') },
    annotations: { readOnlyHint: true },
    handler: ({ name }) => `Hello, ${name}! Nice to meet you.`,
  }),
  defineTool({
    name: 'echo_message',
    description: 'Echo back the provided message',
    input: { message: z.string().describe('The message to echo') },
    annotations: { readOnlyHint: true },
    handler: ({ message }) => `Echo: ${message}`,
  }),
  defineTool({
    name: 'get_timestamp',
    description: 'Get the current time as an ISO 8601 timestamp (UTC)',
    annotations: { readOnlyHint: true },
    handler: () => new Date().toISOString(),
  }),
];

/**
 * Creates the MCP server, not yet listening: stateless streamable HTTP on `POST /mcp`, as
 * AgentCore Runtime expects. `src/main.ts` runs it.
 *
 * @param options - Overrides (host, port, auth, logger…); the name, version and tools are fixed.
 * @returns The server.
 */
export function createServer(options: Partial<AgentCoreServerOptions> = {}): AgentCoreServer {
  return createAgentCoreServer({
    ...options,
    name: '{{name}}',
    version: '0.1.0',
    tools,
  });
}
