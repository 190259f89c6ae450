import { AgentCoreMcpError } from './errors.js';

/** An AWS region code: `us-east-1`, `eu-central-2`, `us-gov-west-1`, `cn-north-1`. */
const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;

/**
 * Whether a value is an AWS region code such as `us-east-1`.
 *
 * @param value - Any value.
 * @returns `true` for a region code.
 * @example
 * ```ts
 * isAwsRegion('eu-west-1'); // true
 * isAwsRegion('Europe'); // false
 * ```
 */
export function isAwsRegion(value: unknown): boolean {
  return typeof value === 'string' && REGION_PATTERN.test(value);
}

/**
 * Checks a region code, naming where it came from in the error.
 *
 * @param region - The candidate region.
 * @param source - Where it came from, e.g. `--region` or `AWS_REGION`. Default: `'region'`.
 * @returns The region.
 * @throws {@link AgentCoreMcpError} `ERR_INVALID_REGION`:
 *   `--region "Europe" is not an AWS region code; use one such as us-east-1 or eu-central-1`.
 * @example
 * ```ts
 * parseRegion('us-east-1', '--region'); // 'us-east-1'
 * ```
 */
export function parseRegion(region: string, source = 'region'): string {
  if (isAwsRegion(region)) return region;
  throw new AgentCoreMcpError(
    'ERR_INVALID_REGION',
    `${source} "${region}" is not an AWS region code; use one such as us-east-1 or eu-central-1`,
  );
}

/**
 * Picks a region the way the AWS CLI does, without prompting: an explicit value (a `--region`
 * flag), then `AWS_REGION`, then `AWS_DEFAULT_REGION`; empty values count as unset. The value
 * found is checked with {@link parseRegion}.
 *
 * @param explicit - The explicit value, e.g. the `--region` flag.
 * @param env - The environment to read (`process.env`).
 * @returns The region, or `undefined` when none is set anywhere.
 * @throws {@link AgentCoreMcpError} `ERR_INVALID_REGION` when the value found is not a region code.
 * @example
 * ```ts
 * resolveRegion(undefined, { AWS_REGION: 'eu-west-1' }); // 'eu-west-1'
 * ```
 */
export function resolveRegion(
  explicit: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): string | undefined {
  const candidates: [string, string | undefined][] = [
    ['--region', explicit],
    ['AWS_REGION', env.AWS_REGION],
    ['AWS_DEFAULT_REGION', env.AWS_DEFAULT_REGION],
  ];
  for (const [source, value] of candidates) {
    const trimmed = value?.trim();
    if (trimmed) return parseRegion(trimmed, source);
  }
  return undefined;
}
