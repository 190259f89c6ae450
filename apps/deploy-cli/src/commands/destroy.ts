import type { Command } from 'commander';

import type { AwsCommandOptions } from '../aws/awsContext.js';
import type { CommandContext } from '../commandContext.js';
import type { DestroyOptions, DestroyResult } from '../destroy/destroyDeployment.js';
import { addRuntimeOptions, dryRunOption } from './sharedOptions.js';

/** Options of `agentcore-mcp destroy`. */
export interface DestroyCommandOptions extends AwsCommandOptions, DestroyOptions {
  /** `--name`: the runtime. Default: the project's default runtime. */
  readonly name?: string | undefined;
}

/**
 * Adds `agentcore-mcp destroy` to the program.
 *
 * @param program - The program.
 * @param context - What the command runs with.
 * @example
 * ```ts
 * addDestroyCommand(program, context);
 * ```
 */
export function addDestroyCommand(program: Command, context: CommandContext): void {
  addRuntimeOptions(
    program
      .command('destroy')
      .description(
        'delete the deployed runtime (and with --delete-*, its image repository, roles, build project, user pool)',
      ),
  )
    .option('--yes', 'do not ask for confirmation (required without a terminal)')
    .option('--delete-ecr-repo', 'also delete the ECR repository and all its images')
    .option('--delete-role', 'also delete the execution role and the CodeBuild role')
    .option('--delete-codebuild', 'also delete the CodeBuild project and the uploaded source')
    .option(
      '--delete-cognito',
      'also delete the user pool in .agentcore-mcp/cognito-credentials.json',
    )
    .addOption(dryRunOption())
    .action(async (options: DestroyCommandOptions) => {
      await run(options, context);
    });
}

/**
 * `agentcore-mcp destroy`: deletes the runtime (and, with `--delete-*`, the ECR repository, IAM
 * roles, CodeBuild project and source archive, Cognito user pool), then removes the `deployment`
 * section from the project file. Asks first on a terminal; needs `--yes` otherwise.
 *
 * @param options - The parsed command-line options.
 * @param context - What the command runs with.
 * @returns What was deleted.
 * @throws {@link CliError} `ERR_CONFIRMATION_REQUIRED` without a terminal and `--yes`;
 *   `ERR_NOT_CONFIGURED` / `ERR_NOT_DEPLOYED` / `ERR_INVALID_REGION`; `AwsRequestError`.
 * @example
 * ```ts
 * await run({ yes: true, deleteEcrRepo: true }, context);
 * ```
 */
export async function run(
  options: DestroyCommandOptions,
  context: CommandContext,
): Promise<DestroyResult> {
  const { openRuntime } = await import('../runtime/openRuntime.js');
  const { destroyDeployment } = await import('../destroy/destroyDeployment.js');
  const { context: aws, runtime } = await openRuntime(context, options);
  return destroyDeployment(aws, runtime, options);
}
