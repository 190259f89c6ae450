import type { AwsContext } from '../aws/awsContext.js';
import { filterLogEvents, formatLogEvent, type LogEvent } from './logEvents.js';

/** How often `logs --follow` asks for new events. */
export const FOLLOW_INTERVAL_MS = 2000;

/** Where {@link followLogEvents} starts and when it stops. */
export interface FollowLogEventsOptions {
  readonly logGroupName: string;
  /** The start time when nothing was printed yet. */
  readonly startTime: number;
  /** What was printed already (the newest events of the first read). */
  readonly printed: readonly LogEvent[];
  /** Stops following (`cli.ts` aborts on SIGINT). */
  readonly signal?: AbortSignal | undefined;
  /** Stops after this many polls; for tests. Default: no limit. */
  readonly maxPolls?: number | undefined;
  /** Events per poll at most. */
  readonly keepLast: number;
}

/**
 * Polls the log group every {@link FOLLOW_INTERVAL_MS} ms from the newest timestamp seen
 * (inclusive, so events sharing it are not lost) and prints what is new, skipping event ids it
 * printed already, until `signal` aborts or `maxPolls` is reached.
 *
 * @param context - The AWS context (its `sleep` paces the polls).
 * @param options - The group, where to start and when to stop.
 * @returns The number of polls made.
 */
export async function followLogEvents(
  context: AwsContext,
  options: FollowLogEventsOptions,
): Promise<number> {
  let cursor = options.printed.at(-1)?.timestamp ?? options.startTime;
  let seen = new Set(options.printed.filter((e) => e.timestamp === cursor).map((e) => e.id));
  let polls = 0;
  while (!options.signal?.aborted && (options.maxPolls === undefined || polls < options.maxPolls)) {
    await sleepUnlessAborted(context, options.signal);
    if (options.signal?.aborted) break;
    polls += 1;
    const events = await filterLogEvents(context, {
      logGroupName: options.logGroupName,
      startTime: cursor,
      keepLast: options.keepLast,
    });
    for (const event of events) {
      if (seen.has(event.id)) continue;
      context.output.result(formatLogEvent(event));
      if (event.timestamp > cursor) {
        cursor = event.timestamp;
        seen = new Set();
      }
      if (event.timestamp === cursor) seen.add(event.id);
    }
  }
  return polls;
}

function sleepUnlessAborted(context: AwsContext, signal?: AbortSignal): Promise<void> {
  if (signal === undefined) return context.sleep(FOLLOW_INTERVAL_MS);
  return new Promise((resolve) => {
    const done = (): void => {
      signal.removeEventListener('abort', done);
      resolve();
    };
    signal.addEventListener('abort', done, { once: true });
    context.sleep(FOLLOW_INTERVAL_MS).then(done, done);
  });
}
