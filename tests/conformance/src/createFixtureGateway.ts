import { createGateway, type Gateway, parseGatewayConfig } from '@agentcore-mcp/gateway';
import type { SessionMode } from '@agentcore-mcp/server-kit';

import type { FixtureServerOptions } from './fixtureServer.js';

/** Options of {@link createFixtureGateway}. */
export interface FixtureGatewayOptions {
  /** The gateway's session mode. */
  mode: SessionMode;
  /** The fixture server's MCP endpoint, e.g. `http://127.0.0.1:41234/mcp`. */
  targetUrl: string;
  /** The gateway's logger (see server-kit's `createLogger`). */
  logger: FixtureServerOptions['logger'];
}

/**
 * Creates a gateway with the fixture server as its only target, so the suite can run through it.
 * The scenarios call tools, prompts and resources by fixed names, so tool names are not prefixed
 * (`toolNamePrefix: 'never'`); periodic re-listing is off, as the fixture never changes.
 *
 * @param options - The mode, the fixture's URL and the logger.
 * @returns The gateway on `127.0.0.1`, a free port, not yet listening.
 */
export function createFixtureGateway(options: FixtureGatewayOptions): Gateway {
  const config = parseGatewayConfig(
    {
      mcpServers: { fixture: { url: options.targetUrl } },
      gateway: {
        host: '127.0.0.1',
        port: 0,
        mode: options.mode,
        toolNamePrefix: 'never',
        discovery: { refreshIntervalMs: 0 },
      },
    },
    { env: {} },
  );
  return createGateway(config, { logger: options.logger });
}
