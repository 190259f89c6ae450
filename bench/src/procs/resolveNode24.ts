import { execFileSync } from 'node:child_process';

import { installNode24 } from '@agentcore-mcp/test-support';

/** Node 24 (what the images run), or why it is not available. */
export type Node24Result =
  | { readonly ok: true; readonly node: string; readonly version: string }
  | { readonly ok: false; readonly reason: string };

/**
 * Finds Node 24 for the rows that run on it: the npm registry's `node@24` package, installed once
 * into the repository root's `node_modules/.cache/node24` by the same helper the apps' tests use
 * (later runs and tests share it).
 *
 * @param log - Where progress lines go.
 * @returns The binary and its version, or why it is missing (e.g. offline on first use).
 */
export async function resolveNode24(log: (line: string) => void): Promise<Node24Result> {
  try {
    const node = await installNode24();
    const version = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
    if (!version.startsWith('v24.')) return { ok: false, reason: `${node} is ${version}` };
    return { ok: true, node, version };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    log(`Node 24 not available: ${reason}`);
    return { ok: false, reason: reason ?? 'unknown error' };
  }
}
