import type { AwsContext } from '../aws/awsContext.js';
import { ROLE_PROPAGATION_MS } from './gatewayRole.js';
import type { ManagedGateway } from './managedGateway.js';
import type { ManagedTargetState } from './managedGatewayState.js';
import {
  ensureManagedTarget,
  listManagedTargets,
  type ManagedTargetAction,
  type ManagedTargetSpec,
  waitForManagedTarget,
} from './managedTargets.js';
import { NO_OUTBOUND_AUTH, type TargetOutboundAuth } from './targetCredentials.js';

/** A target `register-managed` registered, as recorded, and what it did. */
export type RegisteredTarget = ManagedTargetState & { readonly action: ManagedTargetAction };

/** What {@link registerManagedTargets} registers. */
export interface RegisterManagedTargetsInput {
  /** The READY gateway. */
  readonly gateway: ManagedGateway;
  /** The planned targets, in config order. */
  readonly targets: readonly ManagedTargetSpec[];
  /** The runtime targets' outbound auth, by config name (the others have none). */
  readonly outbound: ReadonlyMap<string, TargetOutboundAuth>;
  /**
   * Whether the execution role's policy was just rewritten: the first create or update of a
   * target with credentials then waits for IAM first.
   */
  readonly waitForIam: boolean;
  /** Called after each target with every target so far, to record them (the state file). */
  readonly record: (targets: readonly RegisteredTarget[]) => void;
}

/**
 * Registers the targets on a READY gateway, one at a time: lists its targets once
 * (ListGatewayTargets), creates, updates or reuses each one (with its outbound auth), records it,
 * prints one line, and waits until it is READY before the next.
 *
 * @param context - The AWS context.
 * @param input - The gateway, the targets, their outbound auth, the IAM wait and the recorder.
 * @returns The registered targets.
 * @throws {@link CliError} `ERR_RUNTIME_FAILED` (a FAILED target, with AgentCore's reasons),
 *   `ERR_TIMEOUT`; `AwsRequestError`.
 * @example
 * ```ts
 * const targets = await registerManagedTargets(context, { gateway, targets, outbound, waitForIam: false, record: save });
 * ```
 */
export async function registerManagedTargets(
  context: AwsContext,
  input: RegisterManagedTargetsInput,
): Promise<RegisteredTarget[]> {
  const { gateway } = input;
  const { output } = context;
  let waitForIam = input.waitForIam;
  const beforeCredentialedWrite = async (): Promise<void> => {
    if (!waitForIam) return;
    waitForIam = false;
    if (!context.aws.dryRun)
      output.result(
        `Waiting ${ROLE_PROPAGATION_MS / 1000} s for IAM to apply the execution role's new permissions`,
      );
    await context.sleep(ROLE_PROPAGATION_MS);
  };
  const registered: RegisteredTarget[] = [];
  const existing =
    input.targets.length > 0 ? await listManagedTargets(context, gateway.gatewayId) : [];
  for (const target of input.targets) {
    const outbound = input.outbound.get(target.configName) ?? NO_OUTBOUND_AUTH;
    const { targetId, action, status } = await ensureManagedTarget(context, {
      gatewayId: gateway.gatewayId,
      existing,
      target,
      outbound,
      beforeCredentialedWrite,
    });
    registered.push({
      configName: target.configName,
      name: target.name,
      targetId,
      endpoint: target.endpoint,
      auth: outbound.auth,
      ...(outbound.createdProvider === undefined
        ? {}
        : { credentialProvider: outbound.createdProvider }),
      action,
    });
    input.record(registered);
    if (!context.aws.dryRun) {
      const how = outbound.auth === 'none' ? '' : `, called with ${outbound.summary}`;
      output.result(
        `${capitalize(action)} target ${target.name} (${targetId}) → ${target.endpoint}${how}`,
      );
    }
    if (status !== 'READY') {
      await waitForManagedTarget(context, {
        gatewayId: gateway.gatewayId,
        targetId,
        configName: target.configName,
        name: target.name,
        endpoint: target.endpoint,
        auth: outbound.auth,
      });
    }
  }
  return registered;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
