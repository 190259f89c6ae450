import {
  type AgentRuntime,
  type AuthorizerConfiguration,
  CreateAgentRuntimeCommand,
  type CreateAgentRuntimeCommandOutput,
  type CreateAgentRuntimeRequest,
  GetAgentRuntimeCommand,
  type GetAgentRuntimeCommandOutput,
  GetAgentRuntimeEndpointCommand,
  type GetAgentRuntimeEndpointCommandOutput,
  ListAgentRuntimesCommand,
  type ListAgentRuntimesCommandOutput,
  UpdateAgentRuntimeCommand,
  type UpdateAgentRuntimeCommandOutput,
} from '@aws-sdk/client-bedrock-agentcore-control';

import type { AwsContext } from '../aws/awsContext.js';
import { isAwsError } from '../aws/toAwsRequestError.js';
import { CliError } from '../errors.js';
import type { RuntimeProject } from '../project/projectConfig.js';

const POLL_MS = 3_000;
/** Creating a runtime usually takes under a minute; give it ten. */
const READY_TIMEOUT_MS = 600_000;
/** A role created seconds ago may not be assumable yet (IAM is eventually consistent). */
const ROLE_PROPAGATION_RETRIES = 6;
const ROLE_PROPAGATION_DELAY_MS = 5_000;

/** What was deployed. */
export interface DeployedRuntime {
  readonly runtimeId: string;
  readonly runtimeArn: string;
  readonly runtimeVersion: string | undefined;
  readonly created: boolean;
}

/**
 * The full runtime configuration, sent whole on create and on every update (AgentCore makes each
 * update a new version; sending only what changed has been seen to keep stale settings).
 */
export function runtimeRequest(
  runtime: RuntimeProject,
  artifact: { imageUri: string; roleArn: string },
): Omit<CreateAgentRuntimeRequest, 'agentRuntimeName'> {
  const lifecycle = runtime.lifecycle;
  return {
    description: `MCP server ${runtime.name}, deployed by agentcore-mcp`,
    agentRuntimeArtifact: { containerConfiguration: { containerUri: artifact.imageUri } },
    roleArn: artifact.roleArn,
    networkConfiguration: { networkMode: 'PUBLIC' },
    protocolConfiguration: { serverProtocol: 'MCP' },
    // core's parseAuthorizerConfig checked the shape (one match value per claim rule); the SDK
    // models that as a tagged union, hence the cast.
    ...(runtime.authorizer
      ? { authorizerConfiguration: runtime.authorizer as AuthorizerConfiguration }
      : {}),
    ...(runtime.requestHeaderAllowlist?.length
      ? {
          requestHeaderConfiguration: {
            requestHeaderAllowlist: [...runtime.requestHeaderAllowlist],
          },
        }
      : {}),
    ...(runtime.environment && Object.keys(runtime.environment).length > 0
      ? { environmentVariables: { ...runtime.environment } }
      : {}),
    ...(lifecycle?.idleRuntimeSessionTimeout !== undefined || lifecycle?.maxLifetime !== undefined
      ? { lifecycleConfiguration: { ...lifecycle } }
      : {}),
  };
}

/**
 * Creates the runtime, or updates it (with the full configuration) when the project knows its id
 * or a runtime of that name exists (ConflictException on create), then waits until it and its
 * DEFAULT endpoint are READY.
 *
 * @throws {@link CliError} `ERR_RUNTIME_FAILED` with AgentCore's failureReason, or `ERR_TIMEOUT`.
 */
export async function deployRuntime(
  context: AwsContext,
  input: { runtime: RuntimeProject; imageUri: string; roleArn: string; roleIsNew: boolean },
): Promise<DeployedRuntime> {
  const request = runtimeRequest(input.runtime, input);
  const knownId =
    input.runtime.deployment?.runtimeId ?? (await findRuntimeId(context, input.runtime.name));
  let deployed: DeployedRuntime;
  if (knownId === undefined) {
    try {
      deployed = await withRolePropagation(context, input.roleIsNew, () =>
        create(context, input.runtime.name, request),
      );
    } catch (error) {
      if (!isAwsError(error, 'ConflictException')) throw error;
      const existing = await findRuntimeId(context, input.runtime.name);
      if (existing === undefined) throw error;
      context.output.result(
        `Runtime ${input.runtime.name} already exists (${existing}): updating it`,
      );
      deployed = await update(context, existing, request);
    }
  } else {
    deployed = await withRolePropagation(context, input.roleIsNew, () =>
      update(context, knownId, request),
    );
  }
  if (context.aws.dryRun) return deployed;
  await waitUntilReady(context, deployed.runtimeId);
  return deployed;
}

async function create(
  context: AwsContext,
  name: string,
  request: Omit<CreateAgentRuntimeRequest, 'agentRuntimeName'>,
): Promise<DeployedRuntime> {
  const output = await context.aws.send<Partial<CreateAgentRuntimeCommandOutput>>(
    context.clients.agentCore,
    new CreateAgentRuntimeCommand({ agentRuntimeName: name, ...request }),
    () => ({ agentRuntimeId: '<runtime-id>', agentRuntimeArn: '', agentRuntimeVersion: undefined }),
  );
  return {
    runtimeId: output.agentRuntimeId ?? '',
    runtimeArn: output.agentRuntimeArn ?? '',
    runtimeVersion: output.agentRuntimeVersion,
    created: true,
  };
}

