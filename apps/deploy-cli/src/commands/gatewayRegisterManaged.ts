import type { Command } from 'commander';

import type { AwsCommandOptions } from '../aws/awsContext.js';
import type { CommandContext } from '../commandContext.js';
import type {
  GatewayRegisterManagedResult,
  RegisterManagedGatewayOptions,
} from '../gateway/registerManagedGateway.js';
import {
  addAwsOptions,
  dryRunOption,
  gatewayConfigOption,
  REGION_DEFAULTS,
} from './sharedOptions.js';

/** Options of `agentcore-mcp gateway register-managed`. */
export type GatewayRegisterManagedOptions = AwsCommandOptions & RegisterManagedGatewayOptions;

/**
 * Adds `register-managed` to the `gateway` command.
 *
 * @param gateway - The `gateway` command.
 * @param context - What the command runs with.
 * @example
 * ```ts
 * addGatewayRegisterManagedCommand(program.command('gateway'), context);
 * ```
 */
export function addGatewayRegisterManagedCommand(gateway: Command, context: CommandContext): void {
  addAwsOptions(
    gateway
      .command('register-managed')
      .description(
        'create (or reuse) a managed AgentCore Gateway with one mcpServer target per HTTPS target of the config',
      )
      .addOption(gatewayConfigOption())
      .option('--name <name>', 'gateway name (_ becomes -)', 'agentcore-mcp-gateway')
      .option('--role-arn <arn>', 'execution role to use (default: one created for the gateway)')
      .addOption(dryRunOption()),
    REGION_DEFAULTS.recorded,
  ).action(async (options: GatewayRegisterManagedOptions) => {
    await run(options, context);
  });
}

/**
 * `agentcore-mcp gateway register-managed`: creates (or reuses) a managed AgentCore Gateway with
 * one `mcpServer` target per HTTPS target of our gateway's config, in `--region`, else the region
 * an earlier run recorded, else AWS_REGION.
 *
 * @param options - The parsed command-line options.
 * @param context - What the command runs with.
 * @returns The gateway, its targets, and the skipped targets.
 * @throws {@link CliError} `ERR_INVALID_INPUT` / `ERR_INVALID_REGION` / `ERR_RUNTIME_FAILED` /
 *   `ERR_TIMEOUT`; `AwsRequestError` naming the missing permission.
 * @example
 * ```ts
 * await run({ config: 'gateway.json', dryRun: true }, context);
 * ```
 */
export async function run(
  options: GatewayRegisterManagedOptions,
  context: CommandContext,
): Promise<GatewayRegisterManagedResult> {
  const { openAwsContext } = await import('../aws/awsContext.js');
  const { readRecordedRegion } = await import('../gateway/managedGatewayState.js');
  const { registerManagedGateway } = await import('../gateway/registerManagedGateway.js');
  const aws = await openAwsContext(context, {
    ...options,
    fallbackRegion: readRecordedRegion(context.cwd),
  });
  return registerManagedGateway(options, aws);
}
