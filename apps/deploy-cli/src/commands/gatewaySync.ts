import type { Command } from 'commander';

import type { AwsCommandOptions } from '../aws/awsContext.js';
import type { CommandContext } from '../commandContext.js';
import type { ManagedTargetState } from '../gateway/managedGatewayState.js';
import type { SyncManagedTargetsOptions } from '../gateway/syncManagedTargets.js';
import { addAwsOptions, dryRunOption, REGION_DEFAULTS } from './sharedOptions.js';

/** Options of `agentcore-mcp gateway sync`. */
export type GatewaySyncOptions = AwsCommandOptions & SyncManagedTargetsOptions;

/**
 * Adds `sync` to the `gateway` command.
 *
 * @param gateway - The `gateway` command.
 * @param context - What the command runs with.
 * @example
 * ```ts
 * addGatewaySyncCommand(program.command('gateway'), context);
 * ```
 */
export function addGatewaySyncCommand(gateway: Command, context: CommandContext): void {
  addAwsOptions(
    gateway
      .command('sync')
      .description(
        "re-list the tools of the managed gateway's targets (after a server's tools changed)",
      )
      .option('--target <name>', 'only this target (default: every recorded one)')
      .addOption(dryRunOption()),
    REGION_DEFAULTS.recorded,
  ).action(async (options: GatewaySyncOptions) => {
    await run(options, context);
  });
}

/**
 * `agentcore-mcp gateway sync`: asks AgentCore to list the recorded targets' tools again and waits
 * until each is READY, in `--region`, else the recorded region, else AWS_REGION.
 *
 * @param options - The parsed command-line options.
 * @param context - What the command runs with.
 * @returns The targets synchronized.
 * @throws {@link CliError} `ERR_NOT_DEPLOYED` / `ERR_INVALID_REGION` / `ERR_RUNTIME_FAILED` /
 *   `ERR_TIMEOUT`; `AwsRequestError`.
 * @example
 * ```ts
 * await run({ target: 'weather' }, context);
 * ```
 */
export async function run(
  options: GatewaySyncOptions,
  context: CommandContext,
): Promise<ManagedTargetState[]> {
  const { openAwsContext } = await import('../aws/awsContext.js');
  const { readRecordedRegion } = await import('../gateway/managedGatewayState.js');
  const { syncManagedTargets } = await import('../gateway/syncManagedTargets.js');
  const aws = await openAwsContext(context, {
    ...options,
    fallbackRegion: readRecordedRegion(context.cwd),
  });
  return syncManagedTargets(options, aws);
}
