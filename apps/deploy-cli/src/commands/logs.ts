import type { Command } from 'commander';

import type { AwsCommandOptions } from '../aws/awsContext.js';
import type { CommandContext } from '../commandContext.js';
import { addRuntimeOptions } from './sharedOptions.js';

/** Options of `agentcore-mcp logs`. */
export interface LogsOptions extends Omit<AwsCommandOptions, 'dryRun'> {
  /** `--name`: the runtime. Default: the project's default runtime. */
  readonly name?: string | undefined;
  /** `--since`: `30s`, `10m`, `2h`, `1d` or an ISO time. Default: `10m`. */
  readonly since?: string | undefined;
  /** `--limit`: print at most this many of the newest events. Default: 200. */
  readonly limit?: string | number | undefined;
  /** `--follow`: keep printing new events every 2 s until Ctrl-C. Default: off. */
  readonly follow?: boolean | undefined;
}

/**
 * Adds `agentcore-mcp logs` to the program.
 *
 * @param program - The program.
 * @param context - What the command runs with.
 * @example
 * ```ts
 * addLogsCommand(program, context);
 * ```
 */
export function addLogsCommand(program: Command, context: CommandContext): void {
  addRuntimeOptions(
    program
      .command('logs')
      .description("print the runtime's CloudWatch logs; --follow keeps printing until Ctrl-C"),
  )
    .option('--since <time>', 'start: a duration back (30s, 10m, 2h, 1d) or an ISO time', '10m')
    .option('--follow', 'poll for new events every 2 s until Ctrl-C')
    .option('--limit <n>', 'print at most this many of the newest events', '200')
    .action(async (options: LogsOptions) => {
      await run(options, context);
    });
}

/**
 * `agentcore-mcp logs`: prints the runtime's CloudWatch Logs as `<ISO time> <message>` lines;
 * with `--follow`, keeps printing new ones until Ctrl-C.
 *
 * @param options - The parsed command-line options.
 * @param context - What the command runs with.
 * @throws {@link CliError} `ERR_NOT_CONFIGURED` / `ERR_NOT_DEPLOYED` / `ERR_INVALID_INPUT` /
 *   `ERR_INVALID_REGION`; `AwsRequestError`.
 * @example
 * ```ts
 * await run({ since: '1h', follow: true }, context);
 * ```
 */
export async function run(options: LogsOptions, context: CommandContext): Promise<void> {
  const { openRuntime } = await import('../runtime/openRuntime.js');
  const { showLogs } = await import('../runtime/showLogs.js');
  const { context: aws, runtime } = await openRuntime(context, options);
  const stop = new AbortController();
  const onInterrupt = (): void => stop.abort();
  process.once('SIGINT', onInterrupt);
  try {
    await showLogs(aws, runtime, { ...options, signal: stop.signal });
  } finally {
    process.off('SIGINT', onInterrupt);
  }
}
