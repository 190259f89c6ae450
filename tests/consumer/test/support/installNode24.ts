import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { run } from './run.js';

/** Where the npm `node@24` package is installed: inside this workspace, ignored by git. */
const CACHE = fileURLToPath(new URL('../../.cache/node24/', import.meta.url));

/**
 * Installs Node 24 from the npm registry's `node@24` package (it carries the binary for this
 * platform) into `tests/consumer/.cache/node24`, once; later runs reuse it.
 *
 * @returns The directory holding its `node` binary, to put first on `PATH`.
 */
export async function installNode24(): Promise<string> {
  const bin = join(CACHE, 'node_modules', 'node', 'bin');
  if (!existsSync(join(bin, 'node'))) {
    mkdirSync(CACHE, { recursive: true });
    writeFileSync(join(CACHE, 'package.json'), '{ "private": true }\n');
    await run('npm', ['install', '--no-audit', '--no-fund', '--no-save', 'node@24'], {
      cwd: CACHE,
    });
  }
  return bin;
}
