import { CliError } from '../errors.js';
import type { DeploymentState, RuntimeProject } from '../project/projectConfig.js';

/**
 * The `deployment` section `launch` recorded for a runtime.
 *
 * @param runtime - The configured runtime.
 * @returns Its deployment.
 * @throws {@link CliError} `ERR_NOT_DEPLOYED` when the runtime has not been launched.
 * @example
 * ```ts
 * const { runtimeId } = requireDeployment(runtime);
 * ```
 */
export function requireDeployment(runtime: RuntimeProject): DeploymentState {
  if (runtime.deployment === undefined) {
    throw new CliError(
      'ERR_NOT_DEPLOYED',
      `${runtime.name} has not been launched yet: run agentcore-mcp launch --name ${runtime.name}`,
    );
  }
  return runtime.deployment;
}

/**
 * The error for a runtime the project file knows but AgentCore does not (any more).
 *
 * @param runtime - The configured runtime.
 * @param deployment - What `launch` recorded.
 * @param cause - The ResourceNotFoundException.
 * @returns A `ERR_NOT_DEPLOYED` {@link CliError} with the likely reason and the fix.
 */
export function runtimeGoneError(
  runtime: RuntimeProject,
  deployment: DeploymentState,
  cause: unknown,
): CliError {
  return new CliError(
    'ERR_NOT_DEPLOYED',
    `Runtime ${deployment.runtimeId} (${runtime.name}) does not exist in ${runtime.region} (deleted outside agentcore-mcp?): run agentcore-mcp launch --name ${runtime.name} to deploy it again, or agentcore-mcp destroy --name ${runtime.name} to forget it`,
    { cause },
  );
}
