// Packs every public package once per test run and installs the Node 24 runtime the consumer flow
// also runs under; the test files receive both through vitest's provide/inject.
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { installNode24 } from '@agentcore-mcp/test-support';
import type { TestProject } from 'vitest/node';

import { listPublicPackages, REPO_ROOT } from './publicPackages.js';
import { run } from './run.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Package name → absolute path of its packed tarball. */
    tarballs: Record<string, string>;
    /** A scratch directory outside the workspace, removed after the run. */
    scratch: string;
    /** The `bin` directory of the npm `node@24` package. */
    node24Bin: string;
  }
}

/** The pnpm that runs this test (pnpm sets npm_execpath for scripts), else the pinned one via npx. */
function pnpm(): [string, string[]] {
  const execPath = process.env.npm_execpath;
  return execPath?.includes('pnpm')
    ? [process.execPath, [execPath]]
    : ['npx', ['--yes', 'pnpm@10.34.8']];
}

export default async function setup(project: TestProject): Promise<() => void> {
  const scratch = mkdtempSync(join(tmpdir(), 'agentcore-mcp-consumer-'));
  const tarballDir = join(scratch, 'tarballs');
  mkdirSync(tarballDir);
  const packages = listPublicPackages();
  const [command, prefix] = pnpm();
  await run(
    command,
    [
      ...prefix,
      '-r',
      ...packages.map(({ name }) => `--filter=${name}`),
      'pack',
      '--pack-destination',
      tarballDir,
    ],
    { cwd: REPO_ROOT },
  );
  const files = readdirSync(tarballDir);
  const tarballs: Record<string, string> = {};
  for (const { name } of packages) {
    const stem = `${name.slice(1).replace('/', '-')}-`;
    const file = files.find(
      (candidate) => candidate.startsWith(stem) && /^\d/.test(candidate.slice(stem.length)),
    );
    if (file === undefined)
      throw new Error(`pnpm pack wrote no tarball for ${name} in ${tarballDir}`);
    tarballs[name] = join(tarballDir, file);
  }
  project.provide('tarballs', tarballs);
  project.provide('scratch', scratch);
  project.provide('node24Bin', dirname(await installNode24()));
  return () => rmSync(scratch, { recursive: true, force: true });
}
