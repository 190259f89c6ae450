import {
  type AwsCommandOptions,
  createDeployContext,
  type DeployCommandEnvironment,
  resolveDeployRegion,
} from '../deploy/deployContext.js';
import { gatewayRuntimeProject } from '../deploy/gatewayRuntime.js';
import type { LaunchResult } from '../deploy/launch.js';
import {
  readProjectConfig,
  withRuntime,
  writeProjectConfig,
} from '../project/projectConfigFile.js';
import { launch } from './launch.js';

/** The runtime name `gateway deploy` uses unless `--name` says otherwise. */
export const DEFAULT_GATEWAY_RUNTIME_NAME = 'mcp_gateway';

/** Options of `agentcore-mcp gateway deploy`. */
export interface GatewayDeployCommandOptions extends AwsCommandOptions {
  /** `--config`: the gateway configuration. Default `gateway.json`. */
  readonly config?: string | undefined;
  /** `--name`: the runtime name. Default {@link DEFAULT_GATEWAY_RUNTIME_NAME}. */
  readonly name?: string | undefined;
  readonly localBuild?: boolean | undefined;
  readonly observability?: boolean | undefined;
}

/**
 * `agentcore-mcp gateway deploy`: deploys gateway-service as an AgentCore runtime with the same
 * machinery as `launch`, its configuration in env `GATEWAY_CONFIG`. The runtime is recorded in
 * `.agentcore-mcp.yaml` under its name, so `status`, `logs`, `invoke` and `destroy --name` work on it.
 *
 * @example
 * ```ts
 * await runGatewayDeployCommand({ config: 'gateway.json', dryRun: true }, { output, cwd, env });
 * ```
 */
export async function runGatewayDeployCommand(
  options: GatewayDeployCommandOptions,
  environment: DeployCommandEnvironment,
): Promise<LaunchResult> {
  const project = readProjectConfig(environment.cwd);
  const name = options.name ?? DEFAULT_GATEWAY_RUNTIME_NAME;
  const existing = project?.runtimes[name];
  const region = resolveDeployRegion(options.region ?? existing?.region, environment.env);
  const { runtime: configured, warnings } = gatewayRuntimeProject({
    configPath: options.config ?? 'gateway.json',
    cwd: environment.cwd,
    name,
    region,
    observability: options.observability ?? existing?.observability ?? false,
  });
  const runtime = {
    ...configured,
    ...(existing?.deployment ? { deployment: existing.deployment } : {}),
  };
  for (const warning of warnings) environment.output.note(`note: ${warning}`);
  const updated = withRuntime(project, runtime, project === undefined);
  const context = createDeployContext(environment, { ...options, projectRegion: region });
  if (!context.aws.dryRun) writeProjectConfig(environment.cwd, updated);
  return launch(context, { project: updated, runtime, localBuild: options.localBuild ?? false });
}
