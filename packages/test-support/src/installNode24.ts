import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Where the npm `node@24` package goes: the repository root's `node_modules/.cache`, which git and
 * the Docker build context both ignore, shared by every workspace's tests.
 */
const CACHE = fileURLToPath(new URL('../../../node_modules/.cache/node24', import.meta.url));

/**
 * Installs Node 24 from the npm registry's `node@24` package (it carries the binary for this
 * platform) once; later runs, and other apps' tests, reuse it. Test suites of several apps may run
 * this at the same time: each installs into its own directory and the first rename wins.
 *
 * @returns The path of the Node 24 `node` binary.
 * @example
 * ```ts
 * const node24 = await installNode24();
 * spawn(node24, ["dist/main.js"]);
 * ```
 */
export async function installNode24(): Promise<string> {
  const node = join(CACHE, 'node_modules', 'node', 'bin', 'node');
  if (existsSync(node)) return node;
  mkdirSync(dirname(CACHE), { recursive: true });
  const staging = mkdtempSync(`${CACHE}.tmp-`);
  try {
    writeFileSync(join(staging, 'package.json'), '{ "private": true }\n');
    await run('npm', ['install', '--no-audit', '--no-fund', '--no-save', 'node@24'], {
      cwd: staging,
      maxBuffer: 16 * 1024 * 1024,
    });
    try {
      renameSync(staging, CACHE);
    } catch (error) {
      // Another suite installed it first: use theirs.
      if (!existsSync(node)) throw error;
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return node;
}
