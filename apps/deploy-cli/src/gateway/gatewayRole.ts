import { createHash } from 'node:crypto';

import type { AwsContext } from '../aws/awsContext.js';
import { readCallerIdentity } from '../aws/callerIdentity.js';
import { ensureRole } from '../iam/ensureRole.js';
import {
  describeForeignRoleNeeds,
  gatewayExecutionPolicy,
  gatewayPolicyName,
  type GatewayTargetAccess,
  gatewayTrustPolicy,
  needsTargetAccess,
  NO_TARGET_ACCESS,
} from './gatewayPolicy.js';

/** How much of the gateway name goes into the role name (IAM allows 64 characters in all). */
const ROLE_NAME_PART = 30;

/** Seconds IAM needs before AgentCore can assume a role that was just created. */
export const ROLE_PROPAGATION_MS = 10_000;

/**
 * `AgentCoreMcpGateway-<gateway name, at most 30 characters>-<8 hex of sha256(region:name)>`:
 * deterministic, so a second run finds the role, and distinct per region (IAM is global).
 *
 * @param gatewayName - The managed gateway's name.
 * @param region - The AWS region.
 */
export function gatewayRoleName(gatewayName: string, region: string): string {
  const digest = createHash('sha256').update(`${region}:${gatewayName}`).digest('hex').slice(0, 8);
  return `AgentCoreMcpGateway-${gatewayName.slice(0, ROLE_NAME_PART)}-${digest}`;
}

/**
 * Creates (or finds and refreshes) the gateway's execution role: asks STS for the account, then
 * GetRole → CreateRole or UpdateAssumeRolePolicy → PutRolePolicy, as `launch` does for runtimes.
 *
 * @param context - The AWS context.
 * @param gatewayName - The managed gateway's name.
 * @param access - What its runtime targets need. Default: nothing.
 * @returns The role ARN and whether it was just created.
 */
export async function ensureGatewayRole(
  context: AwsContext,
  gatewayName: string,
  access: GatewayTargetAccess = NO_TARGET_ACCESS,
): Promise<{ arn: string; created: boolean }> {
  const caller = await readCallerIdentity(context);
  const scope = {
    account: caller.account,
    region: context.clients.target.region,
    partition: caller.partition,
  };
  return ensureRole(context, {
    name: gatewayRoleName(gatewayName, scope.region),
    description: `Execution role of the AgentCore Gateway ${gatewayName} (agentcore-mcp)`,
    trustPolicy: gatewayTrustPolicy(scope),
    policyName: gatewayPolicyName(gatewayName),
    policy: gatewayExecutionPolicy(scope, gatewayName, access),
    account: caller.account,
    partition: caller.partition,
  });
}

/** The execution role a managed gateway runs with, once {@link prepareGatewayRole} is done. */
export interface PreparedGatewayRole {
  readonly roleArn: string;
  /**
   * `true` when an existing role's policy was just rewritten for runtime targets: IAM takes a few
   * seconds before the gateway can use the new permissions.
   */
  readonly policyRewritten: boolean;
}

/**
 * Readies the gateway's execution role before the gateway and its targets. A role register-managed
 * does not manage (with `--role-arn`, or a reused gateway's role of another name) is never changed:
 * when runtime targets need permissions, one line says which. Otherwise the gateway's own role
 * ({@link gatewayRoleName}) is created or refreshed with the targets' statements
 * ({@link ensureGatewayRole}); a reused gateway's own role is left alone when its targets need
 * nothing. After creating a role it waits {@link ROLE_PROPAGATION_MS} for IAM.
 *
 * @param context - The AWS context.
 * @param input - The gateway's name, `--role-arn`, the reused gateway's role (when it is reused),
 *   and what the runtime targets need.
 * @returns The role ARN and whether its policy was rewritten.
 * @throws `AwsRequestError` naming the missing IAM permission.
 * @example
 * ```ts
 * const role = await prepareGatewayRole(context, { gatewayName, access });
 * ```
 */
export async function prepareGatewayRole(
  context: AwsContext,
  input: {
    gatewayName: string;
    roleArn?: string | undefined;
    reusedRoleArn?: string | undefined;
    access: GatewayTargetAccess;
  },
): Promise<PreparedGatewayRole> {
  const { gatewayName, access } = input;
  const region = context.clients.target.region;
  const reusedRoleArn = input.reusedRoleArn === '' ? undefined : input.reusedRoleArn;
  const current = reusedRoleArn ?? input.roleArn;
  const ours =
    input.roleArn === undefined &&
    (current === undefined ||
      current.slice(current.lastIndexOf('/') + 1) === gatewayRoleName(gatewayName, region));
  if (current !== undefined && !ours) {
    if (needsTargetAccess(access)) {
      context.output.result(describeForeignRoleNeeds(current, { gatewayName, region, access }));
    }
    return { roleArn: current, policyRewritten: false };
  }
  if (current !== undefined && !needsTargetAccess(access)) {
    return { roleArn: current, policyRewritten: false };
  }
  const role = await ensureGatewayRole(context, gatewayName, access);
  if (role.created && !context.aws.dryRun) {
    context.output.result(
      `Created the execution role ${role.arn}; waiting ${ROLE_PROPAGATION_MS / 1000} s for IAM to propagate it`,
    );
    await context.sleep(ROLE_PROPAGATION_MS);
  }
  return { roleArn: role.arn, policyRewritten: !role.created && needsTargetAccess(access) };
}
