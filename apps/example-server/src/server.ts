import { readFileSync } from 'node:fs';

import {
  type AgentCoreServer,
  type AgentCoreServerOptions,
  createAgentCoreServer,
} from '@agentcore-mcp/server-kit';

import { exampleTools } from './tools.js';

const { version } = JSON.parse(
  readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
) as { version: string };

/**
 * Creates the example MCP server: the seed's six tools on the AgentCore Runtime contract.
 *
 * @param options - Overrides (host, port, mode, logger…); tools, name and version are fixed.
 * @returns The server, not yet listening.
 */
export function createExampleServer(
  options: Partial<AgentCoreServerOptions> = {},
): AgentCoreServer {
  return createAgentCoreServer({
    ...options,
    name: 'example-server',
    version,
    instructions:
      'Arithmetic, greeting, echo and time tools for trying out MCP on AgentCore Runtime.',
    tools: exampleTools,
  });
}
