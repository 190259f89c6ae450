import type { JwtAuthorizerConfig } from '@agentcore-mcp/core';
import {
  CreateGatewayCommand,
  type CreateGatewayCommandOutput,
  type CustomJWTAuthorizerConfiguration,
  type GatewaySummary,
  GetGatewayCommand,
  type GetGatewayCommandOutput,
  ListGatewaysCommand,
  type ListGatewaysCommandOutput,
} from '@aws-sdk/client-bedrock-agentcore-control';

import type { AwsContext } from '../aws/awsContext.js';
import { DRY_RUN_ACCOUNT } from '../aws/callerIdentity.js';
import { waitForStatus } from './waitForStatus.js';

/** A managed gateway that is READY. */
export interface ManagedGateway {
  readonly gatewayId: string;
  readonly gatewayArn: string;
  /** `https://{gatewayId}.gateway.bedrock-agentcore.{region}.amazonaws.com/mcp`. */
  readonly gatewayUrl: string;
  readonly roleArn: string;
  /** `false` when a gateway of that name already existed and was reused. */
  readonly created: boolean;
}

/** What {@link createManagedGateway} creates. */
export interface ManagedGatewaySpec {
  /** A valid AgentCore name (`^([0-9a-zA-Z][-]?){1,100}$`). */
  readonly name: string;
  /** The inbound JWT authorizer (`authorizerType: CUSTOM_JWT`). */
  readonly authorizer: JwtAuthorizerConfig;
  /** The execution role, ready to be assumed (`prepareGatewayRole`). */
  readonly roleArn: string;
}

const FAILED = ['FAILED', 'UPDATE_UNSUCCESSFUL', 'DELETING'];

/**
 * Finds the gateway of that name (ListGateways) and waits until it is READY (GetGateway every 5 s,
 * at most 5 minutes). A reused gateway keeps its own authorizer and role; an authorizer that
 * differs from the config's is printed as a note.
 *
 * @param context - The AWS context.
 * @param spec - The name and the config's authorizer.
 * @returns The READY gateway (`created: false`), or `undefined` when there is none.
 * @throws {@link CliError} `ERR_RUNTIME_FAILED` with AgentCore's status reasons, `ERR_TIMEOUT`;
 *   {@link AwsRequestError} naming the missing permission.
 * @example
 * ```ts
 * const reused = await findManagedGateway(context, { name: 'tools', authorizer });
 * ```
 */
export async function findManagedGateway(
  context: AwsContext,
  spec: { name: string; authorizer: JwtAuthorizerConfig },
): Promise<ManagedGateway | undefined> {
  const existing = await findGateway(context, spec.name);
  if (existing?.gatewayId === undefined) return undefined;
  context.output.result(`Reusing gateway ${spec.name} (${existing.gatewayId})`);
  const ready = await waitForGateway(context, spec.name, existing.gatewayId);
  noteAuthorizerDifference(context, spec, ready);
  return toManagedGateway(context, ready, { created: false });
}

/**
 * Creates the gateway (CreateGateway with protocol MCP, a CUSTOM_JWT authorizer and the execution
 * role) and waits until it is READY (GetGateway every 5 s, at most 5 minutes).
 *
 * @param context - The AWS context.
 * @param spec - Name, authorizer and role.
 * @returns The READY gateway (`created: true`).
 * @throws {@link CliError} `ERR_RUNTIME_FAILED` with AgentCore's status reasons, `ERR_TIMEOUT`;
 *   {@link AwsRequestError} naming the missing permission.
 * @example
 * ```ts
 * const gateway = await createManagedGateway(context, { name: 'tools', authorizer, roleArn });
 * ```
 */
