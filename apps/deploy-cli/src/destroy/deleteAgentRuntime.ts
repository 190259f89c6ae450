import {
  DeleteAgentRuntimeCommand,
  type DeleteAgentRuntimeCommandOutput,
  GetAgentRuntimeCommand,
  type GetAgentRuntimeCommandOutput,
} from '@aws-sdk/client-bedrock-agentcore-control';

import type { AwsContext } from '../aws/awsContext.js';
import { isAwsError } from '../aws/toAwsRequestError.js';
import { CliError } from '../errors.js';

/** What a delete step found: it deleted the resource, or there was nothing left to delete. */
export type DeleteOutcome = 'deleted' | 'already deleted';

/** Time between GetAgentRuntime polls while the runtime is DELETING. */
export const DELETE_POLL_INTERVAL_MS = 5000;
/** Polls before giving up: 60 × 5 s = 5 minutes. */
export const DELETE_MAX_POLLS = 60;

/**
 * Deletes a runtime with all its versions and endpoints (DeleteAgentRuntime without a version),
 * then polls GetAgentRuntime until AgentCore no longer knows it. In a dry run it only records the
 * delete.
 *
 * @param context - The AWS context (its `sleep` paces the polls).
 * @param runtimeId - The runtime id.
 * @returns `already deleted` when the runtime did not exist.
 * @throws {@link CliError} `ERR_RUNTIME_FAILED` on DELETE_FAILED, `ERR_TIMEOUT` after 5
 *   minutes; {@link AwsRequestError} (e.g. AccessDenied naming
 *   `bedrock-agentcore:DeleteAgentRuntime`).
 */
export async function deleteAgentRuntime(
  context: AwsContext,
  runtimeId: string,
): Promise<DeleteOutcome> {
  try {
    await context.aws.send(
      context.clients.agentCore,
      new DeleteAgentRuntimeCommand({ agentRuntimeId: runtimeId }),
      () => ({ status: 'DELETING' }) as DeleteAgentRuntimeCommandOutput,
    );
  } catch (error) {
    if (isAwsError(error, 'ResourceNotFoundException')) return 'already deleted';
    throw error;
  }
  if (context.aws.dryRun) return 'deleted';
  for (let poll = 0; poll < DELETE_MAX_POLLS; poll++) {
    if (poll > 0) await context.sleep(DELETE_POLL_INTERVAL_MS);
    let described: GetAgentRuntimeCommandOutput;
    try {
      described = await context.aws.send(
        context.clients.agentCore,
        new GetAgentRuntimeCommand({ agentRuntimeId: runtimeId }),
        () => ({}) as GetAgentRuntimeCommandOutput,
      );
    } catch (error) {
      if (isAwsError(error, 'ResourceNotFoundException')) return 'deleted';
      throw error;
    }
    if (described.status === 'DELETE_FAILED') {
      throw new CliError(
        'ERR_RUNTIME_FAILED',
        `Runtime ${runtimeId} could not be deleted (DELETE_FAILED: ${described.failureReason ?? 'no reason given'}); fix the cause, then run agentcore-mcp destroy again`,
      );
    }
  }
  throw new CliError(
    'ERR_TIMEOUT',
    `Runtime ${runtimeId} is still being deleted after ${(DELETE_MAX_POLLS * DELETE_POLL_INTERVAL_MS) / 60_000} minutes; run agentcore-mcp status to check, then agentcore-mcp destroy again`,
  );
}
