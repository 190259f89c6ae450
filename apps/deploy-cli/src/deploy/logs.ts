import { isAwsError } from '../aws/awsRequestError.js';
import type { RuntimeProject } from '../project/projectConfig.js';
import type { DeployCommandEnvironment, DeployContext } from './deployContext.js';
import { requireDeployment } from './deployedRuntime.js';
import { followLogEvents } from './followLogEvents.js';
import {
  filterLogEvents,
  findRuntimeLogGroup,
  formatLogEvent,
  type LogEvent,
  runtimeLogGroupPrefix,
} from './logEvents.js';
import { openRuntimeContext } from './openRuntimeContext.js';
import { parseLimit, parseSince } from './parseLogsOptions.js';
import { runtimeLogGroup } from './resourceNames.js';

/** Options of `agentcore-mcp logs`. */
export interface LogsCommandOptions {
  /** `--name`: the runtime. Default: the project's default runtime. */
  readonly name?: string | undefined;
  /** `--region`. Default: the runtime's region in the project file. */
  readonly region?: string | undefined;
  /** `--profile`. Default: the standard credential chain. */
  readonly profile?: string | undefined;
  /** `--since`: `30s`, `10m`, `2h`, `1d` or an ISO time. Default: `10m`. */
  readonly since?: string | undefined;
  /** `--limit`: print at most this many of the newest events. Default: 200. */
  readonly limit?: string | number | undefined;
  /** `--follow`: keep printing new events every 2 s until Ctrl-C. Default: off. */
  readonly follow?: boolean | undefined;
}

/** What {@link showLogs} takes besides the command-line options. */
export interface ShowLogsOptions extends LogsCommandOptions {
  /** Stops `--follow`. */
  readonly signal?: AbortSignal | undefined;
  /** Stops `--follow` after this many polls; for tests. Default: no limit. */
  readonly maxPolls?: number | undefined;
}

const DEFAULT_LIMIT = 200;

/**
 * `agentcore-mcp logs`: prints the runtime's CloudWatch Logs as `<ISO time> <message>` lines;
 * with `--follow`, keeps printing new ones until Ctrl-C.
 *
 * @param options - The parsed command-line options.
 * @param environment - Output, working directory and environment.
 * @throws {@link DeployError} `ERR_NOT_CONFIGURED` / `ERR_NOT_DEPLOYED` / `ERR_INVALID_INPUT`;
 *   {@link AwsRequestError}.
 * @example
 * ```ts
 * await runLogsCommand({ since: '1h', follow: true }, { output, cwd: process.cwd(), env: process.env });
 * ```
 */
export async function runLogsCommand(
  options: LogsCommandOptions,
  environment: DeployCommandEnvironment,
): Promise<void> {
  const { context, runtime } = openRuntimeContext(environment, options);
  const stop = new AbortController();
  const onInterrupt = (): void => stop.abort();
  process.once('SIGINT', onInterrupt);
  try {
    await showLogs(context, runtime, { ...options, signal: stop.signal });
  } finally {
    process.off('SIGINT', onInterrupt);
  }
}

/**
 * Prints (and with `follow`, keeps printing) one runtime's logs: the body of
 * {@link runLogsCommand}, for tests.
 *
 * @param context - The deployment context.
 * @param runtime - The configured runtime.
 * @param options - Since, limit, follow, and how to stop following.
 */
export async function showLogs(
  context: DeployContext,
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
  context: DeployContext,
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
