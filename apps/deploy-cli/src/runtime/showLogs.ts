import type { AwsContext } from '../aws/awsContext.js';
import { isAwsError } from '../aws/toAwsRequestError.js';
import type { RuntimeProject } from '../project/projectConfig.js';
import { runtimeLogGroup } from '../project/resourceNames.js';
import { requireDeployment } from './deployedRuntime.js';
import { followLogEvents } from './followLogEvents.js';
import {
  filterLogEvents,
  findRuntimeLogGroup,
  formatLogEvent,
  type LogEvent,
  runtimeLogGroupPrefix,
} from './logEvents.js';
import { parseLimit, parseSince } from './parseLogsOptions.js';

/** What {@link showLogs} prints. */
export interface ShowLogsOptions {
  /** `--since`: `30s`, `10m`, `2h`, `1d` or an ISO time. Default: `10m`. */
  readonly since?: string | undefined;
  /** `--limit`: print at most this many of the newest events. Default: 200. */
  readonly limit?: string | number | undefined;
  /** `--follow`: keep printing new events every 2 s until `signal` aborts. Default: off. */
  readonly follow?: boolean | undefined;
  /** Stops `--follow`. */
  readonly signal?: AbortSignal | undefined;
  /** Stops `--follow` after this many polls; for tests. Default: no limit. */
  readonly maxPolls?: number | undefined;
}

const DEFAULT_LIMIT = 200;

/**
 * Prints one runtime's CloudWatch Logs as `<ISO time> <message>` lines (`agentcore-mcp logs`) and,
 * with `follow`, keeps printing new ones until `signal` aborts.
 *
 * @param context - The AWS context.
 * @param runtime - The configured runtime.
 * @param options - Since, limit, follow, and how to stop following.
 * @throws {@link CliError} `ERR_NOT_DEPLOYED` / `ERR_INVALID_INPUT`; `AwsRequestError`.
 * @example
 * ```ts
 * await showLogs(context, runtime, { since: '1h' });
 * ```
 */
export async function showLogs(
  context: AwsContext,
  runtime: RuntimeProject,
  options: ShowLogsOptions = {},
): Promise<void> {
  const { runtimeId } = requireDeployment(runtime);
  const startTime = parseSince(options.since ?? '10m', context.now());
  const keepLast = parseLimit(options.limit ?? DEFAULT_LIMIT);
  const first = await readFirstEvents(context, { runtimeId, startTime, keepLast });
  if (first === undefined) {
    context.output.result(
      `No logs yet for ${runtime.name}: there is no log group ${runtimeLogGroupPrefix(runtimeId)}* in ${context.clients.target.region} (AgentCore creates it when the runtime first starts; invoke it, then try again)`,
    );
    return;
  }
  for (const event of first.events) context.output.result(formatLogEvent(event));
  if (!options.follow && first.events.length === 0) {
    context.output.note(`no log events since ${new Date(startTime).toISOString()}`);
  }
  if (!options.follow) return;
  await followLogEvents(context, {
    logGroupName: first.logGroupName,
    startTime,
    printed: first.events,
    signal: options.signal,
    maxPolls: options.maxPolls,
    keepLast,
  });
}

/** Reads the usual log group, or the one found by prefix; `undefined` when there is none. */
async function readFirstEvents(
  context: AwsContext,
  query: { runtimeId: string; startTime: number; keepLast: number },
): Promise<{ logGroupName: string; events: LogEvent[] } | undefined> {
  const usual = runtimeLogGroup(query.runtimeId);
  try {
    return {
      logGroupName: usual,
      events: await filterLogEvents(context, { ...query, logGroupName: usual }),
    };
  } catch (error) {
    if (!isAwsError(error, 'ResourceNotFoundException')) throw error;
  }
  const found = await findRuntimeLogGroup(context, query.runtimeId);
  if (found === undefined) return undefined;
  return {
    logGroupName: found,
    events: await filterLogEvents(context, { ...query, logGroupName: found }),
  };
}
