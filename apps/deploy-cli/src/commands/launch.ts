import type { DeployCommandEnvironment, DeployContext } from '../deploy/deployContext.js';
import { type LaunchResult, launchRuntime } from '../deploy/launch.js';
import { openRuntimeContext } from '../deploy/openRuntimeContext.js';
import { printDryRunPlan } from '../deploy/printDryRunPlan.js';
import type { ProjectConfig, RuntimeProject } from '../project/projectConfig.js';
import { withRuntime, writeProjectConfig } from '../project/projectConfigFile.js';

/** Options of `agentcore-mcp launch`. */
export interface LaunchCommandOptions {
  /** `--name`: the runtime. Default: the project's default. */
  readonly name?: string | undefined;
  readonly region?: string | undefined;
  readonly profile?: string | undefined;
  /** `--local-build`: build with the local Docker instead of CodeBuild. */
  readonly localBuild?: boolean | undefined;
  /** `--dry-run`: print every AWS request as JSON and send none. */
  readonly dryRun?: boolean | undefined;
}

/**
 * `agentcore-mcp launch`: builds and deploys the configured runtime, records the deployment in
 * `.agentcore-mcp.yaml`, and prints the ARN, the invocation URL and the next commands.
 *
 * @example
 * ```ts
 * await runLaunchCommand({ dryRun: true }, { output, cwd: process.cwd(), env: process.env });
 * ```
 */
export async function runLaunchCommand(
  options: LaunchCommandOptions,
  environment: DeployCommandEnvironment,
): Promise<LaunchResult> {
  const { context, project, runtime } = openRuntimeContext(environment, options);
  return launch(context, { project, runtime, localBuild: options.localBuild ?? false });
}

/**
 * The body of {@link runLaunchCommand}, for tests: launch, then record and report.
 *
 * @returns What was deployed (in a dry run: what would be).
 */
export async function launch(
  context: DeployContext,
  input: { project: ProjectConfig; runtime: RuntimeProject; localBuild: boolean },
): Promise<LaunchResult> {
  const result = await launchRuntime(context, input.runtime, { localBuild: input.localBuild });
  const { output } = context;
  if (context.aws.dryRun) {
    output.result(`Dry run: ${context.aws.requests.length} AWS requests would be sent, none was:`);
    printDryRunPlan(output, context.aws.requests);
    return result;
  }
  const runtime: RuntimeProject = {
    ...input.runtime,
    deployment: {
      account: result.account,
      runtimeId: result.runtimeId,
      runtimeArn: result.runtimeArn,
      runtimeVersion: result.runtimeVersion,
      executionRoleArn: result.executionRoleArn,
      ecrRepositoryUri: result.ecrRepositoryUri,
      imageUri: result.imageUri,
      codeBuildProject: result.codeBuildProject,
      sourceBucket: result.sourceBucket,
      launchedAt: context.now().toISOString(),
    },
  };
  writeProjectConfig(context.cwd, withRuntime(input.project, runtime, false));
  const auth = input.runtime.authorizer
    ? '--credentials .agentcore-mcp/cognito-credentials.json'
    : '--sigv4';
  output.result('');
  output.result(
    `✅ ${result.created ? 'Created' : 'Updated'} ${input.runtime.name}, version ${result.runtimeVersion ?? '?'}, READY`,
  );
  output.result(`   ARN: ${result.runtimeArn}`);
  output.result(`   URL: ${result.invocationUrl}`);
  output.result(`   image: ${result.imageUri}`);
  output.result('Next:');
  output.result('   agentcore-mcp status');
  output.result(`   agentcore-mcp invoke tools/list --arn ${result.runtimeArn} ${auth}`);
  output.result('   agentcore-mcp logs --follow');
  return result;
}
