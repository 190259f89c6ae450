import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

import { exec } from './exec.js';
import type { ImageSpec, PrepareContext, PreparedBuild } from './imageSpec.js';
import { withoutNpmEnv } from './npmEnv.js';

/** A template of `agentcore-mcp init` (apps/deploy-cli/templates/<name>). */
export type InitTemplate = 'server' | 'gateway';

/**
 * A {@link ImageSpec.prepare} for the project `agentcore-mcp init --template <template>` generates,
 * built from its own directory with its own Dockerfile, exactly as written:
 * 1. the workspace's CLI (`apps/deploy-cli/dist/cli.js`, built with the packages) writes the
 *    project into `scratchDir`, installing nothing (the package name is the directory's);
 * 2. `npm install --package-lock-only` writes the package-lock.json its Dockerfile's `npm ci`
 *    needs, with `@agentcore-mcp/*` from the workspace registry: their `resolved` URLs point at
 *    it, so `npm ci` in the build fetches them from there. The setting is on npm's command line on
 *    this machine only; nothing of it goes into the project.
 *
 * @param template - `server` or `gateway`.
 * @returns The prepare function.
 * @example
 * ```ts
 * { name: 'init-server', prepare: prepareInitProject('server'), … }
 * ```
 */
export function prepareInitProject(template: InitTemplate): NonNullable<ImageSpec['prepare']> {
  return async (context: PrepareContext): Promise<PreparedBuild> => {
    const { scratchDir: project, logFile } = context;
    const registry = await context.registryUrl();
    const options = { logFile, env: withoutNpmEnv(), timeoutMs: 10 * 60_000 };
    rmSync(project, { recursive: true, force: true });
    mkdirSync(dirname(project), { recursive: true });
    const cli = join(context.repoRoot, 'apps', 'deploy-cli', 'dist', 'cli.js');
    const init = [cli, 'init', basename(project), '--template', template, '--yes'];
    await exec(process.execPath, init, { ...options, cwd: dirname(project) });
    await exec(
      'npm',
      [
        'install',
        '--package-lock-only',
        `--@agentcore-mcp:registry=${registry}`,
        // The npm default; a user config may turn it off, and then `npm ci` would look for our
        // packages on the public registry.
        '--omit-lockfile-registry-resolved=false',
        '--no-audit',
        '--no-fund',
      ],
      { ...options, cwd: project },
    );
    assertLockResolvesTo(join(project, 'package-lock.json'), registry);
    return {
      context: project,
      dockerfile: join(project, 'Dockerfile'),
      cleanup: () => Promise.resolve(rmSync(project, { recursive: true, force: true })),
    };
  };
}

/** Every `@agentcore-mcp/*` package in the lock must come from `registry`, or `npm ci` cannot find it. */
function assertLockResolvesTo(lockFile: string, registry: string): void {
  const lock = JSON.parse(readFileSync(lockFile, 'utf8')) as {
    packages?: Record<string, { resolved?: string }>;
  };
  const ours = Object.entries(lock.packages ?? {}).filter(([path]) =>
    /(^|\/)node_modules\/@agentcore-mcp\//.test(path),
  );
  if (ours.length === 0) throw new Error(`${lockFile} holds no @agentcore-mcp package`);
  const elsewhere = ours.filter(([, entry]) => entry.resolved?.startsWith(registry) !== true);
  if (elsewhere.length > 0)
    throw new Error(
      `${lockFile}: ${elsewhere.map(([path]) => path).join(', ')} not resolved from ${registry}, so the build's npm ci could not fetch them`,
    );
}
