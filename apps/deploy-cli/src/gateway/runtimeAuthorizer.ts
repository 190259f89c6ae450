import type { RuntimeArn } from '@agentcore-mcp/core';
import {
  GetAgentRuntimeCommand,
  type GetAgentRuntimeCommandOutput,
} from '@aws-sdk/client-bedrock-agentcore-control';

import type { AwsContext } from '../aws/awsContext.js';
import { isAwsError } from '../aws/toAwsRequestError.js';
import { CliError } from '../errors.js';
import type { RuntimeAuthorizer } from './targetAuthMode.js';

/**
 * Asks AgentCore how a runtime target authenticates its callers (GetAgentRuntime): JWT when it
 * has an `authorizerConfiguration.customJWTAuthorizer`, else IAM (SigV4). A dry run sends nothing
 * and assumes `dryRunKind`.
 *
 * @param context - The AWS context (the runtime must be in its region).
 * @param input - The runtime, the target's config name (for the message) and the dry-run kind.
 * @returns The runtime's inbound auth.
 * @throws {@link CliError} `ERR_INVALID_INPUT` when the runtime does not exist;
 *   `AwsRequestError` naming `bedrock-agentcore:GetAgentRuntime` when it is not allowed.
 * @example
 * ```ts
 * const { kind } = await readRuntimeAuthorizer(context, { runtime, configName: 'weather', dryRunKind: 'jwt' });
 * ```
 */
export async function readRuntimeAuthorizer(
  context: AwsContext,
  input: { runtime: RuntimeArn; configName: string; dryRunKind: 'jwt' | 'iam' },
): Promise<RuntimeAuthorizer> {
  const { runtime } = input;
  let described: Partial<GetAgentRuntimeCommandOutput>;
  try {
    described = await context.aws.send<Partial<GetAgentRuntimeCommandOutput>>(
      context.clients.agentCore,
      new GetAgentRuntimeCommand({ agentRuntimeId: runtime.runtimeId }),
      () => ({}),
    );
  } catch (error) {
    if (!isAwsError(error, 'ResourceNotFoundException')) throw error;
    throw new CliError(
      'ERR_INVALID_INPUT',
      `Target ${input.configName} calls runtime ${runtime.arn}, which does not exist in ${runtime.region}: fix its URL in the gateway config, or launch the runtime first`,
      { cause: error },
    );
  }
  if (context.aws.dryRun) return { kind: input.dryRunKind, assumed: true };
  const jwt = described.authorizerConfiguration?.customJWTAuthorizer;
  return jwt === undefined
    ? { kind: 'iam', assumed: false }
    : {
        kind: 'jwt',
        discoveryUrl: jwt.discoveryUrl,
        allowedClients: jwt.allowedClients ?? [],
        assumed: false,
      };
}
