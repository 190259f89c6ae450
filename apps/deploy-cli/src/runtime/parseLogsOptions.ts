import { CliError } from '../errors.js';

const UNIT_MS: Readonly<Record<string, number>> = {
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};

/**
 * Turns `--since` into a start time: a duration back from now (`30s`, `10m`, `2h`, `1d`) or an
 * ISO 8601 time.
 *
 * @param since - The option's value.
 * @param now - The current time.
 * @returns Milliseconds since the epoch.
 * @throws {@link CliError} `ERR_INVALID_INPUT` for anything else.
 * @example
 * ```ts
 * parseSince('10m', new Date('2026-11-25T12:00:00Z')); // Date.parse('2026-11-25T11:50:00Z')
 * ```
 */
export function parseSince(since: string, now: Date): number {
  const duration = /^(\d+)([smhd])$/.exec(since.trim());
  if (duration) {
    const [, amount = '0', unit = 's'] = duration;
    return now.getTime() - Number(amount) * (UNIT_MS[unit] ?? 0);
  }
  const time = /^\d{4}-\d{2}-\d{2}/.test(since) ? Date.parse(since) : Number.NaN;
  if (Number.isNaN(time)) {
    throw new CliError(
      'ERR_INVALID_INPUT',
      `Invalid --since "${since}": expected a duration such as 30s, 10m, 2h or 1d, or an ISO time such as 2026-11-25T12:00:00Z`,
    );
  }
  return time;
}

/**
 * Checks `--limit`: a whole number of events, at least 1.
 *
 * @param limit - The option's value.
 * @returns The number.
 * @throws {@link CliError} `ERR_INVALID_INPUT` for anything else.
 */
export function parseLimit(limit: string | number): number {
  const value = typeof limit === 'number' ? limit : /^\d+$/.test(limit.trim()) ? Number(limit) : 0;
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new CliError(
      'ERR_INVALID_INPUT',
      `Invalid --limit "${String(limit)}": expected a whole number of events, at least 1, e.g. --limit 50`,
    );
  }
  return value;
}
