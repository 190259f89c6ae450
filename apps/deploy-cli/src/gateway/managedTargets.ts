import type { RuntimeArn } from '@agentcore-mcp/core';
import {
  CreateGatewayTargetCommand,
  type CreateGatewayTargetCommandOutput,
  GetGatewayTargetCommand,
  type GetGatewayTargetCommandOutput,
  ListGatewayTargetsCommand,
  type ListGatewayTargetsCommandOutput,
  type TargetConfiguration,
  type TargetSummary,
  UpdateGatewayTargetCommand,
} from '@aws-sdk/client-bedrock-agentcore-control';

import type { AwsContext } from '../aws/awsContext.js';
import { parseRuntimeTargetUrl } from './runtimeTargetUrl.js';
import type { ManagedTargetAuth } from './targetAuthMode.js';
import {
  hasSameCredentials,
  NO_OUTBOUND_AUTH,
  type TargetOutboundAuth,
} from './targetCredentials.js';
import { formatTargetDescription } from './targetDescription.js';
import { waitForStatus } from './waitForStatus.js';

/** One `mcpServer` target to register. */
export interface ManagedTargetSpec {
  /** The `mcpServers` key in the gateway config. */
  readonly configName: string;
  /** A valid AgentCore name (underscores already turned into hyphens). */
  readonly name: string;
  /** The MCP server's https:// URL. */
  readonly endpoint: string;
  /** The AgentCore runtime, when the URL is a runtime's invocation URL. */
  readonly runtime?: RuntimeArn | undefined;
}

/** What happened to a target. */
export type ManagedTargetAction = 'created' | 'updated' | 'reused';

/** Statuses from which a target does not become READY by itself. */
export const FAILED_TARGET_STATUSES = [
  'FAILED',
  'UPDATE_UNSUCCESSFUL',
  'SYNCHRONIZE_UNSUCCESSFUL',
  'DELETING',
  'CREATE_PENDING_AUTH',
  'UPDATE_PENDING_AUTH',
  'SYNCHRONIZE_PENDING_AUTH',
];

/**
 * Lists every target of a gateway (ListGatewayTargets, all pages).
 *
 * @param context - The AWS context.
 * @param gatewayId - The gateway.
 * @returns The target summaries.
 */
