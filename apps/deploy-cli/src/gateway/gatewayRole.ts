import { createHash } from 'node:crypto';

import type { AwsContext } from '../aws/awsContext.js';
import { readCallerIdentity } from '../aws/callerIdentity.js';
import { ensureRole } from '../iam/ensureRole.js';
import { type PolicyDocument, type PolicyScope, runtimeTrustPolicy } from '../iam/iamPolicies.js';

/** How much of the gateway name goes into the role name (IAM allows 64 characters in all). */
const ROLE_NAME_PART = 30;

/** Seconds IAM needs before AgentCore can assume a role that was just created. */
export const ROLE_PROPAGATION_MS = 10_000;

/**
 * Who may assume the gateway's execution role: the same shape as the runtime role's trust
 * (`bedrock-agentcore.amazonaws.com`, only for this account's resources in this region, through
 * `aws:SourceAccount` and `aws:SourceArn`), with its own statement id.
 *
 * @param scope - Account, region, partition.
 */
export function gatewayTrustPolicy(scope: PolicyScope): PolicyDocument {
  const trust = runtimeTrustPolicy(scope);
  return {
    ...trust,
    Statement: trust.Statement.map((statement) => ({
      ...statement,
      Sid: 'AgentCoreGatewayAssumesThisRole',
    })),
  };
}

/**
 * What the gateway needs for `mcpServer` targets, and no more. The gateway calls each MCP server
 * over public HTTPS itself, so targets without outbound auth (the only ones `register-managed`
 * creates) need no AWS permission. The one statement lets the gateway get a workload access token
 * for its own workload identity (`<gateway name>-*` in the default directory), the first step of
 * every outbound call through AgentCore Identity (an OAuth or API-key credential provider added to
 * a target later); it grants no credential by itself. No Lambda, Secrets Manager, S3 or Bedrock.
 *
 * @param scope - Account, region, partition.
 * @param gatewayName - The managed gateway's name.
 */
export function gatewayExecutionPolicy(scope: PolicyScope, gatewayName: string): PolicyDocument {
  const partition = scope.partition ?? 'aws';
  const directory = `arn:${partition}:bedrock-agentcore:${scope.region}:${scope.account}:workload-identity-directory/default`;
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'GetTheGatewaysWorkloadAccessToken',
        Effect: 'Allow',
        Action: 'bedrock-agentcore:GetWorkloadAccessToken',
        Resource: [directory, `${directory}/workload-identity/${gatewayName}-*`],
      },
    ],
  };
}

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
 * @returns The role ARN and whether it was just created.
 */
export async function ensureGatewayRole(
  context: AwsContext,
  gatewayName: string,
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
    policyName: `AgentCoreMcpGatewayPolicy-${gatewayName}`,
    policy: gatewayExecutionPolicy(scope, gatewayName),
    account: caller.account,
    partition: caller.partition,
  });
}
