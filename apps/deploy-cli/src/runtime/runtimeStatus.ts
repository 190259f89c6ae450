import { buildInvocationUrl } from '@agentcore-mcp/core';
import {
  GetAgentRuntimeCommand,
  type GetAgentRuntimeCommandOutput,
  GetAgentRuntimeEndpointCommand,
  type GetAgentRuntimeEndpointCommandOutput,
} from '@aws-sdk/client-bedrock-agentcore-control';

import type { AwsContext } from '../aws/awsContext.js';
import { isAwsError } from '../aws/toAwsRequestError.js';
import type { RuntimeProject } from '../project/projectConfig.js';
import { requireDeployment, runtimeGoneError } from './deployedRuntime.js';

/** The endpoint the invocation URL uses and `status` reports. */
export const DEFAULT_ENDPOINT = 'DEFAULT';

/** The `DEFAULT` endpoint as `status` reports it. */
export interface EndpointStatus {
  readonly name: string;
  /** e.g. `READY`, or `NOT_FOUND` while AgentCore has not created it yet. */
  readonly status: string;
  readonly liveVersion?: string | undefined;
  readonly targetVersion?: string | undefined;
  readonly failureReason?: string | undefined;
}

/** What `agentcore-mcp status` reports (also its `--json` shape). */
export interface RuntimeStatusResult {
  readonly name: string;
  readonly region: string;
  readonly runtimeId: string;
  readonly runtimeArn: string;
  readonly invocationUrl: string;
  /** `CREATING`, `READY`, `UPDATING`, `*_FAILED`, `DELETING`. */
  readonly status: string;
  readonly version?: string | undefined;
  /** ISO 8601. */
  readonly lastUpdatedAt?: string | undefined;
  /** Only for `*_FAILED` states. */
  readonly failureReason?: string | undefined;
  /** `MCP`, `HTTP`, … (AgentCore's default is `HTTP`). */
  readonly protocol: string;
  /** `JWT` (customJWTAuthorizer) or `IAM` (SigV4). */
  readonly authorizer: 'JWT' | 'IAM';
  readonly endpoint: EndpointStatus;
}

/**
 * Asks AgentCore for a launched runtime's state (GetAgentRuntime) and its `DEFAULT` endpoint's
 * (GetAgentRuntimeEndpoint).
 *
 * @param context - The AWS context.
 * @param runtime - The configured runtime.
 * @returns The runtime's status.
 * @throws {@link CliError} `ERR_NOT_DEPLOYED` when it was never launched or no longer exists;
 *   {@link AwsRequestError} when a request fails.
 * @example
 * ```ts
 * const { status, invocationUrl } = await getRuntimeStatus(context, runtime);
 * ```
 */
export async function getRuntimeStatus(
  context: AwsContext,
  runtime: RuntimeProject,
): Promise<RuntimeStatusResult> {
  const deployment = requireDeployment(runtime);
  const { agentCore } = context.clients;
  let described: GetAgentRuntimeCommandOutput;
  try {
    described = await context.aws.send(
      agentCore,
      new GetAgentRuntimeCommand({ agentRuntimeId: deployment.runtimeId }),
      () => ({}) as GetAgentRuntimeCommandOutput,
    );
  } catch (error) {
    if (isAwsError(error, 'ResourceNotFoundException')) {
      throw runtimeGoneError(runtime, deployment, error);
    }
    throw error;
  }
  const status = described.status ?? 'UNKNOWN';
  const runtimeArn = described.agentRuntimeArn ?? deployment.runtimeArn;
  return {
    name: runtime.name,
    region: context.clients.target.region,
    runtimeId: deployment.runtimeId,
    runtimeArn,
    invocationUrl: buildInvocationUrl({ arn: runtimeArn, qualifier: DEFAULT_ENDPOINT }),
    status,
    version: described.agentRuntimeVersion,
    lastUpdatedAt: described.lastUpdatedAt?.toISOString(),
    failureReason: status.endsWith('_FAILED')
      ? (described.failureReason ?? 'none given')
      : undefined,
    protocol: described.protocolConfiguration?.serverProtocol ?? 'HTTP',
    authorizer: described.authorizerConfiguration?.customJWTAuthorizer ? 'JWT' : 'IAM',
    endpoint: await getEndpointStatus(context, deployment.runtimeId),
  };
}

async function getEndpointStatus(context: AwsContext, runtimeId: string): Promise<EndpointStatus> {
  let endpoint: GetAgentRuntimeEndpointCommandOutput;
  try {
    endpoint = await context.aws.send(
      context.clients.agentCore,
      new GetAgentRuntimeEndpointCommand({
        agentRuntimeId: runtimeId,
        endpointName: DEFAULT_ENDPOINT,
      }),
      () => ({}) as GetAgentRuntimeEndpointCommandOutput,
    );
  } catch (error) {
    if (isAwsError(error, 'ResourceNotFoundException')) {
      return { name: DEFAULT_ENDPOINT, status: 'NOT_FOUND' };
    }
    throw error;
  }
  const status = endpoint.status ?? 'UNKNOWN';
  return {
    name: endpoint.name ?? DEFAULT_ENDPOINT,
    status,
    liveVersion: endpoint.liveVersion,
    targetVersion: endpoint.targetVersion,
    failureReason: status.endsWith('_FAILED')
      ? (endpoint.failureReason ?? 'none given')
      : undefined,
  };
}
