import type { AgentCoreServer, AgentCoreServerOptions } from '@agentcore-mcp/server-kit';
import { createAgentCoreServer, readPackageVersion } from '@agentcore-mcp/server-kit';

import { exampleTools } from './tools.js';

const version = readPackageVersion(new URL('../package.json', import.meta.url));

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
