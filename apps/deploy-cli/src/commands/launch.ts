import { type Command, Option } from 'commander';

import type { AwsCommandOptions } from '../aws/awsContext.js';
import type { CommandContext } from '../commandContext.js';
import type { LaunchResult } from '../runtime/launchRuntime.js';
import { addRuntimeOptions, localBuildOption } from './sharedOptions.js';

/** Options of `agentcore-mcp launch`. */
export interface LaunchOptions extends AwsCommandOptions {
  /** `--name`: the runtime. Default: the project's default. */
  readonly name?: string | undefined;
  /** `--local-build`: build with the local Docker instead of CodeBuild. Default: CodeBuild. */
  readonly localBuild?: boolean | undefined;
  /**
   * `--enable-transaction-search`: turn CloudWatch Transaction Search on for the account and
   * region (needs observability). Default: only check it.
   */
  readonly enableTransactionSearch?: boolean | undefined;
  /**
   * `--json`: stdout gets only JSON (with `--dry-run` the plan, else the deployment); progress
   * goes to stderr. Default: readable lines.
   */
  readonly json?: boolean | undefined;
}

/**
 * `--dry-run` of `launch` and `gateway deploy`: the plan, with nothing sent and no credentials read.
 *
 * @returns The option.
 * @example
 * ```ts
 * command.addOption(launchDryRunOption());
 * ```
 */
export function launchDryRunOption(): Option {
  return new Option(
    '--dry-run',
    'print the plan (resources, every AWS request) and send nothing; needs no AWS credentials',
  );
}

/**
 * `--json` of `launch` and `gateway deploy`.
 *
 * @returns The option.
 * @example
 * ```ts
 * command.addOption(launchJsonOption());
 * ```
 */
export function launchJsonOption(): Option {
  return new Option(
    '--json',
    'print only JSON on stdout (with --dry-run the plan, see the README), progress on stderr',
  );
}

/**
 * `--enable-transaction-search` of `launch` and `gateway deploy`.
 *
 * @returns The option.
 * @example
 * ```ts
 * command.addOption(enableTransactionSearchOption());
 * ```
 */
export function enableTransactionSearchOption(): Option {
  return new Option(
    '--enable-transaction-search',
    'with observability: turn on CloudWatch Transaction Search, without which traces do not appear in AgentCore observability (account-wide, once per account and region; only the missing steps)',
  );
}

/**
 * Adds `agentcore-mcp launch` to the program.
 *
 * @param program - The program.
 * @param context - What the command runs with.
 * @example
 * ```ts
 * addLaunchCommand(program, context);
 * ```
 */
export function addLaunchCommand(program: Command, context: CommandContext): void {
  addRuntimeOptions(
    program
      .command('launch')
      .description(
        'build the arm64 image (CodeBuild) and create or update the AgentCore runtime, then wait for READY',
      ),
  )
    .addOption(localBuildOption())
    .addOption(enableTransactionSearchOption())
    .addOption(launchDryRunOption())
    .addOption(launchJsonOption())
    .action(async (options: LaunchOptions) => {
      await run(options, context);
    });
}

/**
 * `agentcore-mcp launch`: builds and deploys the configured runtime, records the deployment in
 * `.agentcore-mcp.yaml`, and prints the ARN, the invocation URL and the next commands. For a
 * runtime with observability it first checks CloudWatch Transaction Search (with
 * `--enable-transaction-search`, turns it on). With
 * `--dry-run` it prints the plan instead (`--json`: as JSON), sending nothing and reading no
 * credentials.
 *
 * @param options - The parsed command-line options.
 * @param context - What the command runs with.
 * @returns What was deployed (in a dry run: what would be).
 * @throws {@link CliError} `ERR_NOT_CONFIGURED` / `ERR_INVALID_REGION` / `ERR_INVALID_INPUT` (the
 *   Dockerfile or its observability stage is missing, or `--enable-transaction-search` without
 *   observability) / `ERR_BUILD_FAILED` /
 *   `ERR_RUNTIME_FAILED` / `ERR_TIMEOUT`; `AwsRequestError` naming the missing permission.
 * @example
 * ```ts
 * await run({ dryRun: true, json: true }, context);
 * ```
 */
export async function run(options: LaunchOptions, context: CommandContext): Promise<LaunchResult> {
  const { openRuntime } = await import('../runtime/openRuntime.js');
  const { launchAndRecord } = await import('../runtime/launchAndRecord.js');
  const { context: aws, project, runtime } = await openRuntime(context, options);
  return launchAndRecord(aws, {
    project,
    runtime,
    localBuild: options.localBuild ?? false,
    json: options.json ?? false,
    transactionSearch: { enable: options.enableTransactionSearch ?? false },
  });
}
