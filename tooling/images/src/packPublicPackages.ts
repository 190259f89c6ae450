import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { exec, ExecError } from './exec.js';
import { withoutNpmEnv } from './npmEnv.js';

/** Options of {@link packPublicPackages}. */
export interface PackPublicPackagesOptions {
  /** The repository root. */
  readonly repoRoot: string;
  /** Where the tarballs go; emptied first. */
  readonly destination: string;
  /** Where the commands and their output go. */
  readonly logFile: string;
}

/**
 * The workspace packages users install from npm: every one under `packages/` and `apps/` that is
 * not `"private": true` (what `pnpm -r publish` publishes).
 *
 * tests/consumer has the same list (`test/support/publicPackages.ts`). It is repeated here, not
 * shared: sharing means a workspace package both depend on (a new dependency and a `pnpm install`),
 * and reaching into another workspace by relative path is what the lint rules forbid.
 *
 * @param repoRoot - The repository root.
 * @returns Their names, sorted.
 * @example
 * ```ts
 * listPublicPackages(repoRoot); // ['@agentcore-mcp/cli', '@agentcore-mcp/client', …]
 * ```
 */
export function listPublicPackages(repoRoot: string): string[] {
  return ['packages', 'apps']
    .flatMap((group) =>
      readdirSync(join(repoRoot, group), { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => join(repoRoot, group, entry.name, 'package.json')),
    )
    .flatMap((file) => {
      let manifest: { name?: string; private?: boolean };
      try {
        manifest = JSON.parse(readFileSync(file, 'utf8')) as typeof manifest;
      } catch {
        return [];
      }
      return manifest.private === true || manifest.name === undefined ? [] : [manifest.name];
    })
    .sort();
}

/**
 * Builds the public workspace packages (turbo, so an unchanged package is a cache hit) and packs
 * each with `pnpm pack`, as `pnpm publish` would: `workspace:` and `catalog:` ranges become
 * versions, and only the `files` go in.
 *
 * @param options - Repository, destination, log.
 * @returns The tarballs' paths, one per public package.
 * @throws {@link ExecError} when the build or `pnpm pack` fails; Error when a tarball is missing.
 * @example
 * ```ts
 * const tarballs = await packPublicPackages({ repoRoot, destination: '/tmp/packs', logFile });
 * ```
 */
export async function packPublicPackages(options: PackPublicPackagesOptions): Promise<string[]> {
  const { repoRoot, destination, logFile } = options;
  const filters = listPublicPackages(repoRoot).map((name) => `--filter=${name}`);
  rmSync(destination, { recursive: true, force: true });
  mkdirSync(destination, { recursive: true });
  const [pnpm, prefix] = pnpmCommand(repoRoot);
  const run = (args: readonly string[]) =>
    exec(pnpm, [...prefix, ...args], {
      cwd: repoRoot,
      env: withoutNpmEnv(),
      logFile,
      timeoutMs: 15 * 60_000,
    });
  await run(['exec', 'turbo', 'run', 'build', ...filters, '--output-logs=errors-only']).catch(
    (error: unknown) => {
      if (!(error instanceof ExecError)) throw error;
      // e.g. `@agentcore-mcp/cli:build: src/x.ts(73,16): error TS2554: …`: the line worth showing.
      const reason = error.tail.find((line) => /error TS\d+|ERR!|Error:/.test(line));
      throw new ExecError(
        `building the public packages failed: ${reason?.trim() ?? error.message}`,
        error.tail,
        { cause: error },
      );
    },
  );
  await run(['-r', ...filters, 'pack', '--pack-destination', destination]);
  const tarballs = readdirSync(destination).filter((file) => file.endsWith('.tgz'));
  if (tarballs.length !== filters.length)
    throw new Error(
      `pnpm pack wrote ${tarballs.length} tarballs for ${filters.length} packages in ${destination}`,
    );
  return tarballs.map((file) => join(destination, file));
}

/**
 * The pnpm running `pnpm images` (pnpm sets npm_execpath for scripts), else the repository's
 * `packageManager` through npx.
 */
function pnpmCommand(repoRoot: string): [string, string[]] {
  const execPath = process.env.npm_execpath;
  if (execPath?.includes('pnpm') === true) return [process.execPath, [execPath]];
  const { packageManager = 'pnpm' } = JSON.parse(
    readFileSync(join(repoRoot, 'package.json'), 'utf8'),
  ) as { packageManager?: string };
  return ['npx', ['--yes', packageManager]];
}
