import {
  DeleteGatewayCommand,
  DeleteGatewayTargetCommand,
  GetGatewayCommand,
  type GetGatewayCommandOutput,
  GetGatewayTargetCommand,
  type GetGatewayTargetCommandOutput,
} from '@aws-sdk/client-bedrock-agentcore-control';

import type { AwsContext } from '../aws/awsContext.js';
import { isAwsError } from '../aws/toAwsRequestError.js';
import type { DeleteOutcome } from '../destroy/deleteAgentRuntime.js';
import { CliError } from '../errors.js';

/** Milliseconds between polls while a target or gateway is being deleted. */
const POLL_INTERVAL_MS = 5_000;
/** Polls before giving up: 60 × 5 s = 5 minutes. */
const MAX_POLLS = 60;

/**
 * Deletes a gateway target (DeleteGatewayTarget) and waits until AgentCore no longer knows it
 * (GetGatewayTarget until ResourceNotFoundException, every 5 s, at most 5 minutes). A dry run only
 * records the delete.
 *
 * @param context - The AWS context.
 * @param input - The gateway id, the target id, the target's name for messages, and the command
 *   to run again after a timeout (default `agentcore-mcp gateway destroy-managed`).
 * @returns `already deleted` when the target (or its gateway) did not exist.
 * @throws {@link CliError} `ERR_TIMEOUT`; `AwsRequestError` naming the missing permission.
 * @example
 * ```ts
 * await deleteManagedTarget(context, { gatewayId, targetId: 'WEATHER001', name: 'weather' });
 * ```
 */
export async function deleteManagedTarget(
  context: AwsContext,
  input: { gatewayId: string; targetId: string; name: string; retry?: string | undefined },
): Promise<DeleteOutcome> {
  const ids = { gatewayIdentifier: input.gatewayId, targetId: input.targetId };
  return deleteAndWait(context, {
    what: `Target ${input.name} (${input.targetId})`,
    retry: input.retry,
    remove: () =>
      context.aws.send(context.clients.agentCore, new DeleteGatewayTargetCommand(ids), () => ({})),
    poll: () =>
      context.aws.send<Partial<GetGatewayTargetCommandOutput>>(
        context.clients.agentCore,
        new GetGatewayTargetCommand(ids),
        () => ({}),
      ),
  });
}

/**
 * Deletes a managed gateway (DeleteGateway; it must have no targets left) and waits until
 * AgentCore no longer knows it (GetGateway until ResourceNotFoundException, every 5 s, at most
 * 5 minutes). A dry run only records the delete.
 *
 * @param context - The AWS context.
 * @param input - The gateway id and name.
 * @returns `already deleted` when the gateway did not exist.
 * @throws {@link CliError} `ERR_TIMEOUT`; `AwsRequestError` naming the missing permission.
 * @example
 * ```ts
 * await deleteManagedGateway(context, { gatewayId, name: 'agentcore-mcp-gateway' });
 * ```
 */
export async function deleteManagedGateway(
  context: AwsContext,
  input: { gatewayId: string; name: string },
): Promise<DeleteOutcome> {
  const id = { gatewayIdentifier: input.gatewayId };
  return deleteAndWait(context, {
    what: `Gateway ${input.name} (${input.gatewayId})`,
    remove: () =>
      context.aws.send(context.clients.agentCore, new DeleteGatewayCommand(id), () => ({})),
    poll: () =>
      context.aws.send<Partial<GetGatewayCommandOutput>>(
        context.clients.agentCore,
        new GetGatewayCommand(id),
        () => ({}),
      ),
  });
}

async function deleteAndWait(
  context: AwsContext,
  steps: {
    what: string;
    /** The command to run again after a timeout; default `agentcore-mcp gateway destroy-managed`. */
    retry?: string | undefined;
    remove: () => Promise<unknown>;
    poll: () => Promise<{ status?: string | undefined }>;
  },
): Promise<DeleteOutcome> {
  try {
    await steps.remove();
  } catch (error) {
    if (isAwsError(error, 'ResourceNotFoundException')) return 'already deleted';
    throw error;
  }
  if (context.aws.dryRun) return 'deleted';
  let status: string | undefined;
  for (let poll = 0; poll < MAX_POLLS; poll++) {
    if (poll > 0) await context.sleep(POLL_INTERVAL_MS);
    try {
      status = (await steps.poll()).status;
    } catch (error) {
      if (isAwsError(error, 'ResourceNotFoundException')) return 'deleted';
      throw error;
    }
  }
  throw new CliError(
    'ERR_TIMEOUT',
    `${steps.what} was still there after ${(MAX_POLLS * POLL_INTERVAL_MS) / 60_000} minutes (status ${status ?? 'unknown'}); check it in the AgentCore console, then run ${steps.retry ?? 'agentcore-mcp gateway destroy-managed'} again`,
  );
}
