import {
  type AwsCommandOptions,
  createDeployContext,
  type DeployCommandEnvironment,
  type DeployContext,
} from '../deploy/deployContext.js';
import { readManagedGatewayState } from '../gateway/managedGatewayState.js';

/**
 * The deploy context of the managed-gateway commands: the region is `--region`, else the one
 * recorded in `.agentcore-mcp/managed-gateway.json` by an earlier `register-managed`, else
 * AWS_REGION / AWS_DEFAULT_REGION.
 *
 * @param environment - Output, working directory and environment from `cli.ts`.
 * @param options - Region, profile and dry-run.
 * @returns The context.
 * @throws {@link DeployError} `ERR_INVALID_INPUT` when no region is known.
 */
export function createGatewayDeployContext(
  environment: DeployCommandEnvironment,
  options: AwsCommandOptions,
): DeployContext {
  let projectRegion: string | undefined;
  try {
    projectRegion = readManagedGatewayState(environment.cwd).region;
  } catch {
    projectRegion = undefined;
  }
  return createDeployContext(environment, { ...options, projectRegion });
}
