import type { AwsContext } from '../aws/awsContext.js';
import type { ProjectConfig, RuntimeProject } from '../project/projectConfig.js';
import { withRuntime, writeProjectConfig } from '../project/projectConfigFile.js';
import { type LaunchResult, launchRuntime } from './launchRuntime.js';
import { printDryRunPlan } from './printDryRunPlan.js';

/**
 * Launches one configured runtime (`launch`, `gateway deploy`), records the deployment in
 * `.agentcore-mcp.yaml`, and prints the ARN, the invocation URL and the next commands. In a dry
 * run it prints the recorded requests instead and writes nothing.
 *
 * @param context - The AWS context.
 * @param input - The project, the runtime in it, and whether to build with the local Docker.
 * @returns What was deployed (in a dry run: what would be).
 * @throws {@link CliError} `ERR_BUILD_FAILED` / `ERR_RUNTIME_FAILED` / `ERR_TIMEOUT`;
 *   `AwsRequestError` naming the missing permission.
 * @example
 * ```ts
 * await launchAndRecord(context, { project, runtime, localBuild: false });
 * ```
 */
export async function launchAndRecord(
  context: AwsContext,
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
