import type { Command } from 'commander';

import type { AwsCommandOptions } from '../aws/awsContext.js';
import type { CommandContext } from '../commandContext.js';
import type {
  DestroyManagedGatewayOptions,
  DestroyManagedGatewayResult,
} from '../gateway/destroyManagedGateway.js';
import { addAwsOptions, dryRunOption, REGION_DEFAULTS } from './sharedOptions.js';

/** Options of `agentcore-mcp gateway destroy-managed`. */
export type GatewayDestroyManagedOptions = AwsCommandOptions & DestroyManagedGatewayOptions;

/**
 * Adds `destroy-managed` to the `gateway` command.
 *
 * @param gateway - The `gateway` command.
 * @param context - What the command runs with.
 * @example
 * ```ts
 * addGatewayDestroyManagedCommand(program.command('gateway'), context);
 * ```
 */
export function addGatewayDestroyManagedCommand(gateway: Command, context: CommandContext): void {
  addAwsOptions(
    gateway
      .command('destroy-managed')
      .description(
        'delete the managed AgentCore Gateway register-managed recorded: its targets, the gateway, the credential providers it created (and with --delete-role its role)',
      )
      .option('--yes', 'do not ask for confirmation (required without a terminal)')
      .option('--delete-role', 'also delete the execution role, if register-managed created it')
      .addOption(dryRunOption()),
    REGION_DEFAULTS.recorded,
  ).action(async (options: GatewayDestroyManagedOptions) => {
    await run(options, context);
  });
}

/**
 * `agentcore-mcp gateway destroy-managed`: deletes what `register-managed` recorded in
 * `.agentcore-mcp/managed-gateway.json`, in `--region`, else the recorded region, else AWS_REGION.
 * Asks first on a terminal; needs `--yes` otherwise.
 *
 * @param options - The parsed command-line options.
 * @param context - What the command runs with.
 * @returns Whether it was confirmed, and what each step found.
 * @throws {@link CliError} `ERR_NOT_DEPLOYED` / `ERR_INVALID_REGION` / `ERR_INVALID_INPUT` /
 *   `ERR_CONFIRMATION_REQUIRED` / `ERR_TIMEOUT`; `AwsRequestError`.
 * @example
 * ```ts
 * await run({ yes: true, deleteRole: true }, context);
 * ```
 */
export async function run(
  options: GatewayDestroyManagedOptions,
  context: CommandContext,
): Promise<DestroyManagedGatewayResult> {
  const { openAwsContext } = await import('../aws/awsContext.js');
  const { readRecordedRegion } = await import('../gateway/managedGatewayState.js');
  const { destroyManagedGateway } = await import('../gateway/destroyManagedGateway.js');
  const aws = await openAwsContext(context, {
    ...options,
    fallbackRegion: readRecordedRegion(context.cwd),
  });
  return destroyManagedGateway(options, aws);
}
