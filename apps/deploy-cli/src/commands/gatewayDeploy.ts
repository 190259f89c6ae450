import { assertRuntimeName } from '@agentcore-mcp/core';
import type { Command } from 'commander';

import type { AwsCommandOptions } from '../aws/awsContext.js';
import type { CommandContext } from '../commandContext.js';
import type { LaunchResult } from '../runtime/launchRuntime.js';
import { enableTransactionSearchOption, launchDryRunOption, launchJsonOption } from './launch.js';
import {
  addAwsOptions,
  gatewayConfigOption,
  localBuildOption,
  observabilityOption,
  REGION_DEFAULTS,
} from './sharedOptions.js';

/** The runtime name `gateway deploy` uses unless `--name` says otherwise. */
export const DEFAULT_GATEWAY_RUNTIME_NAME = 'mcp_gateway';

/** Options of `agentcore-mcp gateway deploy`. */
export interface GatewayDeployOptions extends AwsCommandOptions {
  /** `--config`: the gateway configuration. Default `gateway.json`. */
  readonly config?: string | undefined;
  /** `--name`: the runtime name. Default {@link DEFAULT_GATEWAY_RUNTIME_NAME}. */
  readonly name?: string | undefined;
  /**
   * `--app`: the gateway app directory. Default: the project root, a gateway project as
   * `agentcore-mcp init --template gateway` creates it (`apps/gateway-service` inside the
   * agentcore-mcp repository).
   */
  readonly app?: string | undefined;
  /** `--dockerfile`: the gateway image's Dockerfile. Default: the app's `Dockerfile`. */
  readonly dockerfile?: string | undefined;
  /** `--local-build`: build with the local Docker instead of CodeBuild. Default: CodeBuild. */
  readonly localBuild?: boolean | undefined;
  /** `--observability`: build with ADOT. Default: as recorded, else off. */
  readonly observability?: boolean | undefined;
  /**
   * `--enable-transaction-search`: turn CloudWatch Transaction Search on for the account and
   * region (needs observability). Default: only check it.
   */
  readonly enableTransactionSearch?: boolean | undefined;
  /** `--json`: only JSON on stdout (with `--dry-run` the plan), progress on stderr. */
  readonly json?: boolean | undefined;
}

/**
 * Adds `deploy` to the `gateway` command.
 *
 * @param gateway - The `gateway` command.
 * @param context - What the command runs with.
 * @example
 * ```ts
 * addGatewayDeployCommand(program.command('gateway'), context);
 * ```
 */
export function addGatewayDeployCommand(gateway: Command, context: CommandContext): void {
  addAwsOptions(
    gateway
      .command('deploy')
      .description(
        "deploy this gateway project's image as an AgentCore runtime (like launch), its config passed in GATEWAY_CONFIG",
      )
      .addOption(gatewayConfigOption())
      .option(
        '--name <name>',
        'runtime name, recorded in .agentcore-mcp.yaml',
        DEFAULT_GATEWAY_RUNTIME_NAME,
      )
      .option(
        '--app <dir>',
        'the gateway app directory (default: the project root, as agentcore-mcp init --template gateway creates it)',
      )
      .option('--dockerfile <path>', "the gateway image's Dockerfile (default: <app>/Dockerfile)")
      .addOption(localBuildOption())
      .addOption(observabilityOption())
      .addOption(enableTransactionSearchOption())
      .addOption(launchDryRunOption())
      .addOption(launchJsonOption()),
    REGION_DEFAULTS.recorded,
  ).action(async (options: GatewayDeployOptions) => {
    await run(options, context);
  });
}

