import { AgentCoreMcpError } from '@agentcore-mcp/core';

import type { AwsContext } from '../aws/awsContext.js';
import type { RuntimeProject } from '../project/projectConfig.js';
import { getRuntimeStatus, type RuntimeStatusResult } from '../runtime/runtimeStatus.js';
import { type DoctorCheck, failed, failedWithError, passed } from './doctorCheck.js';

/** The name of the runtime check. */
export const RUNTIME_CHECK = 'runtime READY';

/** What the runtime check found: the line, and the status when the runtime is READY. */
export interface RuntimeCheckResult {
  readonly check: DoctorCheck;
  /** Present when the runtime and its DEFAULT endpoint are READY. */
  readonly status?: RuntimeStatusResult | undefined;
}

const FAILED_FIX =
  'fix the cause (docs/troubleshooting.md#runtime-failed), then agentcore-mcp launch';
const PENDING_FIX =
  'wait a minute and run doctor again (docs/troubleshooting.md#runtime-stuck-creating)';

/**
 * Checks that the launched runtime and its `DEFAULT` endpoint are READY (GetAgentRuntime and
 * GetAgentRuntimeEndpoint, through `context.aws`).
 *
 * @param context - The AWS context.
 * @param runtime - The configured runtime.
 * @returns The check, and the status when READY.
 * @example
 * ```ts
 * const { check, status } = await checkRuntimeReady(context, runtime);
 * ```
 */
export async function checkRuntimeReady(
  context: AwsContext,
  runtime: RuntimeProject,
): Promise<RuntimeCheckResult> {
  if (runtime.deployment === undefined) {
    return {
      check: failed(
        RUNTIME_CHECK,
        `${runtime.name} has not been launched`,
        `agentcore-mcp launch --name ${runtime.name} (try --dry-run first)`,
      ),
    };
  }
  let status: RuntimeStatusResult;
  try {
    status = await getRuntimeStatus(context, runtime);
  } catch (error) {
    if (error instanceof AgentCoreMcpError && error.code === 'ERR_NOT_DEPLOYED') {
      return {
        check: failed(
          RUNTIME_CHECK,
          `runtime ${runtime.deployment.runtimeId} does not exist in ${context.clients.target.region}`,
          `agentcore-mcp launch --name ${runtime.name}, or check --region`,
        ),
      };
    }
    return { check: failedWithError(RUNTIME_CHECK, error, 'run agentcore-mcp status --verbose') };
  }
  return { check: describeStatus(status), status: isReady(status) ? status : undefined };
}

function isReady(status: RuntimeStatusResult): boolean {
  return status.status === 'READY' && status.endpoint.status === 'READY';
}

function describeStatus(status: RuntimeStatusResult): DoctorCheck {
  const { runtimeId, endpoint } = status;
  if (status.status.endsWith('_FAILED')) {
    return failed(
      RUNTIME_CHECK,
      `${runtimeId} is ${status.status}: ${status.failureReason ?? 'no reason given'}`,
      FAILED_FIX,
    );
  }
  if (status.status !== 'READY') {
    return failed(RUNTIME_CHECK, `${runtimeId} is ${status.status}`, PENDING_FIX);
  }
  if (endpoint.status.endsWith('_FAILED')) {
    return failed(
      RUNTIME_CHECK,
      `${runtimeId} is READY but endpoint ${endpoint.name} is ${endpoint.status}: ${endpoint.failureReason ?? 'no reason given'}`,
      FAILED_FIX,
    );
  }
  if (endpoint.status !== 'READY') {
    return failed(
      RUNTIME_CHECK,
      `${runtimeId} is READY but endpoint ${endpoint.name} is ${endpoint.status}`,
      PENDING_FIX,
    );
  }
  const version = status.version ? ` (version ${status.version})` : '';
  return passed(
    RUNTIME_CHECK,
    `${runtimeId} is READY${version}, endpoint ${endpoint.name} READY, ${status.protocol} protocol, ${status.authorizer} auth`,
  );
}
