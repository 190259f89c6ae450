import type { TargetSummary } from '@aws-sdk/client-bedrock-agentcore-control';

import type { AwsContext } from '../aws/awsContext.js';
import { isAwsError } from '../aws/toAwsRequestError.js';
import type { DeleteOutcome } from '../destroy/deleteAgentRuntime.js';
import { deleteIamRole } from '../destroy/deleteIamRole.js';
import type { DestroyStep } from '../destroy/executeDestroyPlan.js';
import { CliError } from '../errors.js';
import { deleteManagedGateway, deleteManagedTarget } from './deleteManagedResources.js';
import { formatDryRun } from './formatDryRun.js';
import { gatewayPolicyName } from './gatewayPolicy.js';
import { gatewayRoleName } from './gatewayRole.js';
import {
  MANAGED_GATEWAY_STATE_FILE,
  type ManagedGatewayState,
  readManagedGatewayState,
  removeManagedGatewayState,
} from './managedGatewayState.js';
import { listManagedTargets } from './managedTargets.js';
import { deleteOauthCredentialProvider } from './oauthCredentialProvider.js';

/** What `gateway destroy-managed` deletes and whether it asks first. */
export interface DestroyManagedGatewayOptions {
  /** `--yes`: do not ask. Required when there is no terminal. Default: ask. */
  readonly yes?: boolean | undefined;
  /** `--delete-role`: also delete the execution role, if register-managed created it. Default: keep it. */
  readonly deleteRole?: boolean | undefined;
}

/** What `destroy-managed` did. */
export interface DestroyManagedGatewayResult {
  /** `false` when the user answered No (nothing was deleted). */
  readonly confirmed: boolean;
  /** One step per resource, in order. */
  readonly steps: readonly DestroyStep[];
}

/**
 * Removes what `register-managed` recorded in `.agentcore-mcp/managed-gateway.json`
 * (`agentcore-mcp gateway destroy-managed`): each recorded target (DeleteGatewayTarget, waited for
 * until GetGatewayTarget finds nothing), the gateway (DeleteGateway, waited for likewise), the
 * OAuth2 credential providers register-managed created (never ones it reused), and with
 * `--delete-role` the execution role if register-managed created it; then the state file. A target
 * the file does not record stops it before anything is deleted. Resources already gone count as
 * done. Asks first on a terminal; needs `--yes` otherwise. In a dry run it prints the requests.
 *
 * @param options - `--yes` and `--delete-role`.
 * @param context - The AWS context (`aws.dryRun` for `--dry-run`).
 * @returns Whether it was confirmed, and what each step found.
 * @throws {@link CliError} `ERR_NOT_DEPLOYED` (no state file), `ERR_INVALID_INPUT` (targets it did
 *   not record), `ERR_CONFIRMATION_REQUIRED` (no terminal, no `--yes`), `ERR_TIMEOUT`;
 *   `AwsRequestError` from the first request that fails (running it again skips what is gone).
 * @example
 * ```ts
 * await destroyManagedGateway({ yes: true, deleteRole: true }, context);
 * ```
 */
