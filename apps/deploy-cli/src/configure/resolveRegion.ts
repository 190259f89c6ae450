import { parseRegion, resolveRegion as resolveRegionFromEnv } from '@agentcore-mcp/core';

import type { MissingValueAsker } from './askForMissing.js';

/** What the region prompt suggests. */
const SUGGESTED_REGION = 'us-east-1';

/**
 * Picks the runtime's region: `--region`, then AWS_REGION, then AWS_DEFAULT_REGION (core's
 * `resolveRegion`), then a prompt on a terminal, and checks it is a region code.
 *
 * @param flag - The `--region` value.
 * @param env - The environment.
 * @param asker - Prompts for it, or fails naming `--region`.
 * @returns The region, e.g. `us-east-1`.
 * @throws `ERR_INVALID_REGION` for a missing region or one that is not a region code, naming
 *   where it came from.
 * @example
 * ```ts
 * await resolveRegion(undefined, { AWS_REGION: 'eu-west-1' }, asker); // 'eu-west-1'
 * ```
 */
export async function resolveRegion(
  flag: string | undefined,
  env: NodeJS.ProcessEnv,
  asker: MissingValueAsker,
): Promise<string> {
  const found = resolveRegionFromEnv(flag, env);
  if (found !== undefined) return found;
  const answer = await asker.ask(
    '--region (or set AWS_REGION)',
    (prompts) => prompts.askRegion(SUGGESTED_REGION),
    'ERR_INVALID_REGION',
  );
  return parseRegion(answer, '--region');
}
