import {
  CreateRoleCommand,
  type CreateRoleCommandOutput,
  GetRoleCommand,
  type GetRoleCommandOutput,
  PutRolePolicyCommand,
  UpdateAssumeRolePolicyCommand,
} from '@aws-sdk/client-iam';

import type { AwsContext } from '../aws/awsContext.js';
import { isAwsError } from '../aws/toAwsRequestError.js';
import type { PolicyDocument } from './iamPolicies.js';

/** A role `launch` owns: its trust policy and its one inline policy. */
export interface RoleSpec {
  readonly name: string;
  readonly description: string;
  readonly trustPolicy: PolicyDocument;
  readonly policyName: string;
  readonly policy: PolicyDocument;
  readonly account: string;
  readonly partition: string;
}

/**
 * Finds the role or creates it, then (re)writes its trust policy and inline policy, so a role from
 * an older version of this tool gets today's least-privilege policy.
 *
 * @returns The role ARN and whether it was just created (IAM needs a few seconds before AgentCore
 *   or CodeBuild can assume a new role).
 */
export async function ensureRole(
  context: AwsContext,
  spec: RoleSpec,
): Promise<{ arn: string; created: boolean }> {
  const expectedArn = `arn:${spec.partition}:iam::${spec.account}:role/${spec.name}`;
  const trust = JSON.stringify(spec.trustPolicy);
  let arn: string | undefined;
  try {
    const found = await context.aws.send<Partial<GetRoleCommandOutput>>(
      context.clients.iam,
      new GetRoleCommand({ RoleName: spec.name }),
      () => ({ $metadata: {} }),
    );
    arn = found.Role?.Arn;
  } catch (error) {
    if (!isAwsError(error, 'NoSuchEntityException', 'NoSuchEntity')) throw error;
  }
  const created = arn === undefined;
  if (created) {
    const output = await context.aws.send<CreateRoleCommandOutput>(
      context.clients.iam,
      new CreateRoleCommand({
        RoleName: spec.name,
        Description: spec.description,
        AssumeRolePolicyDocument: trust,
        Tags: [{ Key: 'managed-by', Value: 'agentcore-mcp' }],
      }),
      () => ({ Role: undefined, $metadata: {} }),
    );
    arn = output.Role?.Arn;
  } else {
    await context.aws.send(
      context.clients.iam,
      new UpdateAssumeRolePolicyCommand({ RoleName: spec.name, PolicyDocument: trust }),
      () => ({}),
    );
  }
  await context.aws.send(
    context.clients.iam,
    new PutRolePolicyCommand({
      RoleName: spec.name,
      PolicyName: spec.policyName,
      PolicyDocument: JSON.stringify(spec.policy),
    }),
    () => ({}),
  );
  return { arn: arn ?? expectedArn, created };
}
