import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { BedrockAgentCoreControlClient } from '@aws-sdk/client-bedrock-agentcore-control';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { CodeBuildClient } from '@aws-sdk/client-codebuild';
import { ECRClient } from '@aws-sdk/client-ecr';
import { IAMClient } from '@aws-sdk/client-iam';
import { S3Client } from '@aws-sdk/client-s3';
import { STSClient } from '@aws-sdk/client-sts';
import { XRayClient } from '@aws-sdk/client-xray';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';

import { CliError } from '../../src/errors.js';
import { readProjectConfig } from '../../src/project/projectConfigFile.js';
import { launchAndRecord } from '../../src/runtime/launchAndRecord.js';
import type { LaunchPlan } from '../../src/runtime/launchPlan.js';
import { testContext } from '../testContext.js';
import {
  configuredProject,
  DOCKERFILE_WITH_OBSERVABILITY,
  launchedRuntime,
  NAMES,
  REGION,
  RUNTIME_ID,
  RUNTIME_NAME,
} from './launchedRuntimeFixture.js';

const mocks = [
  mockClient(STSClient),
  mockClient(ECRClient),
  mockClient(IAMClient),
  mockClient(S3Client),
  mockClient(CodeBuildClient),
  mockClient(CloudWatchLogsClient),
  mockClient(BedrockAgentCoreControlClient),
  mockClient(XRayClient),
];

beforeEach(() => {
  for (const mock of mocks) mock.reset();
});

/** A dry-run context on a configured project. */
function dryRunProject(overrides: Parameters<typeof configuredProject>[1] = {}) {
  const context = testContext({ dryRun: true });
  return { context, ...configuredProject(context.cwd, overrides) };
}

describe('launch --dry-run --json', () => {
  it('writes only the plan on stdout, in the documented format, sending nothing and asking STS nothing', async () => {
    const { context, project, runtime } = dryRunProject();

    await launchAndRecord(context, { project, runtime, localBuild: false, json: true });

    for (const mock of mocks) expect(mock.calls()).toHaveLength(0);
    const text = context.stdout.join('\n');
    await expect(text).toMatchFileSnapshot('__snapshots__/launch-dry-run.json');
    const plan = JSON.parse(text) as LaunchPlan;
    expect(Object.keys(plan)).toEqual([
      'version',
      'runtime',
      'region',
      'build',
      'dockerfile',
      'image',
      'buildContext',
      'resources',
      'requests',
    ]);
    for (const request of plan.requests) {
      expect(Object.keys(request)).toEqual(['service', 'operation', 'input']);
    }
    expect(plan.requests.map((request) => request.service)).not.toContain('sts');
    expect(plan.image).toBe(
      `<account>.dkr.ecr.${REGION}.amazonaws.com/${NAMES.ecrRepository}:20261125-120000`,
    );
    expect(plan.buildContext?.files).toEqual([
      '.agentcore-mcp.yaml',
      'apps/example-server/Dockerfile',
      'apps/example-server/package.json',
      'package.json',
    ]);
    expect(plan.resources).toEqual([
      { type: 'ecr-repository', name: NAMES.ecrRepository, action: 'create or reuse' },
      { type: 'iam-role', name: NAMES.executionRole, action: 'create or reuse' },
      { type: 'iam-role', name: NAMES.codeBuildRole, action: 'create or reuse' },
      {
        type: 's3-bucket',
        name: `agentcore-mcp-sources-<account>-${REGION}`,
        action: 'create or reuse',
      },
      { type: 'codebuild-project', name: NAMES.codeBuildProject, action: 'create or reuse' },
      { type: 'agentcore-runtime', name: RUNTIME_NAME, action: 'create or update' },
    ]);
    const create = plan.requests.find((request) => request.operation === 'CreateAgentRuntime');
    expect(create?.input).toMatchObject({
      agentRuntimeArtifact: { containerConfiguration: { containerUri: plan.image } },
      roleArn: `arn:aws:iam::<account>:role/${NAMES.executionRole}`,
    });
    expect(text).not.toContain('111122223333');
    expect(context.stderr).toContain(
      `  Deploying ${RUNTIME_NAME} to AgentCore Runtime in ${REGION} (account <account>)`,
    );
    expect(context.stderr).toContain(
      `  ECR repository <account>.dkr.ecr.${REGION}.amazonaws.com/${NAMES.ecrRepository} (create or reuse)`,
    );
    expect(readProjectConfig(context.cwd)?.runtimes[RUNTIME_NAME]?.deployment).toBeUndefined();
  });

  it('plans an update, without listing, for a runtime the project knows; with --local-build, no CodeBuild', async () => {
    const known = launchedRuntime();
    const { context, project, runtime } = dryRunProject({ deployment: known.deployment });

    await launchAndRecord(context, { project, runtime, localBuild: true, json: true });

    const plan = JSON.parse(context.stdout.join('\n')) as LaunchPlan;
    expect(plan.build).toBe('local-docker');
    expect(plan.buildContext).toBeUndefined();
    expect(plan.resources.map((resource) => `${resource.type}:${resource.action}`)).toEqual([
      'ecr-repository:create or reuse',
      'iam-role:create or reuse',
      'agentcore-runtime:update',
    ]);
    expect(plan.requests.map((request) => `${request.service}:${request.operation}`)).toEqual([
      'ecr:DescribeRepositories',
      'ecr:CreateRepository',
      'iam:GetRole',
      'iam:CreateRole',
      'iam:PutRolePolicy',
      'ecr:GetAuthorizationToken',
      'bedrock-agentcore:UpdateAgentRuntime',
    ]);
    expect(plan.requests.at(-1)?.input).toMatchObject({ agentRuntimeId: RUNTIME_ID });
    const image = `<account>.dkr.ecr.${REGION}.amazonaws.com/${NAMES.ecrRepository}:20261125-120000`;
    expect(context.stderr).toContain(
      `  would run: docker login --username AWS --password-stdin '<account>.dkr.ecr.${REGION}.amazonaws.com' (the ECR token on stdin)`,
    );
    expect(context.stderr).toContain(
      `  would run: docker buildx build --platform linux/arm64 --provenance=false --sbom=false -f apps/example-server/Dockerfile -t '${image}' --push .`,
    );
  });
});

