import {
  DescribeLogGroupsCommand,
  type DescribeLogGroupsCommandOutput,
  FilterLogEventsCommand,
  type FilterLogEventsCommandOutput,
} from '@aws-sdk/client-cloudwatch-logs';

import type { AwsContext } from '../aws/awsContext.js';

/** One CloudWatch Logs event, as `logs` prints it. */
export interface LogEvent {
  /** Unique per event; `--follow` uses it to skip events it printed already. */
  readonly id: string;
  /** Milliseconds since the epoch. */
  readonly timestamp: number;
  readonly message: string;
}

/** Stops a runaway scan (CloudWatch may return empty pages with a next token). */
const MAX_PAGES = 1000;

/**
 * Reads every event of a log group from `startTime` on (FilterLogEvents, all pages), keeping the
 * last `keepLast`.
 *
 * @param context - The AWS context.
 * @param query - The log group, the start time and how many of the newest events to keep.
 * @returns The events, oldest first.
 * @throws {@link AwsRequestError} (`ResourceNotFoundException` when the group does not exist).
 * @example
 * ```ts
 * const events = await filterLogEvents(context, { logGroupName, startTime, keepLast: 200 });
 * ```
 */
export async function filterLogEvents(
  context: AwsContext,
  query: { logGroupName: string; startTime: number; keepLast: number },
): Promise<LogEvent[]> {
  const events: LogEvent[] = [];
  let nextToken: string | undefined;
  let pages = 0;
  do {
    const page = await context.aws.send(
      context.clients.logs,
      new FilterLogEventsCommand({
        logGroupName: query.logGroupName,
        startTime: query.startTime,
        ...(nextToken === undefined ? {} : { nextToken }),
      }),
      () => ({}) as FilterLogEventsCommandOutput,
    );
    for (const event of page.events ?? []) {
      const timestamp = event.timestamp ?? 0;
      const message = (event.message ?? '').replace(/\r?\n$/, '');
      const id = event.eventId ?? `${event.logStreamName ?? ''}:${timestamp}:${message}`;
      events.push({ id, timestamp, message });
    }
    if (events.length > query.keepLast) events.splice(0, events.length - query.keepLast);
    nextToken = page.nextToken;
    pages += 1;
  } while (nextToken !== undefined && pages < MAX_PAGES);
  return events;
}

/**
 * Looks for a runtime's log group by prefix (DescribeLogGroups), for when it is not the usual
 * `/aws/bedrock-agentcore/runtimes/<id>-DEFAULT`.
 *
 * @param context - The AWS context.
 * @param runtimeId - The runtime id.
 * @returns The first matching group (a `-DEFAULT` one if any), or `undefined` when there is none.
 */
export async function findRuntimeLogGroup(
  context: AwsContext,
  runtimeId: string,
): Promise<string | undefined> {
  const { logGroups = [] } = await context.aws.send(
    context.clients.logs,
    new DescribeLogGroupsCommand({ logGroupNamePrefix: runtimeLogGroupPrefix(runtimeId) }),
    () => ({}) as DescribeLogGroupsCommandOutput,
  );
  const names = logGroups.flatMap((group) => (group.logGroupName ? [group.logGroupName] : []));
  return names.find((name) => name.endsWith('-DEFAULT')) ?? names[0];
}

/**
 * The prefix every log group of a runtime starts with.
 *
 * @param runtimeId - The runtime id.
 */
export function runtimeLogGroupPrefix(runtimeId: string): string {
  return `/aws/bedrock-agentcore/runtimes/${runtimeId}`;
}

/**
 * One printed line: `<ISO timestamp> <message>`; JSON lines from the servers stay as they are.
 *
 * @param event - The event.
 */
export function formatLogEvent(event: LogEvent): string {
  return `${new Date(event.timestamp).toISOString()} ${event.message}`;
}
