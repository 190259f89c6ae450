import { join } from 'node:path';

import { installCachedPackages } from './installCachedPackages.js';

/**
 * Installs Node 24 from the npm registry's `node@24` package (it carries the binary for this
 * platform) once, into the repository root's `node_modules/.cache/node24`; later runs, and other
 * apps' tests, reuse it (see {@link installCachedPackages}).
 *
 * @returns The path of the Node 24 `node` binary.
 * @example
 * ```ts
 * const node24 = await installNode24();
 * spawn(node24, ["dist/main.js"]);
 * ```
 */
export async function installNode24(): Promise<string> {
  const dir = await installCachedPackages('node24', ['node@24']);
  return join(dir, 'node_modules', 'node', 'bin', 'node');
}
