import { resolveRegion } from '@agentcore-mcp/core';

import { CliError } from '../errors.js';

/**
 * The region a command works in: the explicit value (`--region`, or one the project recorded),
 * then `AWS_REGION`, then `AWS_DEFAULT_REGION` (core's `resolveRegion`).
 *
 * @param explicit - `--region`, or the project's region when the flag is absent.
 * @param env - The environment.
 * @returns The region, e.g. `us-east-1`.
 * @throws {@link CliError} `ERR_INVALID_REGION` when none is set; core's `ERR_INVALID_REGION` when
 *   the value found is not a region code.
 * @example
 * ```ts
 * requireRegion(undefined, { AWS_REGION: 'eu-west-1' }); // 'eu-west-1'
 * ```
 */
export function requireRegion(explicit: string | undefined, env: NodeJS.ProcessEnv): string {
  const region = resolveRegion(explicit, env);
  if (region === undefined) {
    throw new CliError(
      'ERR_INVALID_REGION',
      'No AWS region: pass --region (or set AWS_REGION), e.g. --region us-east-1',
    );
  }
  return region;
}
