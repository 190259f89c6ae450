import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { deployBundle } from './deployBundle.js';
import { installNode24 } from './installNode24.js';

/** An app's container content in a temporary directory, and the Node 24 its image runs. */
export interface PreparedBundle {
  /** The deployed app (`dist/main.js` and its licences). */
  readonly dir: string;
  /** The `node` binary of the npm `node@24` package. */
  readonly node24: string;
  /** What the bundle holds, for tests to check it carries nothing but itself. */
  readonly contents: {
    /** The files in `dist/`, sorted. */
    readonly distFiles: readonly string[];
    /** Packages installed beside it (pnpm's own `.`-entries left out): should be none. */
    readonly installedPackages: readonly string[];
    /** `dist/THIRD-PARTY-LICENSES.txt`, or `undefined` for an app that is not bundled. */
    readonly licences: string | undefined;
  };
  /** Removes the temporary directory. */
  remove(): void;
}

/**
 * Deploys one app's production content (`deployBundle`) into a new temporary directory while
 * installing Node 24 (`installNode24`), and reads what the bundle holds: what an app's bundle test
 * starts from, under the Node running the tests and under the Node its image runs.
 *
 * @param packageName - The workspace app, e.g. `@agentcore-mcp/example-server` (already built).
 * @returns The bundle, Node 24 and the bundle's contents.
 * @throws When the deploy fails or the installed binary is not Node 24.
 * @example
 * ```ts
 * const prepared = await prepareBundle('@agentcore-mcp/example-server');
 * const app = await startServerProcess(prepared.node24, [join(prepared.dir, 'dist/main.js')]);
 * ```
 */
export async function prepareBundle(packageName: string): Promise<PreparedBundle> {
  const root = mkdtempSync(join(tmpdir(), `${packageName.replace(/^@[^/]+\//, '')}-bundle-`));
  const dir = join(root, 'app');
  const [, node24] = await Promise.all([deployBundle(packageName, dir), installNode24()]);
  const version = execFileSync(node24, ['--version'], { encoding: 'utf8' }).trim();
  if (!version.startsWith('v24.')) throw new Error(`${node24} is ${version}, not Node 24`);
  const modules = join(dir, 'node_modules');
  const licences = join(dir, 'dist', 'THIRD-PARTY-LICENSES.txt');
  return {
    dir,
    node24,
    contents: {
      distFiles: readdirSync(join(dir, 'dist')).sort(),
      // With nothing to install, pnpm deploy leaves only its bookkeeping (.modules.yaml, .pnpm/).
      installedPackages: existsSync(modules)
        ? readdirSync(modules).filter((entry) => !entry.startsWith('.'))
        : [],
      licences: existsSync(licences) ? readFileSync(licences, 'utf8') : undefined,
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
