import type { AwsContext } from '../aws/awsContext.js';
import { assertDeployableInProject } from '../aws/deployableRuntimeName.js';
import { assertDockerfile, type DockerfileCheck } from '../build/checkDockerfile.js';
import type { TransactionSearchOptions } from '../observability/transactionSearch.js';
import type { Output } from '../output.js';
import type { ProjectConfig, RuntimeProject } from '../project/projectConfig.js';
import { withRuntime, writeProjectConfig } from '../project/projectConfigFile.js';
import { formatLaunchPlan, formatLaunchPlanJson, toLaunchPlan } from './launchPlan.js';
import { type LaunchResult, launchRuntime } from './launchRuntime.js';

/** What {@link launchAndRecord} deploys, and how it reports. */
export interface LaunchAndRecordInput {
  /** The project file's content. */
  readonly project: ProjectConfig;
  /** The runtime in it to deploy. */
  readonly runtime: RuntimeProject;
  /** Build with the local Docker instead of CodeBuild. */
  readonly localBuild: boolean;
  /**
   * `--json`: stdout gets one JSON document (the plan in a dry run, else the deployment) and the
   * progress lines go to stderr. Default false.
   */
  readonly json?: boolean | undefined;
  /** The fixes the Dockerfile check suggests. Default: `launch`'s (configure again). */
  readonly dockerfileFixes?: Pick<DockerfileCheck, 'missingFix' | 'withoutObservability'>;
  /**
   * CloudWatch Transaction Search (runtimes with observability): `enable` is
   * `--enable-transaction-search`; `command` and `withObservability` word the hints for the
   * command that runs. Default: check only, hints for `launch`.
   */
  readonly transactionSearch?: TransactionSearchOptions | undefined;
}

/**
 * Launches one configured runtime (`launch`, `gateway deploy`), records the deployment in
 * `.agentcore-mcp.yaml`, and prints the ARN, the invocation URL and the next commands. First it
 * checks, as `configure` does, that the runtime name can be deployed and differs from the
 * project's other runtimes by more than case, then the Dockerfile (present, with the stages the
 * runtime builds), also in a dry run. A dry
 * run prints the plan instead (readable, or JSON with `json`), reads no credentials and writes
 * nothing.
 *
 * @param context - The AWS context.
 * @param input - The project, the runtime in it, the build mode and the output format.
 * @returns What was deployed (in a dry run: what would be).
 * @throws {@link CliError} `ERR_INVALID_RUNTIME_NAME` (the same one line as `configure`);
 *   `ERR_INVALID_INPUT` for a missing Dockerfile or stage, or
 *   `--enable-transaction-search` without observability;
 *   `ERR_BUILD_FAILED` / `ERR_RUNTIME_FAILED` / `ERR_TIMEOUT`; `AwsRequestError` naming the
 *   missing permission.
 * @example
 * ```ts
 * await launchAndRecord(context, { project, runtime, localBuild: false });
 * ```
 */
export async function launchAndRecord(
  context: AwsContext,
  input: LaunchAndRecordInput,
): Promise<LaunchResult> {
  // A project file edited by hand is checked as configure checks it, before any request.
  assertDeployableInProject(input.runtime.name, {
    region: context.clients.target.region,
    projectRuntimes: Object.keys(input.project.runtimes),
  });
  assertDockerfile(context.cwd, {
    dockerfile: input.runtime.dockerfile,
    observability: input.runtime.observability ?? false,
    ...input.dockerfileFixes,
  });
  const { output } = context;
  const json = input.json === true;
  const progress = json ? { ...context, output: progressToStderr(output) } : context;
  const result = await launchRuntime(progress, input.runtime, {
    localBuild: input.localBuild,
    transactionSearch: input.transactionSearch,
  });
  if (context.aws.dryRun) {
    const plan = toLaunchPlan({
      runtime: input.runtime,
      region: context.clients.target.region,
      localBuild: input.localBuild,
      imageUri: result.imageUri,
      buildContext: result.buildContext,
      requests: context.aws.requests,
    });
    if (json) output.result(formatLaunchPlanJson(plan));
    else for (const line of formatLaunchPlan(plan)) output.result(line);
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
  if (json) {
    const { buildContext: _uploaded, ...deployed } = result;
    output.result(JSON.stringify({ runtime: input.runtime.name, ...deployed }, null, 2));
    return result;
  }
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

/** The same output with results sent to stderr, so stdout holds only the JSON document. */
function progressToStderr(output: Output): Output {
  return { ...output, result: (line) => output.note(line) };
}
