import { appendFileSync, rmSync } from 'node:fs';

import { type LocalRegistry, startLocalRegistry } from './localRegistry.js';
import { packPublicPackages } from './packPublicPackages.js';

/** Options of {@link createWorkspaceRegistry}. */
export interface WorkspaceRegistryOptions {
  /** The repository root. */
  readonly repoRoot: string;
  /** Where the tarballs go (emptied first, removed by `stop()`). */
  readonly dir: string;
  /** Where the build, `pnpm pack` and every registry request are logged. */
  readonly logFile: string;
}

/** The workspace's packages on a local registry, started on first use; `stop()` it at the end. */
export interface WorkspaceRegistry {
  /** Packs and serves the packages the first time; then the same registry's URL (ends with `/`). */
  readonly url: () => Promise<string>;
  readonly stop: () => Promise<void>;
}

/**
 * The public `@agentcore-mcp/*` packages, built and packed from the workspace and served by a
 * {@link startLocalRegistry} on 127.0.0.1, for projects that depend on them as users' projects do
 * (they are not on npm). Nothing happens until `url()` is first called.
 *
 * @param options - Repository, tarball directory, log.
 * @returns The handle.
 * @example
 * ```ts
 * const registry = createWorkspaceRegistry({ repoRoot, dir: '/var/tmp/x/packages', logFile });
 * const url = await registry.url(); // http://127.0.0.1:41234/
 * await registry.stop();
 * ```
 */
export function createWorkspaceRegistry(options: WorkspaceRegistryOptions): WorkspaceRegistry {
  let started: Promise<LocalRegistry> | undefined;
  const log = (line: string) => appendFileSync(options.logFile, `${line}\n`);
  return {
    url: async () => {
      started ??= packPublicPackages({ ...options, destination: options.dir }).then((tarballs) =>
        startLocalRegistry(tarballs, { onRequest: (line) => log(`[registry] ${line}`) }),
      );
      const registry = await started;
      return registry.url;
    },
    stop: async () => {
      if (started === undefined) return;
      const registry = await started.catch(() => undefined);
      await registry?.close();
      rmSync(options.dir, { recursive: true, force: true });
    },
  };
}
