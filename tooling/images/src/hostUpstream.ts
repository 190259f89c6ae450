import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

import { type ServerProcess, startServerProcess } from '@agentcore-mcp/server-kit/process';

import type { CheckContext } from './imageSpec.js';

/** A {@link CheckContext} whose upstream starts on first use; `stop()` it at the end. */
export interface HostUpstream extends CheckContext {
  stop(): Promise<void>;
}

/**
 * The upstream an image like the gateway's needs: the workspace's own example-server (built by
 * `pnpm images` before it runs), started on 127.0.0.1 when a check first asks for it.
 *
 * @returns The context to hand to checks.
 */
export function createHostUpstream(): HostUpstream {
  let started: Promise<ServerProcess> | undefined;
  return {
    upstreamUrl: async () => {
      started ??= startServerProcess(process.execPath, [exampleServerEntry()]);
      return (await started).url;
    },
    stop: async () => {
      const server = await started?.catch(() => undefined);
      await server?.stop();
    },
  };
}

function exampleServerEntry(): string {
  const manifest = createRequire(import.meta.url).resolve(
    '@agentcore-mcp/example-server/package.json',
  );
  return join(dirname(manifest), 'dist', 'main.js');
}
