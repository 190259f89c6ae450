import {
  SynchronizeGatewayTargetsCommand,
  type SynchronizeGatewayTargetsCommandOutput,
} from '@aws-sdk/client-bedrock-agentcore-control';

import type { AwsContext } from '../aws/awsContext.js';
import { CliError } from '../errors.js';
import { formatDryRun } from './formatDryRun.js';
import {
  MANAGED_GATEWAY_STATE_FILE,
  type ManagedTargetState,
  readManagedGatewayState,
} from './managedGatewayState.js';
import { waitForManagedTarget } from './managedTargets.js';

/** Which targets `gateway sync` synchronizes. */
export interface SyncManagedTargetsOptions {
  /** `--target`: one recorded target (config name or AgentCore name). Default: every one. */
  readonly target?: string | undefined;
}

/**
 * Asks AgentCore to list each recorded target's tools again (`agentcore-mcp gateway sync`)
 * (SynchronizeGatewayTargets, one target id per call, as the API requires) and waits until each is
 * READY. Run it after an MCP server's tools changed. Targets come from
 * `.agentcore-mcp/managed-gateway.json`, written by `register-managed`.
 *
 * @param options - `--target`.
 * @param context - The AWS context (`aws.dryRun` for `--dry-run`).
 * @returns The targets synchronized.
 * @throws {@link CliError} `ERR_NOT_DEPLOYED` (no state file or no such target),
 *   `ERR_RUNTIME_FAILED` with AgentCore's status reasons, `ERR_TIMEOUT`; `AwsRequestError`.
 * @example
 * ```ts
 * await syncManagedTargets({ target: 'weather' }, context);
 * ```
 */
export async function syncManagedTargets(
  options: SyncManagedTargetsOptions,
  context: AwsContext,
): Promise<ManagedTargetState[]> {
  const state = readManagedGatewayState(context.cwd);
  const recorded = state.targets.map((target) => target.configName).join(', ') || 'none';
  const targets = state.targets.filter(
    (target) =>
      options.target === undefined ||
      target.configName === options.target ||
      target.name === options.target,
  );
  if (targets.length === 0) {
    throw new CliError(
      'ERR_NOT_DEPLOYED',
      options.target === undefined
        ? `${MANAGED_GATEWAY_STATE_FILE} records no targets: run agentcore-mcp gateway register-managed --config gateway.json`
        : `No target "${options.target}" in ${MANAGED_GATEWAY_STATE_FILE} (recorded: ${recorded}); pass one of those, or run register-managed after adding it to the config`,
    );
  }
  const { output } = context;
  for (const target of targets) {
    output.result(`Synchronizing target ${target.name} (${target.targetId})`);
    await context.aws.send<Partial<SynchronizeGatewayTargetsCommandOutput>>(
      context.clients.agentCore,
      new SynchronizeGatewayTargetsCommand({
        gatewayIdentifier: state.gatewayId,
        targetIdList: [target.targetId],
      }),
      () => ({ targets: [] }),
    );
    await waitForManagedTarget(context, { gatewayId: state.gatewayId, ...target });
    if (!context.aws.dryRun)
      output.result(`Target ${target.name} is READY: its tools were listed again`);
  }
  if (context.aws.dryRun)
    for (const line of formatDryRun(context.aws.requests)) output.result(line);
  return targets;
}
