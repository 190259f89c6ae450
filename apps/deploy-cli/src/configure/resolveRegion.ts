import { DeployError } from '../deploy/deployError.js';
import type { MissingValueAsker } from './askForMissing.js';

/** An AWS region code: `us-east-1`, `eu-central-2`, `us-gov-west-1`. */
const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;
/** What the region prompt suggests. */
const SUGGESTED_REGION = 'us-east-1';

/**
 * Picks the runtime's region: `--region`, then AWS_REGION, then AWS_DEFAULT_REGION, then a
 * prompt (on a terminal), and checks it is a region code.
 *
 * @param flag - The `--region` value.
 * @param env - The environment.
 * @param asker - Prompts for it, or fails naming `--region`.
 * @returns The region, e.g. `us-east-1`.
 * @throws {@link DeployError} `ERR_INVALID_INPUT` for a missing region or one that is not a
 *   region code, naming where it came from.
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
  const candidates: [string, string | undefined][] = [
    ['--region', flag],
    ['AWS_REGION', env.AWS_REGION],
    ['AWS_DEFAULT_REGION', env.AWS_DEFAULT_REGION],
  ];
  for (const [source, value] of candidates) {
    if (value !== undefined && value.trim() !== '') return checked(value.trim(), source);
  }
  const answer = await asker.ask('--region (or set AWS_REGION)', (prompts) =>
    prompts.askRegion(SUGGESTED_REGION),
  );
  return checked(answer, '--region');
}

function checked(region: string, source: string): string {
  if (REGION_PATTERN.test(region)) return region;
  throw new DeployError(
    'ERR_INVALID_INPUT',
    `${source} "${region}" is not an AWS region code; use one such as us-east-1 or eu-central-1`,
  );
}
