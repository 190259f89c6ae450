import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import {
  ConflictException,
  CreateAgentRuntimeCommand,
  DeleteAgentRuntimeCommand,
  GetAgentRuntimeCommand,
  ListAgentRuntimesCommand,
  ResourceNotFoundException,
  UpdateAgentRuntimeCommand,
} from '@aws-sdk/client-bedrock-agentcore-control';
import {
  DescribeResourcePoliciesCommand,
  GetLogEventsCommand,
  PutResourcePolicyCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import {
  BatchGetBuildsCommand,
  CreateProjectCommand,
  StartBuildCommand,
} from '@aws-sdk/client-codebuild';
import { DeleteRepositoryCommand } from '@aws-sdk/client-ecr';
import { CreateRoleCommand } from '@aws-sdk/client-iam';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import {
  GetIndexingRulesCommand,
  GetTraceSegmentDestinationCommand,
  UpdateIndexingRuleCommand,
  UpdateTraceSegmentDestinationCommand,
} from '@aws-sdk/client-xray';
import { beforeEach, describe, expect, it } from 'vitest';

import { configureRuntime } from '../../src/configure/configureRuntime.js';
import { destroyDeployment } from '../../src/destroy/destroyDeployment.js';
import { AwsRequestError, CliError } from '../../src/errors.js';
import type { ProjectConfig, RuntimeProject } from '../../src/project/projectConfig.js';
import { readProjectConfig } from '../../src/project/projectConfigFile.js';
import { launchAndRecord } from '../../src/runtime/launchAndRecord.js';
import { showStatus } from '../../src/runtime/showStatus.js';
import { type TestContext, testContext } from '../testContext.js';
import {
  ACCOUNT,
  AUTHORIZER,
  configuredProject,
  DOCKERFILE_WITH_OBSERVABILITY,
  ECR_URI,
  NAMES,
  REGION,
  RUNTIME_ARN,
  RUNTIME_ID,
  RUNTIME_NAME,
} from './launchedRuntimeFixture.js';
import {
  agentCore,
  codeBuild,
  ecr,
  EXECUTION_ROLE_ARN,
  iam,
  IMAGE,
  LAUNCH_MOCKS,
  logs,
  mockEverythingMissing,
  s3,
  xray,
} from './launchMocks.js';

/** A configured, never launched runtime in a project directory holding a tiny app. */
function freshProject(overrides: Partial<RuntimeProject> = {}): {
  context: TestContext;
  project: ProjectConfig;
  runtime: RuntimeProject;
} {
  const context = testContext();
  return { context, ...configuredProject(context.cwd, overrides) };
}

beforeEach(() => {
  for (const mock of LAUNCH_MOCKS) mock.reset();
});

const operations = (context: TestContext) =>
  context.aws.requests.map((request) => `${request.service}:${request.operation}`);

describe('launch', () => {
  it('creates everything in order on a first launch and records the deployment', async () => {
    mockEverythingMissing();
    const { context, project, runtime } = freshProject();

    const result = await launchAndRecord(context, { project, runtime, localBuild: false });

    expect(operations(context)).toEqual([
      'sts:GetCallerIdentity',
      'ecr:DescribeRepositories',
      'ecr:CreateRepository',
      'iam:GetRole',
      'iam:CreateRole',
      'iam:PutRolePolicy',
      'iam:GetRole',
      'iam:CreateRole',
      'iam:PutRolePolicy',
      's3:HeadBucket',
      's3:CreateBucket',
      's3:PutPublicAccessBlock',
      's3:PutBucketLifecycleConfiguration',
      's3:PutObject',
      'codebuild:BatchGetProjects',
      'codebuild:CreateProject',
      'codebuild:StartBuild',
      'codebuild:BatchGetBuilds',
      'codebuild:BatchGetBuilds',
      'bedrock-agentcore:ListAgentRuntimes',
      'bedrock-agentcore:CreateAgentRuntime',
      'bedrock-agentcore:GetAgentRuntime',
      'bedrock-agentcore:GetAgentRuntime',
      'bedrock-agentcore:GetAgentRuntimeEndpoint',
    ]);
    expect(agentCore.commandCalls(CreateAgentRuntimeCommand)[0]?.args[0].input).toEqual({
      agentRuntimeName: RUNTIME_NAME,
      description: `MCP server ${RUNTIME_NAME}, deployed by agentcore-mcp`,
      agentRuntimeArtifact: { containerConfiguration: { containerUri: IMAGE } },
      roleArn: EXECUTION_ROLE_ARN,
      networkConfiguration: { networkMode: 'PUBLIC' },
      protocolConfiguration: { serverProtocol: 'MCP' },
      authorizerConfiguration: AUTHORIZER,
      requestHeaderConfiguration: { requestHeaderAllowlist: ['Authorization'] },
    });
    const trust = JSON.parse(
      iam.commandCalls(CreateRoleCommand)[0]?.args[0].input.AssumeRolePolicyDocument ?? '{}',
    ) as {
      Statement: { Principal: unknown; Condition: unknown }[];
    };
    expect(trust.Statement[0]).toMatchObject({
      Principal: { Service: 'bedrock-agentcore.amazonaws.com' },
      Condition: {
        StringEquals: { 'aws:SourceAccount': ACCOUNT },
        ArnLike: { 'aws:SourceArn': `arn:aws:bedrock-agentcore:${REGION}:${ACCOUNT}:*` },
      },
    });
    const build = codeBuild.commandCalls(StartBuildCommand)[0]?.args[0].input;
    expect(build?.buildspecOverride).toContain(
      `docker build --platform linux/arm64 -f apps/example-server/Dockerfile -t ${IMAGE}`,
    );
    expect(
      codeBuild.commandCalls(CreateProjectCommand)[0]?.args[0].input.environment,
    ).toMatchObject({
      type: 'ARM_CONTAINER',
      privilegedMode: true,
    });
    expect(result).toMatchObject({ runtimeArn: RUNTIME_ARN, imageUri: IMAGE, created: true });
    expect(readProjectConfig(context.cwd)?.runtimes[RUNTIME_NAME]?.deployment).toMatchObject({
      runtimeId: RUNTIME_ID,
      runtimeArn: RUNTIME_ARN,
      imageUri: IMAGE,
      executionRoleArn: EXECUTION_ROLE_ARN,
      launchedAt: '2026-11-25T12:00:00.000Z',
    });
    expect(context.stdout.join('\n')).toContain(`ARN: ${RUNTIME_ARN}`);
  });

  it('uploads the build context without node_modules or .env files', async () => {
    mockEverythingMissing();
    const { context, project, runtime } = freshProject();
    await launchAndRecord(context, { project, runtime, localBuild: false });
    const { unzipSync } = await import('fflate');
    const body = s3.commandCalls(PutObjectCommand)[0]?.args[0].input.Body as Uint8Array;
    expect(Object.keys(unzipSync(body)).sort()).toEqual([
      '.agentcore-mcp.yaml',
      'apps/example-server/Dockerfile',
      'apps/example-server/package.json',
      'package.json',
    ]);
  });

  it('updates with the full configuration when the runtime name already exists (ConflictException)', async () => {
    mockEverythingMissing();
    agentCore
      .on(ListAgentRuntimesCommand)
      .resolvesOnce({ agentRuntimes: [] })
      .resolves({
        agentRuntimes: [{ agentRuntimeName: RUNTIME_NAME, agentRuntimeId: RUNTIME_ID } as never],
      });
    agentCore
      .on(CreateAgentRuntimeCommand)
      .rejects(new ConflictException({ message: 'already exists', $metadata: {} }));
    agentCore.on(UpdateAgentRuntimeCommand).resolves({
      agentRuntimeId: RUNTIME_ID,
      agentRuntimeArn: RUNTIME_ARN,
      agentRuntimeVersion: '2',
    });
    const { context, project, runtime } = freshProject();

    const result = await launchAndRecord(context, { project, runtime, localBuild: false });

    expect(operations(context).slice(-7)).toEqual([
      'bedrock-agentcore:ListAgentRuntimes',
      'bedrock-agentcore:CreateAgentRuntime',
      'bedrock-agentcore:ListAgentRuntimes',
      'bedrock-agentcore:UpdateAgentRuntime',
      'bedrock-agentcore:GetAgentRuntime',
      'bedrock-agentcore:GetAgentRuntime',
      'bedrock-agentcore:GetAgentRuntimeEndpoint',
    ]);
    expect(agentCore.commandCalls(UpdateAgentRuntimeCommand)[0]?.args[0].input).toMatchObject({
      agentRuntimeId: RUNTIME_ID,
      agentRuntimeArtifact: { containerConfiguration: { containerUri: IMAGE } },
      roleArn: EXECUTION_ROLE_ARN,
      protocolConfiguration: { serverProtocol: 'MCP' },
      authorizerConfiguration: AUTHORIZER,
      requestHeaderConfiguration: { requestHeaderAllowlist: ['Authorization'] },
    });
    expect(result).toMatchObject({ created: false, runtimeVersion: '2' });
    expect(context.stdout).toContain(
      `Runtime ${RUNTIME_NAME} already exists (${RUNTIME_ID}): updating it`,
    );
  });

  it('fails with the failing phase and prints the build log tail when CodeBuild fails', async () => {
    mockEverythingMissing();
    codeBuild.on(BatchGetBuildsCommand).resolves({
      builds: [
        {
          id: 'build:1',
          currentPhase: 'COMPLETED',
          buildStatus: 'FAILED',
          phases: [
            { phaseType: 'PRE_BUILD', phaseStatus: 'SUCCEEDED' },
            {
              phaseType: 'BUILD',
              phaseStatus: 'FAILED',
              contexts: [{ message: 'COMMAND_EXECUTION_ERROR: docker build exited 1' }],
            },
          ],
          logs: { groupName: '/aws/codebuild/x', streamName: 'stream' },
        },
      ],
    });
    logs.on(GetLogEventsCommand).resolves({
      events: [
        { message: 'Step 5/9 : RUN pnpm install\n' },
        { message: 'ERR_PNPM_OUTDATED_LOCKFILE\n' },
      ],
    });
    const { context, project, runtime } = freshProject();

    const failure = await launchAndRecord(context, { project, runtime, localBuild: false }).catch(
      (error: unknown) => error,
    );

    expect(failure).toBeInstanceOf(CliError);
    expect(failure).toMatchObject({ code: 'ERR_BUILD_FAILED' });
    expect((failure as Error).message).toBe(
      'CodeBuild build build:1 FAILED in phase BUILD (COMMAND_EXECUTION_ERROR: docker build exited 1); the log tail is above (docs/troubleshooting.md#image-build-failed)',
    );
    expect(context.stderr).toContain('  | ERR_PNPM_OUTDATED_LOCKFILE');
    expect(agentCore.commandCalls(CreateAgentRuntimeCommand)).toHaveLength(0);
  });

  it('reports CREATE_FAILED with AgentCore’s reason', async () => {
    mockEverythingMissing();
    agentCore.on(GetAgentRuntimeCommand).resolves({
      status: 'CREATE_FAILED',
      failureReason: 'Image architecture amd64 is not supported; build for linux/arm64',
    });
    const { context, project, runtime } = freshProject();

    const failure = await launchAndRecord(context, { project, runtime, localBuild: false }).catch(
      (error: unknown) => error,
    );

    expect(failure).toMatchObject({
      code: 'ERR_RUNTIME_FAILED',
      message: `Runtime ${RUNTIME_ID} is CREATE_FAILED: Image architecture amd64 is not supported; build for linux/arm64 (docs/troubleshooting.md#runtime-failed)`,
    });
    expect(readProjectConfig(context.cwd)?.runtimes[RUNTIME_NAME]?.deployment).toBeUndefined();
  });

  it('names the missing permission when IAM denies CreateRole', async () => {
    mockEverythingMissing();
    iam.on(CreateRoleCommand).rejects(
      Object.assign(
        new Error(
          'User: arn:aws:iam::123456789012:user/dev is not authorized to perform: iam:CreateRole',
        ),
        {
          name: 'AccessDenied',
          $metadata: { requestId: 'req-1' },
        },
      ),
    );
    const { context, project, runtime } = freshProject();

    const failure = await launchAndRecord(context, { project, runtime, localBuild: false }).catch(
      (error: unknown) => error,
    );

    expect(failure).toBeInstanceOf(AwsRequestError);
    expect((failure as Error).message).toBe(
      'iam:CreateRole failed: AccessDenied: User: arn:aws:iam::123456789012:user/dev is not authorized to perform: iam:CreateRole — your AWS identity is missing the permission iam:CreateRole; add it to your IAM policy (docs/troubleshooting.md#access-denied)',
    );
    expect(failure).toMatchObject({ requestId: 'req-1' });
  });

  it('updates a runtime the project already knows, without listing', async () => {
    mockEverythingMissing();
    agentCore.on(UpdateAgentRuntimeCommand).resolves({
      agentRuntimeId: RUNTIME_ID,
      agentRuntimeArn: RUNTIME_ARN,
      agentRuntimeVersion: '4',
    });
    const { context, project, runtime } = freshProject({
      deployment: {
        account: ACCOUNT,
        runtimeId: RUNTIME_ID,
        runtimeArn: RUNTIME_ARN,
        executionRoleArn: EXECUTION_ROLE_ARN,
        ecrRepositoryUri: ECR_URI,
        imageUri: `${ECR_URI}:old`,
        launchedAt: '2026-11-24T00:00:00.000Z',
      },
    });

    await launchAndRecord(context, { project, runtime, localBuild: false });

    expect(operations(context)).not.toContain('bedrock-agentcore:ListAgentRuntimes');
    expect(operations(context)).toContain('bedrock-agentcore:UpdateAgentRuntime');
    expect(readProjectConfig(context.cwd)?.runtimes[RUNTIME_NAME]?.deployment?.runtimeVersion).toBe(
      '4',
    );
  });
});

describe('the whole lifecycle: configure → launch → status → destroy', () => {
  it('sends exactly these requests, in this order, and leaves the project configured but undeployed', async () => {
    mockEverythingMissing();
    agentCore
      .on(GetAgentRuntimeCommand)
      .resolvesOnce({ status: 'READY' })
      .resolvesOnce({
        status: 'READY',
        agentRuntimeArn: RUNTIME_ARN,
        agentRuntimeId: RUNTIME_ID,
        agentRuntimeVersion: '1',
        protocolConfiguration: { serverProtocol: 'MCP' },
      })
      .rejects(new ResourceNotFoundException({ message: 'gone', $metadata: {} }));
    agentCore.on(DeleteAgentRuntimeCommand).resolves({ status: 'DELETING' });
    ecr.on(DeleteRepositoryCommand).resolves({});
    const { context } = freshProject();
    writeFileSync(join(context.cwd, 'authorizer_config.json'), JSON.stringify(AUTHORIZER));

    await configureRuntime(
      {
        entrypoint: 'apps/example-server',
        name: RUNTIME_NAME,
        region: REGION,
        authorizerConfig: 'authorizer_config.json',
        skipDiscoveryCheck: true,
        requestHeaderAllowlist: 'Authorization',
        nonInteractive: true,
      },
      context,
    );
    const configured = readProjectConfig(context.cwd);
    const runtime = configured?.runtimes[RUNTIME_NAME];
    if (configured === undefined || runtime === undefined)
      throw new Error('configure wrote nothing');
    await launchAndRecord(context, { project: configured, runtime, localBuild: false });
    const launched = readProjectConfig(context.cwd)?.runtimes[RUNTIME_NAME];
    const status = await showStatus(context, launched ?? runtime, {});
    await destroyDeployment(context, launched ?? runtime, { yes: true, deleteEcrRepo: true });

    expect(status.status).toBe('READY');
    expect(
      operations(context).filter((operation) => operation.startsWith('bedrock-agentcore')),
    ).toEqual([
      'bedrock-agentcore:ListAgentRuntimes',
      'bedrock-agentcore:CreateAgentRuntime',
      'bedrock-agentcore:GetAgentRuntime',
      'bedrock-agentcore:GetAgentRuntimeEndpoint',
      'bedrock-agentcore:GetAgentRuntime',
      'bedrock-agentcore:GetAgentRuntimeEndpoint',
      'bedrock-agentcore:DeleteAgentRuntime',
      'bedrock-agentcore:GetAgentRuntime',
    ]);
    expect(operations(context).at(-1)).toBe('ecr:DeleteRepository');
    expect(ecr.commandCalls(DeleteRepositoryCommand)[0]?.args[0].input).toEqual({
      repositoryName: NAMES.ecrRepository,
      registryId: ACCOUNT,
      force: true,
    });
    const after = readProjectConfig(context.cwd)?.runtimes[RUNTIME_NAME];
    expect(after).toMatchObject({ name: RUNTIME_NAME, authorizer: AUTHORIZER });
    expect(after?.deployment).toBeUndefined();
  });
});

describe('launch with observability', () => {
  it("builds the Dockerfile's observability stage (ADOT) when the runtime asks for it", async () => {
    mockEverythingMissing();
    const { context, project, runtime } = freshProject({ observability: true });
    writeFileSync(join(context.cwd, runtime.dockerfile), DOCKERFILE_WITH_OBSERVABILITY);
    await launchAndRecord(context, { project, runtime, localBuild: false });
    expect(codeBuild.commandCalls(StartBuildCommand)[0]?.args[0].input.buildspecOverride).toContain(
      'docker build --platform linux/arm64 --target observability -f apps/example-server/Dockerfile',
    );
  });

  it('refuses, before any AWS request, a Dockerfile without the observability stage', async () => {
    mockEverythingMissing();
    const { context, project, runtime } = freshProject({ observability: true });

    const failure = await launchAndRecord(context, { project, runtime, localBuild: false }).catch(
      (error: unknown) => error,
    );

    expect(failure).toBeInstanceOf(CliError);
    expect(failure).toMatchObject({
      code: 'ERR_INVALID_INPUT',
      message:
        'apps/example-server/Dockerfile has no stage named observability, which observability builds (docker build --target observability): add a stage "FROM <your runtime stage> AS observability" that installs ADOT for Node (the Dockerfile agentcore-mcp init generates has one), or run agentcore-mcp configure again without --observability',
    });
    expect(context.aws.requests).toEqual([]);
  });
});

describe('launch with observability: CloudWatch Transaction Search', () => {
  /** A configured runtime with observability and a Dockerfile that has the stage. */
  function observabilityProject() {
    const fresh = freshProject({ observability: true });
    writeFileSync(join(fresh.context.cwd, fresh.runtime.dockerfile), DOCKERFILE_WITH_OBSERVABILITY);
    return fresh;
  }

  /** Transaction Search was never turned on in the account. */
  function mockTransactionSearchOff(): void {
    xray.on(GetTraceSegmentDestinationCommand).resolves({ Destination: 'XRay', Status: 'ACTIVE' });
    xray
      .on(UpdateTraceSegmentDestinationCommand)
      .resolves({ Destination: 'CloudWatchLogs', Status: 'PENDING' });
    xray.on(GetIndexingRulesCommand).resolves({ IndexingRules: [{ Name: 'Default' }] });
    xray.on(UpdateIndexingRuleCommand).resolves({});
    logs.on(DescribeResourcePoliciesCommand).resolves({ resourcePolicies: [] });
    logs.on(PutResourcePolicyCommand).resolves({});
  }

  const transactionSearchRequests = (context: TestContext) =>
    operations(context).filter((operation) => /^(xray|logs):/.test(operation));

  it('sends no X-Ray or Logs request for a runtime without observability', async () => {
    mockEverythingMissing();
    const { context, project, runtime } = freshProject();

    await launchAndRecord(context, { project, runtime, localBuild: false });

    expect(xray.calls()).toHaveLength(0);
    expect(transactionSearchRequests(context)).toEqual([]);
  });

  it('only checks when Transaction Search is on, right after STS', async () => {
    mockEverythingMissing();
    const { context, project, runtime } = observabilityProject();

    await launchAndRecord(context, { project, runtime, localBuild: false });

    expect(operations(context).slice(0, 3)).toEqual([
      'sts:GetCallerIdentity',
      'xray:GetTraceSegmentDestination',
      'ecr:DescribeRepositories',
    ]);
    expect(transactionSearchRequests(context)).toEqual(['xray:GetTraceSegmentDestination']);
    expect(context.stdout).toContain(
      '  CloudWatch Transaction Search: on (spans go to CloudWatch Logs)',
    );
    expect(context.stderr).toEqual([]);
  });

  it('prints one note when Transaction Search is off, and the launch goes on to READY', async () => {
    mockEverythingMissing();
    mockTransactionSearchOff();
    const { context, project, runtime } = observabilityProject();

    const result = await launchAndRecord(context, { project, runtime, localBuild: false });

    expect(context.stderr).toEqual([
      `  note: CloudWatch Transaction Search is off in account ${ACCOUNT} (${REGION}), so traces will not appear in AgentCore observability: run agentcore-mcp launch --enable-transaction-search (once per account and region)`,
    ]);
    expect(transactionSearchRequests(context)).toEqual(['xray:GetTraceSegmentDestination']);
    expect(result).toMatchObject({ runtimeArn: RUNTIME_ARN, created: true });
    expect(readProjectConfig(context.cwd)?.runtimes[RUNTIME_NAME]?.deployment?.runtimeArn).toBe(
      RUNTIME_ARN,
    );
  });

  it('goes on with one note when the check is denied', async () => {
    mockEverythingMissing();
    xray.on(GetTraceSegmentDestinationCommand).rejects(
      Object.assign(new Error('not authorized to perform: xray:GetTraceSegmentDestination'), {
        name: 'AccessDeniedException',
        $metadata: {},
      }),
    );
    const { context, project, runtime } = observabilityProject();

    const result = await launchAndRecord(context, { project, runtime, localBuild: false });

    expect(context.stderr).toEqual([
      '  note: could not check CloudWatch Transaction Search, without which traces do not appear in AgentCore observability: your AWS identity is missing the permission xray:GetTraceSegmentDestination; the launch goes on',
    ]);
    expect(result.created).toBe(true);
  });

  it('--enable-transaction-search on a fresh account sets it up before anything else is built', async () => {
    mockEverythingMissing();
    mockTransactionSearchOff();
    const { context, project, runtime } = observabilityProject();

    await launchAndRecord(context, {
      project,
      runtime,
      localBuild: false,
      transactionSearch: { enable: true },
    });

    expect(operations(context).slice(0, 8)).toEqual([
      'sts:GetCallerIdentity',
      'xray:GetTraceSegmentDestination',
      'logs:DescribeResourcePolicies',
      'logs:PutResourcePolicy',
      'xray:UpdateTraceSegmentDestination',
      'xray:GetIndexingRules',
      'xray:UpdateIndexingRule',
      'ecr:DescribeRepositories',
    ]);
    const put = logs.commandCalls(PutResourcePolicyCommand)[0]?.args[0].input;
    expect(put?.policyName).toBe('TransactionSearchXRayAccess');
    expect(JSON.parse(put?.policyDocument ?? '{}')).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'TransactionSearchXRayAccess',
          Effect: 'Allow',
          Principal: { Service: 'xray.amazonaws.com' },
          Action: 'logs:PutLogEvents',
          Resource: [
            `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:aws/spans:*`,
            `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/aws/application-signals/data:*`,
          ],
          Condition: {
            ArnLike: { 'aws:SourceArn': `arn:aws:xray:${REGION}:${ACCOUNT}:*` },
            StringEquals: { 'aws:SourceAccount': ACCOUNT },
          },
        },
      ],
    });
    expect(xray.commandCalls(UpdateIndexingRuleCommand)[0]?.args[0].input).toEqual({
      Name: 'Default',
      Rule: { Probabilistic: { DesiredSamplingPercentage: 1 } },
    });
    expect(context.stderr).toEqual([]);
  });

  it('--enable-transaction-search on an account already set up writes nothing', async () => {
    mockEverythingMissing();
    xray.on(GetIndexingRulesCommand).resolves({
      IndexingRules: [
        { Name: 'Default', Rule: { Probabilistic: { DesiredSamplingPercentage: 1 } } },
      ],
    });
    const { context, project, runtime } = observabilityProject();

    await launchAndRecord(context, {
      project,
      runtime,
      localBuild: false,
      transactionSearch: { enable: true },
    });

    expect(transactionSearchRequests(context)).toEqual([
      'xray:GetTraceSegmentDestination',
      'xray:GetIndexingRules',
    ]);
    expect(logs.calls()).toHaveLength(0);
  });

  it('refuses --enable-transaction-search without observability, before any AWS request', async () => {
    mockEverythingMissing();
    const { context, project, runtime } = freshProject();

    const failure = await launchAndRecord(context, {
      project,
      runtime,
      localBuild: false,
      transactionSearch: { enable: true },
    }).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(CliError);
    expect(failure).toMatchObject({
      code: 'ERR_INVALID_INPUT',
      message: `--enable-transaction-search works only with observability, which ${RUNTIME_NAME} does not use: run agentcore-mcp configure again with --observability, or drop --enable-transaction-search`,
    });
    expect(context.aws.requests).toEqual([]);
  });
});