export async function listManagedTargets(
  context: AwsContext,
  gatewayId: string,
): Promise<TargetSummary[]> {
  const targets: TargetSummary[] = [];
  let nextToken: string | undefined;
  do {
    const page = await context.aws.send<Partial<ListGatewayTargetsCommandOutput>>(
      context.clients.agentCore,
      new ListGatewayTargetsCommand({
        gatewayIdentifier: gatewayId,
        maxResults: 100,
        ...(nextToken ? { nextToken } : {}),
      }),
      () => ({ items: [] }),
    );
    targets.push(...(page.items ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  return targets;
}

/**
 * Creates an `mcpServer` target (CreateGatewayTarget with `targetConfiguration.mcp.mcpServer`
 * and, for a target with outbound auth, its `credentialProviderConfigurations`), or reuses the one
 * of the same name, updating it (UpdateGatewayTarget) when its endpoint changed, or, for a target
 * with outbound auth (or a runtime target), when its credentials differ. AgentCore then calls the
 * server's `tools/list`.
 *
 * @param context - The AWS context.
 * @param input - The gateway, its existing targets, the target, its outbound auth (default none)
 *   and what to do right before a create or update that sends credentials (wait for IAM).
 * @returns The target id and what was done; wait for it with {@link waitForManagedTarget}.
 * @example
 * ```ts
 * const { targetId, action } = await ensureManagedTarget(context, { gatewayId, existing, target });
 * ```
 */
export async function ensureManagedTarget(
  context: AwsContext,
  input: {
    gatewayId: string;
    existing: readonly TargetSummary[];
    target: ManagedTargetSpec;
    outbound?: TargetOutboundAuth | undefined;
    beforeCredentialedWrite?: (() => Promise<void>) | undefined;
  },
): Promise<{ targetId: string; action: ManagedTargetAction; status?: string | undefined }> {
  const { gatewayId, target } = input;
  const outbound = input.outbound ?? NO_OUTBOUND_AUTH;
  const credentials = outbound.credentials;
  const targetConfiguration: TargetConfiguration = {
    mcp: { mcpServer: { endpoint: target.endpoint } },
  };
  const beforeWrite = async (): Promise<void> => {
    if (credentials !== undefined) await input.beforeCredentialedWrite?.();
  };
  const found = input.existing.find((item) => item.name === target.name);
  if (found?.targetId !== undefined) {
    const current = await getTarget(context, gatewayId, found.targetId);
    // A target registered without credentials keeps whatever it has (set in the console, say).
    const sameCredentials =
      (target.runtime === undefined && credentials === undefined) ||
      hasSameCredentials(current.credentialProviderConfigurations, credentials);
    if (
      current.targetConfiguration?.mcp?.mcpServer?.endpoint === target.endpoint &&
      sameCredentials
    ) {
      return { targetId: found.targetId, action: 'reused', status: current.status };
    }
    await beforeWrite();
    await context.aws.send(
      context.clients.agentCore,
      new UpdateGatewayTargetCommand({
        gatewayIdentifier: gatewayId,
        targetId: found.targetId,
        name: target.name,
        targetConfiguration,
        ...(credentials === undefined ? {} : { credentialProviderConfigurations: credentials }),
      }),
      () => ({}),
    );
    return { targetId: found.targetId, action: 'updated' };
  }
  await beforeWrite();
  const created = await context.aws.send<Partial<CreateGatewayTargetCommandOutput>>(
    context.clients.agentCore,
    new CreateGatewayTargetCommand({
      gatewayIdentifier: gatewayId,
      name: target.name,
      description: formatTargetDescription(target.configName),
      targetConfiguration,
      ...(credentials === undefined ? {} : { credentialProviderConfigurations: credentials }),
    }),
    () => ({ targetId: dryRunTargetId(target.name), status: 'CREATING' }),
  );
  return { targetId: created.targetId ?? '', action: 'created' };
}

/**
 * Waits until a target is READY (GetGatewayTarget every 5 s, at most 5 minutes).
 *
 * @param context - The AWS context.
 * @param input - Gateway, target id, the target's config name for messages, and its outbound auth
 *   (for the hint).
 * @throws {@link CliError} `ERR_RUNTIME_FAILED` with AgentCore's `statusReasons`, `ERR_TIMEOUT`.
 */
export async function waitForManagedTarget(
  context: AwsContext,
  input: {
    gatewayId: string;
    targetId: string;
    configName: string;
    name: string;
    /** The target's URL: an AgentCore Runtime's gets the runtime hint. */
    endpoint?: string | undefined;
    auth?: ManagedTargetAuth | undefined;
  },
): Promise<void> {
  await waitForStatus(context, {
    what: `Target ${input.name} (${input.targetId})`,
    poll: () => getTarget(context, input.gatewayId, input.targetId),
    failed: FAILED_TARGET_STATUSES,
    hint: failedTargetHint(input),
  });
}

/** What to check when AgentCore could not list a target's tools, by how it is called. */
function failedTargetHint(input: {
  configName: string;
  endpoint?: string | undefined;
  auth?: ManagedTargetAuth | undefined;
}): string {
  const sync = `agentcore-mcp gateway sync --target ${input.configName}`;
  const runtime =
    input.endpoint !== undefined && parseRuntimeTargetUrl(input.endpoint) !== undefined;
  if (input.auth === 'iam' || (runtime && input.auth === 'oauth')) {
    return `AgentCore could not list the runtime's tools with ${input.auth === 'iam' ? "IAM (the gateway role's bedrock-agentcore:InvokeAgentRuntime)" : 'OAuth client credentials (the runtime must allow the M2M client)'}: check the runtime with agentcore-mcp doctor, then run ${sync} (new IAM permissions take a few seconds)`;
  }
  if (input.auth === 'oauth' || input.auth === 'api-key') {
    return `AgentCore could not list the server's tools with the credential of its provider (--target-credential): check that the server accepts it (scopes, header), then run ${sync} (new IAM permissions take a few seconds)`;
  }
  return `AgentCore could not list the server's tools: it must answer MCP over streamable HTTP at a public https:// URL without credentials; fix it, then run ${sync}`;
}

function getTarget(
  context: AwsContext,
  gatewayId: string,
  targetId: string,
): Promise<Partial<GetGatewayTargetCommandOutput>> {
  return context.aws.send<Partial<GetGatewayTargetCommandOutput>>(
    context.clients.agentCore,
    new GetGatewayTargetCommand({ gatewayIdentifier: gatewayId, targetId }),
    () => ({ targetId, status: 'READY' }),
  );
}

/** A 10-character id that looks like AgentCore's, for dry-run plans: `WEATDRYRUN`. */
function dryRunTargetId(name: string): string {
  return `${name
    .replace(/[^0-9a-zA-Z]/g, '')
    .toUpperCase()
    .slice(0, 4)}DRYRUN`.padEnd(10, '0');
}
