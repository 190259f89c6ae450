import { join } from 'node:path';

import { installCachedPackages } from '@agentcore-mcp/test-support';

import type { ConformanceCli } from './runSuite.js';

/**
 * The conformance release that runs MCP 2026-07-28, pinned exactly: the 0.2.0 alphas change their
 * scenarios from one release to the next, and the expected-failures file is reconciled per pin.
 */
export const MODERN_CONFORMANCE_VERSION = '0.2.0-alpha.12';

/**
 * The Node major it runs on: 0.2.0-alpha.12 imports `globSync` from `node:fs`, which Node 20 (the
 * workspace's Node) lacks.
 */
const MODERN_CONFORMANCE_NODE = 22;

/** The 2026-07-28 conformance CLI, ready to run. */
export interface ModernConformance extends ConformanceCli {
  /** The CLI's own list of what a revision requires: `requirements/<revision>.yaml`. */
  requirementsFile(revision: string): string;
}

/**
 * Installs `@modelcontextprotocol/conformance@0.2.0-alpha.12` and Node 22 (the npm registry's
 * `node@22` package) once, into the repository root's `node_modules/.cache`. They are tools, not
 * workspace dependencies: the workspace runs Node 20 and already pins the 0.1.x CLI for the
 * 2025-11-25 leg.
 *
 * @returns The Node 22 binary, the CLI script and where its requirements files are.
 * @throws {@link Error} when `npm install` fails on first use (the registry must be reachable).
 */
export async function installModernConformance(): Promise<ModernConformance> {
  const dir = await installCachedPackages(
    `conformance-${MODERN_CONFORMANCE_VERSION}-node${MODERN_CONFORMANCE_NODE}`,
    [
      `node@${MODERN_CONFORMANCE_NODE}`,
      `@modelcontextprotocol/conformance@${MODERN_CONFORMANCE_VERSION}`,
    ],
  );
  const cliDir = join(dir, 'node_modules', '@modelcontextprotocol', 'conformance');
  return {
    node: join(dir, 'node_modules', 'node', 'bin', 'node'),
    script: join(cliDir, 'dist', 'index.js'),
    requirementsFile: (revision) => join(cliDir, 'requirements', `${revision}.yaml`),
  };
}
