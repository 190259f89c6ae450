import { AgentCoreMcpError } from '@agentcore-mcp/core';

import type { AgentCoreServer } from './createAgentCoreServer.js';
import { applyLeanHeap } from './leanHeap.js';
import type { ListeningAddress } from './serverLifecycle.js';

/** Options of {@link runAgentCoreServer}. */
export interface RunAgentCoreServerOptions {
  /**
   * Keep the V8 heap close to what the server holds (`applyLeanHeap`): about a quarter less RSS
   * for a stateless server, at no measured CPU cost; AgentCore Runtime bills the memory a session
   * uses. `false` leaves V8's own sizing, e.g. for a server that caches hundreds of MB and would
   * rather collect less often. A `--heap-growing-percent` on the command line wins either way.
   * Default `true`.
   */
  readonly leanHeap?: boolean;
}

/**
 * The whole `main` of an app: creates the server, listens, and shuts down gracefully on
 * SIGTERM/SIGINT. A start-up failure (bad options, port in use) prints one `error: …` line to
 * stderr and exits 1 instead of a stack trace. It first sizes the V8 heap for a small footprint
 * (see {@link RunAgentCoreServerOptions.leanHeap}).
 *
 * @param create - Builds the server (anything with `run`, e.g. a gateway); called inside the error
 *   boundary.
 * @param options - See {@link RunAgentCoreServerOptions}.
 * @returns Where the server listens.
 * @example
 * ```ts
 * // src/main.ts
 * await runAgentCoreServer(() => createExampleServer());
 * ```
 */
export async function runAgentCoreServer(
  create: () => Pick<AgentCoreServer, 'run'>,
  options: RunAgentCoreServerOptions = {},
): Promise<ListeningAddress> {
  if (options.leanHeap !== false) applyLeanHeap();
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
