import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * The repository root's `node_modules/.cache`, which git and the Docker build context both ignore,
 * shared by every workspace's tests.
 */
const CACHE_ROOT = fileURLToPath(new URL('../../../node_modules/.cache', import.meta.url));

/**
 * Installs npm packages that are tools rather than dependencies (a Node binary from the registry's
 * `node@<major>` package, a CLI that needs a newer Node than the workspace) into their own folder
 * of the repository root's `node_modules/.cache`, once; later runs, and other workspaces' tests,
 * reuse it. Several test suites may run this at the same time: each installs into its own staging
 * folder and the first rename wins.
 *
 * The folder is complete as soon as it exists, and it is never updated: name it after what it
 * holds, versions included (`conformance-0.2.0-alpha.12`), so that a new pin installs afresh.
 *
 * @param name - The folder under `node_modules/.cache`, e.g. `node24`.
 * @param specs - What to `npm install`, e.g. `['node@22', 'some-cli@1.2.3']`.
 * @returns The folder; the packages are in its `node_modules`.
 * @throws {@link Error} when `npm install` fails (the npm registry must be reachable on first use).
 * @example
 * ```ts
 * const dir = await installCachedPackages('node22', ['node@22']);
 * spawn(join(dir, 'node_modules', 'node', 'bin', 'node'), ['dist/main.js']);
 * ```
 */
export async function installCachedPackages(
  name: string,
  specs: readonly string[],
): Promise<string> {
  const dir = join(CACHE_ROOT, name);
  if (existsSync(dir)) return dir;
  mkdirSync(CACHE_ROOT, { recursive: true });
  const staging = mkdtempSync(`${dir}.tmp-`);
  try {
    writeFileSync(join(staging, 'package.json'), '{ "private": true }\n');
    // These are tools that run on their own Node (often a newer one from `node@<major>`), so the
    // workspace's `engine-strict`, which pnpm hands to scripts as `npm_config_*` variables along
    // with its other settings, must not apply to them.
    await run(
      'npm',
      ['install', '--no-audit', '--no-fund', '--no-save', '--engine-strict=false', ...specs],
      { cwd: staging, env: withoutNpmConfig(process.env), maxBuffer: 16 * 1024 * 1024 },
    );
    try {
      renameSync(staging, dir);
    } catch (error) {
      // Another suite installed it first: use theirs.
      if (!existsSync(dir)) throw error;
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return dir;
}

/** The environment minus the `npm_config_*` settings a package manager passes to the scripts it runs. */
function withoutNpmConfig(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(env).filter(([key]) => !key.toLowerCase().startsWith('npm_config_')),
  );
}