describe('launch --dry-run', () => {
  it('prints a readable plan: the resources, then each request on one line', async () => {
    const { context, project, runtime } = dryRunProject();

    await launchAndRecord(context, { project, runtime, localBuild: false });

    const start = context.stdout.indexOf(
      'Dry run: nothing was sent and no AWS credentials were read; <account> stands for your account id.',
    );
    expect(start).toBeGreaterThan(0);
    expect(context.stdout.slice(0, 2)).toEqual([
      `Deploying ${RUNTIME_NAME} to AgentCore Runtime in ${REGION} (account <account>)`,
      `  ECR repository <account>.dkr.ecr.${REGION}.amazonaws.com/${NAMES.ecrRepository} (create or reuse)`,
    ]);
    const plan = context.stdout.slice(start);
    expect(plan.slice(1, 10)).toEqual([
      `Plan for ${RUNTIME_NAME} in ${REGION}: image <account>.dkr.ecr.${REGION}.amazonaws.com/${NAMES.ecrRepository}:20261125-120000, built by CodeBuild from apps/example-server/Dockerfile`,
      '  build context: 4 files from the project root',
      'Resources:',
      `  ecr-repository ${NAMES.ecrRepository}: create or reuse`,
      `  iam-role ${NAMES.executionRole}: create or reuse`,
      `  iam-role ${NAMES.codeBuildRole}: create or reuse`,
      `  s3-bucket agentcore-mcp-sources-<account>-${REGION}: create or reuse`,
      `  codebuild-project ${NAMES.codeBuildProject}: create or reuse`,
      `  agentcore-runtime ${RUNTIME_NAME}: create or update`,
    ]);
    expect(plan[10]).toBe('The 18 AWS requests, in order:');
    expect(plan[11]).toBe(
      `  1. ecr:DescribeRepositories {"repositoryNames":["${NAMES.ecrRepository}"]}`,
    );
    expect(plan.find((line) => line.includes('s3:PutObject'))).toMatch(
      /^ {2}\d+\. s3:PutObject \{"Bucket":"agentcore-mcp-sources-<account>-us-east-1","Key":"example_server\/source\.zip","Body":"<\d+ bytes>",/,
    );
    expect(plan.at(-1)).toBe('--json prints this plan as JSON.');
    expect(context.stderr).toEqual([]);
  });

  it.each([
    [
      'a missing Dockerfile',
      {},
      (cwd: string) => rmSync(join(cwd, 'apps/example-server/Dockerfile')),
      /^The Dockerfile apps\/example-server\/Dockerfile is missing from .*: restore it, or run agentcore-mcp configure again with --dockerfile <path>$/,
    ],
    [
      'a Dockerfile without the observability stage',
      { observability: true },
      () => undefined,
      /^apps\/example-server\/Dockerfile has no stage named observability, .*agentcore-mcp init generates.*, or run agentcore-mcp configure again without --observability$/,
    ],
  ])('checks the Dockerfile first and refuses %s', async (_case, overrides, change, message) => {
    const { context, project, runtime } = dryRunProject(overrides);
    change(context.cwd);

    const failure = await launchAndRecord(context, {
      project,
      runtime,
      localBuild: false,
      json: true,
    }).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(CliError);
    expect(failure).toMatchObject({ code: 'ERR_INVALID_INPUT' });
    expect((failure as Error).message).toMatch(message);
    expect(context.aws.requests).toEqual([]);
    expect(context.stdout).toEqual([]);
  });

  it('accepts an observability runtime whose Dockerfile has the stage', async () => {
    const { context, project, runtime } = dryRunProject({ observability: true });
    writeFileSync(join(context.cwd, runtime.dockerfile), DOCKERFILE_WITH_OBSERVABILITY);

    await launchAndRecord(context, { project, runtime, localBuild: false, json: true });

    const plan = JSON.parse(context.stdout.join('\n')) as LaunchPlan;
    const build = plan.requests.find((request) => request.operation === 'StartBuild');
    expect(JSON.stringify(build?.input)).toContain('--target observability');
  });
});

describe('launch --dry-run with observability: CloudWatch Transaction Search', () => {
  function observabilityDryRun() {
    const dry = dryRunProject({ observability: true });
    writeFileSync(join(dry.context.cwd, dry.runtime.dockerfile), DOCKERFILE_WITH_OBSERVABILITY);
    return dry;
  }

  it('plans the check first, prints no note, and sends nothing', async () => {
    const { context, project, runtime } = observabilityDryRun();

    await launchAndRecord(context, { project, runtime, localBuild: false });

    for (const mock of mocks) expect(mock.calls()).toHaveLength(0);
    expect(context.stdout).toContain(
      '  CloudWatch Transaction Search: checked (traces appear in AgentCore observability only when it is on)',
    );
    expect(context.stdout).toContain('  1. xray:GetTraceSegmentDestination {}');
    expect(context.stdout).toContain(
      `  2. ecr:DescribeRepositories {"repositoryNames":["${NAMES.ecrRepository}"]}`,
    );
    expect(context.stderr).toEqual([]);
  });

  it('with --enable-transaction-search plans every step, the policy for <account>', async () => {
    const { context, project, runtime } = observabilityDryRun();

    await launchAndRecord(context, {
      project,
      runtime,
      localBuild: false,
      json: true,
      transactionSearch: { enable: true },
    });

    const plan = JSON.parse(context.stdout.join('\n')) as LaunchPlan;
    expect(
      plan.requests.slice(0, 7).map((request) => `${request.service}:${request.operation}`),
    ).toEqual([
      'xray:GetTraceSegmentDestination',
      'logs:DescribeResourcePolicies',
      'logs:PutResourcePolicy',
      'xray:UpdateTraceSegmentDestination',
      'xray:GetIndexingRules',
      'xray:UpdateIndexingRule',
      'ecr:DescribeRepositories',
    ]);
    expect(plan.requests[2]?.input).toEqual({
      policyName: 'TransactionSearchXRayAccess',
      policyDocument: expect.stringContaining(
        `"Resource":["arn:aws:logs:${REGION}:<account>:log-group:aws/spans:*","arn:aws:logs:${REGION}:<account>:log-group:/aws/application-signals/data:*"]`,
      ) as unknown,
    });
    expect(plan.requests[3]?.input).toEqual({ Destination: 'CloudWatchLogs' });
    expect(plan.requests[5]?.input).toEqual({
      Name: 'Default',
      Rule: { Probabilistic: { DesiredSamplingPercentage: 1 } },
    });
    for (const mock of mocks) expect(mock.calls()).toHaveLength(0);
  });
});