/**
 * `agentcore-mcp gateway deploy`: builds the gateway image from the project it runs in (a project
 * that depends on `@agentcore-mcp/gateway-service`, with its own Dockerfile; see
 * `resolveGatewayApp`) and deploys it as an AgentCore runtime with the same machinery as `launch`,
 * its configuration in env `GATEWAY_CONFIG`. The Dockerfile is checked before anything else. The
 * runtime is recorded in `.agentcore-mcp.yaml` under its name, so `status`, `logs`, `invoke` and
 * `destroy --name` work on it. The region is `--region`, else the runtime's recorded one, else
 * AWS_REGION.
 *
 * @param options - The parsed command-line options.
 * @param context - What the command runs with.
 * @returns What was deployed (in a dry run: what would be).
 * @throws {@link CliError} `ERR_INVALID_RUNTIME_NAME` (a `--name` that cannot be deployed, or
 *   that differs from another runtime only by case) / `ERR_INVALID_REGION` / `ERR_INVALID_INPUT` (no gateway project, no
 *   Dockerfile or stage, an invalid configuration, `--enable-transaction-search` without
 *   observability) / `ERR_BUILD_FAILED` / `ERR_RUNTIME_FAILED` / `ERR_TIMEOUT`; `AwsRequestError`.
 * @example
 * ```ts
 * await run({ config: 'gateway.json', dryRun: true, json: true }, context);
 * ```
 */
export async function run(
  options: GatewayDeployOptions,
  context: CommandContext,
): Promise<LaunchResult> {
  const { openAwsContext } = await import('../aws/awsContext.js');
  const { assertDockerfile } = await import('../build/checkDockerfile.js');
  const { gatewayRuntimeProject } = await import('../gateway/gatewayRuntimeProject.js');
  const { resolveGatewayApp } = await import('../gateway/resolveGatewayApp.js');
  const { readProjectConfig, withRuntime, writeProjectConfig } =
    await import('../project/projectConfigFile.js');
  const { launchAndRecord } = await import('../runtime/launchAndRecord.js');
  const { assertTransactionSearchOptions } = await import('../observability/transactionSearch.js');
  const { assertDeployableInProject } = await import('../aws/deployableRuntimeName.js');
  const app = resolveGatewayApp(context.cwd, options);
  const project = readProjectConfig(context.cwd);
  const name = options.name ?? DEFAULT_GATEWAY_RUNTIME_NAME;
  assertRuntimeName(name);
  const existing = project?.runtimes[name];
  const observability = options.observability ?? existing?.observability ?? false;
  const dockerfileFixes = {
    missingFix:
      'run agentcore-mcp init --template gateway to create a gateway project, or pass --dockerfile <path>',
    withoutObservability:
      options.observability === true
        ? 'drop --observability'
        : `remove "observability: true" from the runtime ${name} in .agentcore-mcp.yaml`,
  };
  const transactionSearch = {
    enable: options.enableTransactionSearch ?? false,
    command: 'agentcore-mcp gateway deploy',
    withObservability: 'add --observability',
  };
  assertTransactionSearchOptions({ name, observability }, transactionSearch);
  assertDockerfile(context.cwd, { dockerfile: app.dockerfile, observability, ...dockerfileFixes });
  const deployContext = await openAwsContext(context, {
    ...options,
    fallbackRegion: existing?.region,
  });
  // Before the project file is written: the runtime name becomes the ECR repository and more.
  assertDeployableInProject(name, {
    region: deployContext.clients.target.region,
    projectRuntimes: Object.keys(project?.runtimes ?? {}),
  });
  const { runtime: configured, warnings } = gatewayRuntimeProject({
    configPath: options.config ?? 'gateway.json',
    cwd: context.cwd,
    name,
    region: deployContext.clients.target.region,
    app,
    observability,
  });
  const runtime = {
    ...configured,
    ...(existing?.deployment ? { deployment: existing.deployment } : {}),
  };
  for (const warning of warnings) context.output.note(`note: ${warning}`);
  const updated = withRuntime(project, runtime, project === undefined);
  if (!deployContext.aws.dryRun) writeProjectConfig(context.cwd, updated);
  return launchAndRecord(deployContext, {
    project: updated,
    runtime,
    localBuild: options.localBuild ?? false,
    json: options.json ?? false,
    dockerfileFixes,
    transactionSearch,
  });
}