describe('launch --json', () => {
  it('prints only the deployment as JSON on stdout, the progress on stderr', async () => {
    mockEverythingMissing();
    const { context, project, runtime } = freshProject();

    await launchAndRecord(context, { project, runtime, localBuild: false, json: true });

    expect(JSON.parse(context.stdout.join('\n'))).toEqual({
      runtime: RUNTIME_NAME,
      account: ACCOUNT,
      runtimeId: RUNTIME_ID,
      runtimeArn: RUNTIME_ARN,
      runtimeVersion: '1',
      created: true,
      invocationUrl: `https://bedrock-agentcore.${REGION}.amazonaws.com/runtimes/${encodeURIComponent(RUNTIME_ARN)}/invocations?qualifier=DEFAULT`,
      executionRoleArn: EXECUTION_ROLE_ARN,
      ecrRepositoryUri: ECR_URI,
      imageUri: IMAGE,
      codeBuildProject: NAMES.codeBuildProject,
      sourceBucket: NAMES.sourceBucket,
    });
    expect(context.stderr).toContain(
      `  Deploying ${RUNTIME_NAME} to AgentCore Runtime in ${REGION} (account ${ACCOUNT})`,
    );
    expect(context.stderr).toContain(`  ECR repository ${ECR_URI} (created)`);
    expect(readProjectConfig(context.cwd)?.runtimes[RUNTIME_NAME]?.deployment?.runtimeArn).toBe(
      RUNTIME_ARN,
    );
  });
});
