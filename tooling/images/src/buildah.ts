import { join } from 'node:path';

import { exec, type ExecOptions, type ExecResult } from './exec.js';

/** buildah on a store of its own, so that `pnpm images` never touches anyone else's images. */
export interface Buildah {
  /** The global options that select the store: put them before the subcommand. */
  readonly storeArgs: readonly string[];
  /**
   * Runs `buildah <args>` on this store.
   *
   * @throws {@link ExecError} when it fails.
   */
  run(args: readonly string[], options?: ExecOptions): Promise<ExecResult>;
  /** Whether the store holds an image by that name. */
  hasImage(name: string): Promise<boolean>;
}

/**
 * A {@link Buildah} whose images and containers live under `dir` (`storage/` and `run/`).
 *
 * @param dir - A directory of its own, e.g. `/var/tmp/agentcore-mcp-images`.
 * @returns The wrapper.
 */
export function createBuildah(dir: string): Buildah {
  const storeArgs = ['--root', join(dir, 'storage'), '--runroot', join(dir, 'run')];
  const run = (args: readonly string[], options?: ExecOptions) =>
    exec('buildah', [...storeArgs, ...args], options);
  return {
    storeArgs,
    run,
    hasImage: (name) =>
      run(['inspect', '--type', 'image', '--format', '{{.FromImageID}}', name]).then(
        () => true,
        () => false,
      ),
  };
}
