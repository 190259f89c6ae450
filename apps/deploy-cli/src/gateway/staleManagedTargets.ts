import type { AwsContext } from '../aws/awsContext.js';
import { deleteManagedTarget } from './deleteManagedResources.js';
import {
  MANAGED_GATEWAY_STATE_FILE,
  type ManagedTargetState,
  readManagedGatewayState,
} from './managedGatewayState.js';
import { deleteOauthCredentialProvider } from './oauthCredentialProvider.js';

/**
 * The targets an earlier `register-managed` recorded on this gateway that the config no longer
 * registers (removed from it, disabled, or now skipped): they are still on the gateway, so they
 * stay recorded until they are deleted (`--prune`, or `destroy-managed`), and no run leaves a
 * target on AWS that the state file forgot. The recorded gateway is this one when its name, region
 * and id match; a dry run, which looks nothing up, assumes the recorded gateway of that name.
 *
 * @param context - The AWS context (the project directory; whether this is a dry run).
 * @param gateway - The gateway this run registers on: its id, name and region.
 * @param registered - The config names of the targets this run registers.
 * @returns The recorded targets no longer registered; none without a state file for this gateway.
 * @example
 * ```ts
 * const stale = findStaleTargets(context, { gatewayId, name, region }, ['weather_api']);
 * ```
 */
export function findStaleTargets(
  context: AwsContext,
  gateway: { readonly gatewayId: string; readonly name: string; readonly region: string },
  registered: readonly string[],
): ManagedTargetState[] {
  let recorded: readonly ManagedTargetState[];
  try {
    const state = readManagedGatewayState(context.cwd);
    const same =
      state.region === gateway.region &&
      state.gatewayName === gateway.name &&
      (context.aws.dryRun || state.gatewayId === gateway.gatewayId);
    if (!same) return [];
    recorded = state.targets;
  } catch {
    return [];
  }
  const kept = new Set(registered);
  return recorded.filter((target) => !kept.has(target.configName));
}

/**
 * Says, for each stale target, that it stays on the gateway and how to delete it.
 *
 * @param context - The AWS context (its output).
 * @param stale - From {@link findStaleTargets}.
 * @param config - The config file, as the user named it.
 */
export function reportStaleTargets(
  context: AwsContext,
  stale: readonly ManagedTargetState[],
  config: string,
): void {
  for (const target of stale) {
    context.output.result(
      `Target ${target.name} (${target.targetId}) is no longer registered from ${config}; it stays on the gateway and in ${MANAGED_GATEWAY_STATE_FILE} (destroy-managed deletes it): run register-managed again with --prune to delete it now`,
    );
  }
}

/**
 * Deletes the stale targets (`register-managed --prune`), one at a time, waiting until each is
 * gone, then the OAuth2 credential providers register-managed created for them that no registered
 * target uses. Record the state without them once this returns: until then they stay recorded, so
 * a failure half-way leaves nothing on AWS that the state file forgot (deleting again is harmless).
 *
 * @param context - The AWS context.
 * @param input - The gateway, the stale targets and the targets this run registered.
 * @throws `AwsRequestError` naming the missing permission; `CliError` `ERR_TIMEOUT`.
 * @example
 * ```ts
 * await pruneStaleTargets(context, { gatewayId, stale, registered });
 * ```
 */
export async function pruneStaleTargets(
  context: AwsContext,
  input: {
    readonly gatewayId: string;
    readonly stale: readonly ManagedTargetState[];
    readonly registered: readonly ManagedTargetState[];
  },
): Promise<void> {
  const say = (line: string): void => {
    if (!context.aws.dryRun) context.output.result(line);
  };
  for (const target of input.stale) {
    const outcome = await deleteManagedTarget(context, {
      gatewayId: input.gatewayId,
      ...target,
      retry: 'agentcore-mcp gateway register-managed --prune',
    });
    say(
      outcome === 'deleted'
        ? `Deleted target ${target.name} (${target.targetId}): no longer registered`
        : `Target ${target.name} (${target.targetId}) was already deleted`,
    );
  }
  const inUse = new Set(
    input.registered.flatMap((target) => target.credentialProvider?.name ?? []),
  );
  const created = new Set(input.stale.flatMap((target) => target.credentialProvider?.name ?? []));
  for (const name of created) {
    if (inUse.has(name)) continue;
    const outcome = await deleteOauthCredentialProvider(context, name);
    say(
      outcome === 'deleted'
        ? `Deleted OAuth2 credential provider ${name}: no registered target uses it`
        : `OAuth2 credential provider ${name} was already deleted`,
    );
  }
}
