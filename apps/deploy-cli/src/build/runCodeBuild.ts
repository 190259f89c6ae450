import { firstLine } from '@agentcore-mcp/core';
import {
  GetLogEventsCommand,
  type GetLogEventsCommandOutput,
} from '@aws-sdk/client-cloudwatch-logs';
import {
  BatchGetBuildsCommand,
  type BatchGetBuildsCommandOutput,
  BatchGetProjectsCommand,
  type BatchGetProjectsCommandOutput,
  type Build,
  CreateProjectCommand,
  type ProjectEnvironment,
  StartBuildCommand,
  type StartBuildCommandOutput,
  UpdateProjectCommand,
} from '@aws-sdk/client-codebuild';

import type { AwsContext } from '../aws/awsContext.js';
import { CliError } from '../errors.js';

/** CodeBuild builds arm64 natively on ARM_CONTAINER; privileged mode lets it run Docker. */
const BUILD_ENVIRONMENT: ProjectEnvironment = {
  type: 'ARM_CONTAINER',
  image: 'aws/codebuild/amazonlinux2-aarch64-standard:3.0',
  computeType: 'BUILD_GENERAL1_MEDIUM',
  privilegedMode: true,
};
const POLL_MS = 5_000;
const BUILD_TIMEOUT_MINUTES = 30;
const LOG_TAIL_LINES = 30;

/** One image build. */
export interface CodeBuildInput {
  readonly project: string;
  readonly roleArn: string;
  /** `<bucket>/<key>` of the source zip. */
  readonly sourceLocation: string;
  readonly buildspec: string;
}

/**
 * Creates or updates the CodeBuild project, starts a build with this run's buildspec, and waits
 * for it, printing each phase with the elapsed time. On failure it prints the last lines of the
 * build log and throws.
 *
 * @returns The build id.
 * @throws {@link CliError} `ERR_BUILD_FAILED` (with the failing phase) or `ERR_TIMEOUT`.
 */
export async function runCodeBuild(context: AwsContext, input: CodeBuildInput): Promise<string> {
  await ensureProject(context, input);
  const started = await context.aws.send<Partial<StartBuildCommandOutput>>(
    context.clients.codeBuild,
    new StartBuildCommand({ projectName: input.project, buildspecOverride: input.buildspec }),
    () => ({ build: { id: `${input.project}:dry-run` } }),
  );
  const buildId = started.build?.id ?? '';
  if (context.aws.dryRun) return buildId;
  context.output.result(`Building the image with CodeBuild (${buildId})`);
  return waitForBuild(context, buildId);
}

async function ensureProject(context: AwsContext, input: CodeBuildInput): Promise<void> {
  const found = await context.aws.send<Partial<BatchGetProjectsCommandOutput>>(
    context.clients.codeBuild,
    new BatchGetProjectsCommand({ names: [input.project] }),
    () => ({ projects: [] }),
  );
  const project = {
    name: input.project,
    description: 'Builds the arm64 image of an AgentCore MCP runtime (agentcore-mcp launch)',
    source: { type: 'S3' as const, location: input.sourceLocation, buildspec: input.buildspec },
    artifacts: { type: 'NO_ARTIFACTS' as const },
    environment: BUILD_ENVIRONMENT,
    serviceRole: input.roleArn,
    timeoutInMinutes: BUILD_TIMEOUT_MINUTES,
  };
  const command =
    (found.projects ?? []).length > 0
      ? new UpdateProjectCommand(project)
      : new CreateProjectCommand({
          ...project,
          tags: [{ key: 'managed-by', value: 'agentcore-mcp' }],
        });
  await context.aws.send(context.clients.codeBuild, command, () => ({}));
}

async function waitForBuild(context: AwsContext, buildId: string): Promise<string> {
  const startedAt = context.now().getTime();
  const deadline = startedAt + (BUILD_TIMEOUT_MINUTES + 5) * 60_000;
  let lastPhase = '';
  for (;;) {
    const { builds } = await context.aws.send<Partial<BatchGetBuildsCommandOutput>>(
      context.clients.codeBuild,
      new BatchGetBuildsCommand({ ids: [buildId] }),
      () => ({ builds: [] }),
    );
    const build = builds?.[0];
    const elapsed = Math.round((context.now().getTime() - startedAt) / 1000);
    const phase = build?.currentPhase ?? 'QUEUED';
    if (phase !== lastPhase) {
      context.output.result(`  ${phase.padEnd(16)} ${elapsed} s`);
      lastPhase = phase;
    }
    switch (build?.buildStatus) {
      case 'SUCCEEDED': {
        return buildId;
      }
      case 'FAILED':
      case 'FAULT':
      case 'STOPPED':
      case 'TIMED_OUT': {
        await printLogTail(context, build);
        throw new CliError(
          'ERR_BUILD_FAILED',
          `CodeBuild build ${buildId} ${build.buildStatus} in phase ${failedPhase(build)}; the log tail is above (docs/troubleshooting.md#image-build-failed)`,
        );
      }
      case 'IN_PROGRESS':
      case undefined: {
        break; // queued or running: poll again
      }
    }
    if (context.now().getTime() > deadline) {
      throw new CliError(
        'ERR_TIMEOUT',
        `CodeBuild build ${buildId} did not finish in ${BUILD_TIMEOUT_MINUTES + 5} minutes; check it in the CodeBuild console`,
      );
    }
    await context.sleep(POLL_MS);
  }
}

function failedPhase(build: Build): string {
  const failed = build.phases?.find(
    (phase) => phase.phaseStatus !== undefined && phase.phaseStatus !== 'SUCCEEDED',
  );
  const reason = failed?.contexts?.find((entry) => entry.message)?.message;
  return `${failed?.phaseType ?? build.currentPhase ?? 'unknown'}${reason ? ` (${firstLine(reason)})` : ''}`;
}

async function printLogTail(context: AwsContext, build: Build): Promise<void> {
  const group = build.logs?.groupName;
  const stream = build.logs?.streamName;
  if (group === undefined || stream === undefined) return;
  try {
    const { events } = await context.aws.send<Partial<GetLogEventsCommandOutput>>(
      context.clients.logs,
      new GetLogEventsCommand({
        logGroupName: group,
        logStreamName: stream,
        limit: LOG_TAIL_LINES,
        startFromHead: false,
      }),
      () => ({ events: [] }),
    );
    context.output.note(`last ${events?.length ?? 0} lines of ${group}/${stream}:`);
    for (const event of events ?? []) context.output.note(`| ${(event.message ?? '').trimEnd()}`);
  } catch {
    context.output.note(`(the build log ${group}/${stream} could not be read)`);
  }
}
