import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Builds the production bundle a Dockerfile ships (`pnpm deploy --prod --legacy`) for one
 * workspace package into `outDir`, so tests can start the app from exactly that content.
 * The package must already be built.
 *
 * @param packageName - The workspace package, e.g. `@agentcore-mcp/example-server`.
 * @param outDir - An empty or missing directory to deploy into.
 * @returns `outDir`.
 * @example
 * ```ts
 * const dir = await deployBundle('@agentcore-mcp/example-server', mkdtempSync(join(tmpdir(), 'bundle-')));
 * const app = await spawnApp(join(dir, 'dist/main.js'), { cwd: dir });
 * ```
 */
export async function deployBundle(packageName: string, outDir: string): Promise<string> {
  const root = findWorkspaceRoot(process.cwd());
  const [command, args] = pnpmCommand(root);
  await run(
    command,
    [
      ...args,
      `--filter=${packageName}`,
      'deploy',
      '--prod',
      '--legacy',
      '--prefer-offline',
      outDir,
    ],
    {
      cwd: root,
      env: { ...process.env, CI: 'true' },
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  return outDir;
}

function findWorkspaceRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
    if (dirname(dir) === dir) throw new Error(`No pnpm-workspace.yaml above ${start}`);
  }
}

/** The pnpm running this test (through `pnpm test`), else the version the repo pins, via npx. */
function pnpmCommand(root: string): [string, string[]] {
  const execPath = process.env.npm_execpath;
  if (execPath?.includes('pnpm')) return [process.execPath, [execPath]];
  const { packageManager } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    packageManager: string;
  };
  return ['npx', ['--yes', packageManager]];
}
