import { AgentCoreMcpError } from '@agentcore-mcp/core';

import type { AgentCoreServer } from './createAgentCoreServer.js';
import type { ListeningAddress } from './serverLifecycle.js';

/**
 * The whole `main` of an app: creates the server, listens, and shuts down gracefully on
 * SIGTERM/SIGINT. A start-up failure (bad options, port in use) prints one `error: …` line to
 * stderr and exits 1 instead of a stack trace.
 *
 * @param create - Builds the server (anything with `run`, e.g. a gateway); called inside the error
 *   boundary.
 * @returns Where the server listens.
 * @example
 * ```ts
 * // src/main.ts
 * await runAgentCoreServer(() => createExampleServer());
 * ```
 */
export async function runAgentCoreServer(
  create: () => Pick<AgentCoreServer, 'run'>,
): Promise<ListeningAddress> {
  try {
    return await create().run();
  } catch (error) {
    const message =
      error instanceof AgentCoreMcpError
        ? error.message
        : `unexpected start-up failure: ${String(error)}`;
    process.stderr.write(`error: ${message}\n`);
    if (!(error instanceof AgentCoreMcpError) && error instanceof Error && error.stack) {
      process.stderr.write(`${error.stack}\n`);
    }
    process.exit(1);
  }
}
