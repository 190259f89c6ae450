import type { Command } from 'commander';

import type { AwsCommandOptions } from '../aws/awsContext.js';
import type { CommandContext } from '../commandContext.js';
import type { RuntimeStatusResult } from '../runtime/runtimeStatus.js';
import { addRuntimeOptions } from './sharedOptions.js';

/** Options of `agentcore-mcp status`. */
export interface StatusOptions extends Omit<AwsCommandOptions, 'dryRun'> {
  /** `--name`: the runtime. Default: the project's default runtime. */
  readonly name?: string | undefined;
  /** `--json`: print the status as one JSON object. Default: off. */
  readonly json?: boolean | undefined;
}

/**
 * Adds `agentcore-mcp status` to the program.
 *
 * @param program - The program.
 * @param context - What the command runs with.
 * @example
 * ```ts
 * addStatusCommand(program, context);
 * ```
 */
export function addStatusCommand(program: Command, context: CommandContext): void {
  addRuntimeOptions(
    program
      .command('status')
      .description("show the deployed runtime's state, version, endpoint, ARN and invocation URL"),
  )
    .option('--json', 'print the status as one JSON object')
    .action(async (options: StatusOptions) => {
      await run(options, context);
    });
}

/**
 * `agentcore-mcp status`: prints the runtime's state, version, last update, failure reason,
 * protocol, authorizer type, `DEFAULT` endpoint state, ARN and invocation URL.
 *
 * @param options - The parsed command-line options.
 * @param context - What the command runs with.
 * @returns The status (also printed).
 * @throws {@link CliError} `ERR_NOT_CONFIGURED` / `ERR_NOT_DEPLOYED` / `ERR_INVALID_REGION`;
 *   `AwsRequestError`.
 * @example
 * ```ts
 * await run({ json: true }, context);
 * ```
 */
export async function run(
  options: StatusOptions,
  context: CommandContext,
): Promise<RuntimeStatusResult> {
  const { openRuntime } = await import('../runtime/openRuntime.js');
  const { showStatus } = await import('../runtime/showStatus.js');
  const { context: aws, runtime } = await openRuntime(context, options);
  return showStatus(aws, runtime, options);
}