async function update(
  context: AwsContext,
  runtimeId: string,
  request: Omit<CreateAgentRuntimeRequest, 'agentRuntimeName'>,
): Promise<DeployedRuntime> {
  const output = await context.aws.send<Partial<UpdateAgentRuntimeCommandOutput>>(
    context.clients.agentCore,
    new UpdateAgentRuntimeCommand({ agentRuntimeId: runtimeId, ...request }),
    () => ({ agentRuntimeId: runtimeId, agentRuntimeArn: '', agentRuntimeVersion: undefined }),
  );
  return {
    runtimeId: output.agentRuntimeId ?? runtimeId,
    runtimeArn: output.agentRuntimeArn ?? '',
    runtimeVersion: output.agentRuntimeVersion,
    created: false,
  };
}

/** AgentCore has no lookup by name: list every runtime (paginated) and match the name. */
async function findRuntimeId(context: AwsContext, name: string): Promise<string | undefined> {
  let nextToken: string | undefined;
  do {
    const page = await context.aws.send<Partial<ListAgentRuntimesCommandOutput>>(
      context.clients.agentCore,
      new ListAgentRuntimesCommand({ maxResults: 100, ...(nextToken ? { nextToken } : {}) }),
      () => ({ agentRuntimes: [] }),
    );
    const match = page.agentRuntimes?.find(
      (runtime: AgentRuntime) => runtime.agentRuntimeName === name,
    );
    if (match?.agentRuntimeId) return match.agentRuntimeId;
    nextToken = page.nextToken;
  } while (nextToken);
  return undefined;
}

async function withRolePropagation<T>(
  context: AwsContext,
  roleIsNew: boolean,
  send: () => Promise<T>,
): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await send();
    } catch (error) {
      const waitForIam =
        roleIsNew &&
        attempt < ROLE_PROPAGATION_RETRIES &&
        isAwsError(error, 'ValidationException', 'AccessDeniedException') &&
        /role/i.test(error instanceof Error ? error.message : '');
      if (!waitForIam) throw error;
      context.output.result('  waiting for the new IAM role to propagate…');
      await context.sleep(ROLE_PROPAGATION_DELAY_MS);
    }
  }
}

async function waitUntilReady(context: AwsContext, runtimeId: string): Promise<void> {
  const startedAt = context.now().getTime();
  let lastStatus = '';
  for (;;) {
    const runtime = await context.aws.send<Partial<GetAgentRuntimeCommandOutput>>(
      context.clients.agentCore,
      new GetAgentRuntimeCommand({ agentRuntimeId: runtimeId }),
      () => ({ status: 'READY' }),
    );
    const status = runtime.status ?? 'UNKNOWN';
    const elapsed = Math.round((context.now().getTime() - startedAt) / 1000);
    if (status !== lastStatus) {
      context.output.result(`  runtime ${status.padEnd(14)} ${elapsed} s`);
      lastStatus = status;
    }
    if (status === 'READY') break;
    if (status.endsWith('_FAILED')) {
      throw new CliError(
        'ERR_RUNTIME_FAILED',
        `Runtime ${runtimeId} is ${status}: ${runtime.failureReason ?? 'AgentCore gave no reason'} (docs/troubleshooting.md#runtime-failed)`,
      );
    }
    if (context.now().getTime() - startedAt > READY_TIMEOUT_MS) {
      throw new CliError(
        'ERR_TIMEOUT',
        `Runtime ${runtimeId} is still ${status} after ${READY_TIMEOUT_MS / 60_000} minutes: run agentcore-mcp status, or see docs/troubleshooting.md#runtime-stuck-creating`,
      );
    }
    await context.sleep(POLL_MS);
  }
  await waitForDefaultEndpoint(context, runtimeId, startedAt);
}

async function waitForDefaultEndpoint(
  context: AwsContext,
  runtimeId: string,
  startedAt: number,
): Promise<void> {
  for (;;) {
    let status = 'CREATING';
    let reason: string | undefined;
    try {
      const endpoint = await context.aws.send<Partial<GetAgentRuntimeEndpointCommandOutput>>(
        context.clients.agentCore,
        new GetAgentRuntimeEndpointCommand({ agentRuntimeId: runtimeId, endpointName: 'DEFAULT' }),
        () => ({ status: 'READY' }),
      );
      status = endpoint.status ?? 'UNKNOWN';
      reason = endpoint.failureReason;
    } catch (error) {
      if (!isAwsError(error, 'ResourceNotFoundException')) throw error;
    }
    if (status === 'READY') return;
    if (status.endsWith('_FAILED')) {
      throw new CliError(
        'ERR_RUNTIME_FAILED',
        `Endpoint DEFAULT of runtime ${runtimeId} is ${status}: ${reason ?? 'AgentCore gave no reason'} (docs/troubleshooting.md#runtime-failed)`,
      );
    }
    if (context.now().getTime() - startedAt > READY_TIMEOUT_MS) {
      throw new CliError(
        'ERR_TIMEOUT',
        `Endpoint DEFAULT of runtime ${runtimeId} is still ${status}: run agentcore-mcp status`,
      );
    }
    await context.sleep(POLL_MS);
  }
}
