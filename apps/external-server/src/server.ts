import type { AgentCoreServer, AgentCoreServerOptions } from '@agentcore-mcp/server-kit';
import { createAgentCoreServer, readPackageVersion } from '@agentcore-mcp/server-kit';

import { externalTools } from './tools.js';

const version = readPackageVersion(new URL('../package.json', import.meta.url));

/** The external server's default port: it runs beside example-server (8000) on one machine. */
export const EXTERNAL_SERVER_DEFAULT_PORT = 8001;

/**
 * Creates the external server: an existing MCP server for the gateway to front.
 *
 * @param options - Overrides (host, port, mode, logger…); tools, name and version are fixed.
 *   main.ts passes port {@link EXTERNAL_SERVER_DEFAULT_PORT} unless env PORT is set.
 * @returns The server, not yet listening.
 */
export function createExternalServer(
  options: Partial<AgentCoreServerOptions> = {},
): AgentCoreServer {
  return createAgentCoreServer({
    ...options,
    name: 'external-server',
    version,
    instructions: 'Echo and arithmetic tools served by an existing MCP server behind the gateway.',
    tools: externalTools,
  });
}
