import {
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  DetachRolePolicyCommand,
  ListAttachedRolePoliciesCommand,
  type ListAttachedRolePoliciesCommandOutput,
  ListRolePoliciesCommand,
  type ListRolePoliciesCommandOutput,
} from '@aws-sdk/client-iam';

import type { AwsContext } from '../aws/awsContext.js';
import { isAwsError } from '../aws/toAwsRequestError.js';
import type { DeleteOutcome } from './deleteAgentRuntime.js';
import type { PlannedRole } from './destroyPlan.js';

/**
 * Deletes an IAM role the way IAM requires: its inline policies first (ListRolePolicies,
 * DeleteRolePolicy), then any attached managed policies (ListAttachedRolePolicies,
 * DetachRolePolicy), then DeleteRole.
 *
 * @param context - The AWS context.
 * @param role - The role, and the inline policies a dry run assumes it has.
 * @returns `already deleted` when the role did not exist.
 * @throws {@link AwsRequestError} when a request fails.
 */
export async function deleteIamRole(
  context: AwsContext,
  role: PlannedRole,
): Promise<DeleteOutcome> {
  try {
    for (const policyName of await listInlinePolicies(context, role)) {
      await context.aws.send(
        context.clients.iam,
        new DeleteRolePolicyCommand({ RoleName: role.name, PolicyName: policyName }),
        () => ({}),
      );
    }
    for (const policyArn of await listAttachedPolicies(context, role.name)) {
      await context.aws.send(
        context.clients.iam,
        new DetachRolePolicyCommand({ RoleName: role.name, PolicyArn: policyArn }),
        () => ({}),
      );
    }
    await context.aws.send(
      context.clients.iam,
      new DeleteRoleCommand({ RoleName: role.name }),
      () => ({}),
    );
    return 'deleted';
  } catch (error) {
    if (isAwsError(error, 'NoSuchEntityException', 'NoSuchEntity')) return 'already deleted';
    throw error;
  }
}

async function listInlinePolicies(context: AwsContext, role: PlannedRole): Promise<string[]> {
  const names: string[] = [];
  let marker: string | undefined;
  do {
    const page = await context.aws.send(
      context.clients.iam,
      new ListRolePoliciesCommand({ RoleName: role.name, ...(marker ? { Marker: marker } : {}) }),
      () => ({ PolicyNames: [...role.expectedPolicies] }) as ListRolePoliciesCommandOutput,
    );
    names.push(...(page.PolicyNames ?? []));
    marker = page.IsTruncated ? page.Marker : undefined;
  } while (marker);
  return names;
}

async function listAttachedPolicies(context: AwsContext, roleName: string): Promise<string[]> {
  const arns: string[] = [];
  let marker: string | undefined;
  do {
    const page = await context.aws.send(
      context.clients.iam,
      new ListAttachedRolePoliciesCommand({
        RoleName: roleName,
        ...(marker ? { Marker: marker } : {}),
      }),
      () => ({}) as ListAttachedRolePoliciesCommandOutput,
    );
    arns.push(...(page.AttachedPolicies ?? []).flatMap((p) => (p.PolicyArn ? [p.PolicyArn] : [])));
    marker = page.IsTruncated ? page.Marker : undefined;
  } while (marker);
  return arns;
}