export async function destroyManagedGateway(
  options: DestroyManagedGatewayOptions,
  context: AwsContext,
): Promise<DestroyManagedGatewayResult> {
  const state = readManagedGatewayState(context.cwd);
  const providers = [
    ...new Set(state.targets.flatMap((target) => target.credentialProvider?.name ?? [])),
  ];
  const role = ownRole(state);
  const remaining = await listRemainingTargets(context, state);
  const items = [
    `gateway ${state.gatewayName} (${state.gatewayId})`,
    ...state.targets.map((target) => `gateway target ${target.name} (${target.targetId})`),
    ...providers.map((name) => `OAuth2 credential provider ${name}`),
    ...(options.deleteRole && role !== undefined ? [`IAM role ${role}`] : []),
  ];
  if (!context.aws.dryRun && !(await confirm(context, items, options))) {
    context.output.result('Nothing deleted.');
    return { confirmed: false, steps: [] };
  }
  const steps: DestroyStep[] = [];
  const run = async (resource: string, remove: () => Promise<DeleteOutcome>): Promise<void> => {
    const outcome = await remove();
    steps.push({ resource, outcome });
    if (!context.aws.dryRun)
      context.output.result(
        outcome === 'deleted' ? `Deleted ${resource}` : `${resource}: already deleted`,
      );
  };
  const gatewayGone = (): Promise<DeleteOutcome> => Promise.resolve('already deleted');
  for (const target of state.targets) {
    await run(`gateway target ${target.name} (${target.targetId})`, () =>
      remaining === undefined
        ? gatewayGone()
        : deleteManagedTarget(context, { gatewayId: state.gatewayId, ...target }),
    );
  }
  await run(`gateway ${state.gatewayName} (${state.gatewayId})`, () =>
    remaining === undefined
      ? gatewayGone()
      : deleteManagedGateway(context, { gatewayId: state.gatewayId, name: state.gatewayName }),
  );
  for (const name of providers) {
    await run(`OAuth2 credential provider ${name}`, () =>
      deleteOauthCredentialProvider(context, name),
    );
  }
  if (options.deleteRole && role !== undefined) {
    const policy = gatewayPolicyName(state.gatewayName);
    await run(`IAM role ${role}`, () =>
      deleteIamRole(context, { name: role, kind: 'execution', expectedPolicies: [policy] }),
    );
  }
  if (context.aws.dryRun) {
    for (const line of formatDryRun(context.aws.requests)) context.output.result(line);
    return { confirmed: true, steps };
  }
  removeManagedGatewayState(context.cwd);
  context.output.result(`Removed ${MANAGED_GATEWAY_STATE_FILE}`);
  const kept = keptRole(state, role, options);
  if (kept !== undefined) context.output.result(kept);
  return { confirmed: true, steps };
}

/** The role's name when it is the one register-managed creates for this gateway. */
function ownRole(state: ManagedGatewayState): string | undefined {
  const name = state.roleArn.slice(state.roleArn.lastIndexOf('/') + 1);
  return name === gatewayRoleName(state.gatewayName, state.region) ? name : undefined;
}

/** The gateway's targets (ListGatewayTargets), or `undefined` when the gateway is gone. */
async function listRemainingTargets(
  context: AwsContext,
  state: ManagedGatewayState,
): Promise<TargetSummary[] | undefined> {
  let listed: TargetSummary[];
  try {
    listed = await listManagedTargets(context, state.gatewayId);
  } catch (error) {
    if (isAwsError(error, 'ResourceNotFoundException')) return undefined;
    throw error;
  }
  const recorded = new Set(state.targets.map((target) => target.targetId));
  const others = listed.filter((item) => !recorded.has(item.targetId ?? ''));
  if (others.length > 0) {
    const names = others.map((item) => `${item.name ?? '?'} (${item.targetId ?? '?'})`);
    throw new CliError(
      'ERR_INVALID_INPUT',
      `Gateway ${state.gatewayName} (${state.gatewayId}) also has targets ${MANAGED_GATEWAY_STATE_FILE} does not record: ${names.join(', ')}; delete them in the AgentCore console (a gateway with targets cannot be deleted), then run agentcore-mcp gateway destroy-managed again`,
    );
  }
  return listed;
}

async function confirm(
  context: AwsContext,
  items: readonly string[],
  options: DestroyManagedGatewayOptions,
): Promise<boolean> {
  if (options.yes) return true;
  if (!context.interactive) {
    throw new CliError(
      'ERR_CONFIRMATION_REQUIRED',
      `destroy-managed would delete ${items.join('; ')}; there is no terminal to confirm on: run again with --yes (or --dry-run to see the requests)`,
    );
  }
  context.output.result(
    `agentcore-mcp gateway destroy-managed will delete, in ${context.clients.target.region}:`,
  );
  for (const item of items) context.output.result(`  - ${item}`);
  return context.prompts.confirm({ message: 'Delete these resources?', default: false });
}

function keptRole(
  state: ManagedGatewayState,
  role: string | undefined,
  options: DestroyManagedGatewayOptions,
): string | undefined {
  if (state.roleArn === '') return undefined;
  if (role === undefined)
    return `Kept the IAM role ${state.roleArn}: register-managed did not create it`;
  return options.deleteRole ? undefined : `Kept the IAM role ${role} (--delete-role deletes it)`;
}
