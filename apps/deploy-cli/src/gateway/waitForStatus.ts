import type { AwsContext } from '../aws/awsContext.js';
import { CliError } from '../errors.js';

/** A resource's state as AgentCore reports it. */
export interface StatusReport {
  readonly status?: string | undefined;
  readonly statusReasons?: readonly string[] | undefined;
}

/** What {@link waitForStatus} waits for. */
export interface WaitForStatusOptions<TReport extends StatusReport> {
  /** What is waited for, in messages: `gateway "tools" (abc-1234567890)`. */
  readonly what: string;
  /** One status request (sent through `context.aws`). */
  readonly poll: () => Promise<TReport>;
  /** The status that ends the wait. Default: `READY`. */
  readonly ready?: string;
  /** Statuses that mean it will not get there on its own. */
  readonly failed: readonly string[];
  /** What to do when it failed, appended to the message. */
  readonly hint: string;
  /** Milliseconds between polls. Default: 5000. */
  readonly intervalMs?: number;
  /** Polls before giving up. Default: 60 (five minutes at the default interval). */
  readonly maxPolls?: number;
}

/**
 * Polls until a gateway or target is READY, waiting `intervalMs` (through `context.sleep`) between
 * polls and giving up after `maxPolls`.
 *
 * @param context - Sleep and AWS requests.
 * @param options - What to poll and which statuses end the wait.
 * @returns The READY report.
 * @throws {@link CliError} `ERR_RUNTIME_FAILED` with AgentCore's `statusReasons` on one line, or
 *   `ERR_TIMEOUT`.
 */
export async function waitForStatus<TReport extends StatusReport>(
  context: AwsContext,
  options: WaitForStatusOptions<TReport>,
): Promise<TReport> {
  const ready = options.ready ?? 'READY';
  const intervalMs = options.intervalMs ?? 5_000;
  const maxPolls = options.maxPolls ?? 60;
  let last: TReport | undefined;
  for (let poll = 1; poll <= maxPolls; poll++) {
    if (poll > 1) await context.sleep(intervalMs);
    last = await options.poll();
    if (last.status === ready) return last;
    if (last.status !== undefined && options.failed.includes(last.status)) {
      const reasons = (last.statusReasons ?? []).map((reason) =>
        reason.replace(/\s+/g, ' ').trim(),
      );
      throw new CliError(
        'ERR_RUNTIME_FAILED',
        `${options.what} is ${last.status}: ${reasons.filter(Boolean).join('; ') || 'AgentCore gave no reason'} — ${options.hint}`,
      );
    }
  }
  throw new CliError(
    'ERR_TIMEOUT',
    `${options.what} was not ${ready} after ${Math.round((maxPolls * intervalMs) / 1000)} s (last status ${last?.status ?? 'unknown'}); check it in the AgentCore console and run the command again`,
  );
}