export async function createManagedGateway(
  context: AwsContext,
  spec: ManagedGatewaySpec,
): Promise<ManagedGateway> {
  if (!context.aws.dryRun) context.output.result(`Creating gateway ${spec.name}`);
  const created = await context.aws.send<Partial<CreateGatewayCommandOutput>>(
    context.clients.agentCore,
    new CreateGatewayCommand({
      name: spec.name,
      description: 'MCP gateway registered by agentcore-mcp gateway register-managed',
      roleArn: spec.roleArn,
      protocolType: 'MCP',
      authorizerType: 'CUSTOM_JWT',
      authorizerConfiguration: {
        customJWTAuthorizer: spec.authorizer as CustomJWTAuthorizerConfiguration,
      },
    }),
    () => ({ gatewayId: `${spec.name.toLowerCase()}-dryrun0000`, status: 'CREATING' }),
  );
  const ready = await waitForGateway(context, spec.name, created.gatewayId ?? '');
  return toManagedGateway(context, ready, { created: true, roleArn: spec.roleArn });
}

/**
 * The MCP URL of a managed gateway.
 *
 * @param gatewayId - e.g. `tools-abcdef1234`.
 * @param region - e.g. `us-east-1`.
 * @returns `https://{gatewayId}.gateway.bedrock-agentcore.{region}.amazonaws.com/mcp`.
 */
export function formatGatewayUrl(gatewayId: string, region: string): string {
  return `https://${gatewayId}.gateway.bedrock-agentcore.${region}.amazonaws.com/mcp`;
}

async function findGateway(context: AwsContext, name: string): Promise<GatewaySummary | undefined> {
  let nextToken: string | undefined;
  do {
    const page = await context.aws.send<Partial<ListGatewaysCommandOutput>>(
      context.clients.agentCore,
      new ListGatewaysCommand({ maxResults: 100, ...(nextToken ? { nextToken } : {}) }),
      () => ({ items: [] }),
    );
    const found = page.items?.find((item) => item.name === name);
    if (found) return found;
    nextToken = page.nextToken;
  } while (nextToken);
  return undefined;
}

function waitForGateway(
  context: AwsContext,
  name: string,
  gatewayId: string,
): Promise<Partial<GetGatewayCommandOutput>> {
  return waitForStatus(context, {
    what: `Gateway ${name} (${gatewayId})`,
    poll: () =>
      context.aws.send<Partial<GetGatewayCommandOutput>>(
        context.clients.agentCore,
        new GetGatewayCommand({ gatewayIdentifier: gatewayId }),
        () => ({ gatewayId, status: 'READY', gatewayArn: dryRunArn(context, gatewayId) }),
      ),
    failed: FAILED,
    hint: 'fix the cause (often the role or the authorizer discovery URL), delete the gateway in the AgentCore console, and run register-managed again',
  });
}

function toManagedGateway(
  context: AwsContext,
  gateway: Partial<GetGatewayCommandOutput>,
  known: { created: boolean; roleArn?: string },
): ManagedGateway {
  const gatewayId = gateway.gatewayId ?? '';
  return {
    gatewayId,
    gatewayArn: gateway.gatewayArn ?? dryRunArn(context, gatewayId),
    gatewayUrl: gateway.gatewayUrl ?? formatGatewayUrl(gatewayId, context.clients.target.region),
    roleArn: gateway.roleArn ?? known.roleArn ?? '',
    created: known.created,
  };
}

function noteAuthorizerDifference(
  context: AwsContext,
  spec: { name: string; authorizer: JwtAuthorizerConfig },
  gateway: Partial<GetGatewayCommandOutput>,
): void {
  const current = gateway.authorizerConfiguration?.customJWTAuthorizer;
  if (gateway.authorizerType === undefined && current === undefined) return;
  if (
    gateway.authorizerType === 'CUSTOM_JWT' &&
    stableJson(current) === stableJson(spec.authorizer)
  )
    return;
  context.output.result(
    `Note: gateway ${spec.name} keeps its own authorizer (${gateway.authorizerType ?? 'unknown'}), which differs from the config's customJWTAuthorizer; update it in the AgentCore console, or delete the gateway and run register-managed again`,
  );
}

function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(
          Object.entries(inner as Record<string, unknown>)
            .filter(([, entry]) => entry !== undefined)
            .sort(([a], [b]) => a.localeCompare(b)),
        )
      : inner,
  );
}

function dryRunArn(context: AwsContext, gatewayId: string): string {
  return `arn:aws:bedrock-agentcore:${context.clients.target.region}:${DRY_RUN_ACCOUNT}:gateway/${gatewayId}`;
}
