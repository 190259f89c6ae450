import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import {
  AccessDeniedException,
  BedrockAgentCoreControlClient,
  DeleteAgentRuntimeCommand,
  GetAgentRuntimeCommand,
  ResourceNotFoundException,
} from '@aws-sdk/client-bedrock-agentcore-control';
import { CodeBuildClient, DeleteProjectCommand } from '@aws-sdk/client-codebuild';
import {
  CognitoIdentityProviderClient,
  DeleteUserPoolCommand,
  DeleteUserPoolDomainCommand,
  DescribeUserPoolCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { DeleteRepositoryCommand, ECRClient } from '@aws-sdk/client-ecr';
import {
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  IAMClient,
  ListAttachedRolePoliciesCommand,
  ListRolePoliciesCommand,
  NoSuchEntityException,
} from '@aws-sdk/client-iam';
import { DeleteObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';

import { writeCredentialsFile } from '../../src/cognito/credentialsFile.js';
import { destroyDeployment } from '../../src/destroy/destroyDeployment.js';
import { readProjectConfig } from '../../src/project/projectConfigFile.js';
import { missingFromIamTable, recordMockedRequests } from '../docs/iamPermissionsTable.js';
import {
  ACCOUNT,
  launchedRuntime,
  NAMES,
  RUNTIME_ID,
  seedProject,
} from '../runtime/launchedRuntimeFixture.js';
import { testContext, type TestContextOptions } from '../testContext.js';

const agentCore = mockClient(BedrockAgentCoreControlClient);
const ecr = mockClient(ECRClient);
const iam = mockClient(IAMClient);
const codeBuild = mockClient(CodeBuildClient);
const s3 = mockClient(S3Client);
const cognito = mockClient(CognitoIdentityProviderClient);
/** Every request the mocked clients got in this file, for the IAM table check at its end. */
const sentRequests = recordMockedRequests({
  'bedrock-agentcore': agentCore,
  ecr,
  iam,
  codebuild: codeBuild,
  s3,
  'cognito-idp': cognito,
});
const POOL_ID = 'us-east-1_AbCdEf123';
const CODEBUILD_POLICY = `${NAMES.codeBuildProject}-policy`;
const EVERYTHING = {
  deleteEcrRepo: true,
  deleteRole: true,
  deleteCodebuild: true,
  deleteCognito: true,
};

beforeEach(() => {
  for (const mock of [agentCore, ecr, iam, codeBuild, s3, cognito]) mock.reset();
});

const runtimeNotFound = () =>
  new ResourceNotFoundException({ message: 'Agent runtime not found', $metadata: {} });

/** A project with the launched runtime and, for --delete-cognito, setup-cognito's credentials. */
function seededContext(options: TestContextOptions = {}) {
  const context = testContext(options);
  seedProject(context.cwd);
  writeCredentialsFile(join(context.cwd, '.agentcore-mcp/cognito-credentials.json'), {
    region: 'us-east-1',
    userPoolId: POOL_ID,
    clientId: 'client-id',
    username: 'testuser',
    password: 'secret',
    accessToken: 'a',
    idToken: 'i',
    expiresAt: '2026-11-25T13:00:00.000Z',
  });
  return context;
}

function mockEverythingDeletable(): void {
  agentCore.on(DeleteAgentRuntimeCommand).resolves({ status: 'DELETING' });
  agentCore
    .on(GetAgentRuntimeCommand)
    .resolvesOnce({ status: 'DELETING' })
    .rejects(runtimeNotFound());
  ecr.on(DeleteRepositoryCommand).resolves({});
  codeBuild.on(DeleteProjectCommand).resolves({});
  s3.on(DeleteObjectCommand).resolves({});
  iam
    .on(ListRolePoliciesCommand, { RoleName: NAMES.executionRole })
    .resolves({ PolicyNames: [NAMES.executionPolicy], IsTruncated: false });
  iam
    .on(ListRolePoliciesCommand, { RoleName: NAMES.codeBuildRole })
    .resolves({ PolicyNames: [CODEBUILD_POLICY], IsTruncated: false });
  iam.on(ListAttachedRolePoliciesCommand).resolves({ AttachedPolicies: [], IsTruncated: false });
  iam.on(DeleteRolePolicyCommand).resolves({});
  iam.on(DeleteRoleCommand).resolves({});
  cognito
    .on(DescribeUserPoolCommand)
    .resolves({ UserPool: { Id: POOL_ID, Domain: 'agentcore-mcp-abcdef123' } });
  cognito.on(DeleteUserPoolDomainCommand).resolves({});
  cognito.on(DeleteUserPoolCommand).resolves({});
}

const EVERYTHING_REQUESTS = [
  ['DeleteAgentRuntime', { agentRuntimeId: RUNTIME_ID }],
  ['GetAgentRuntime', { agentRuntimeId: RUNTIME_ID }],
  ['GetAgentRuntime', { agentRuntimeId: RUNTIME_ID }],
  [
    'DeleteRepository',
    { repositoryName: 'agentcore-mcp/example_server', registryId: ACCOUNT, force: true },
  ],
  ['DeleteProject', { name: 'agentcore-mcp-example_server-builder' }],
  ['DeleteObject', { Bucket: NAMES.sourceBucket, Key: 'example_server/source.zip' }],
  ['ListRolePolicies', { RoleName: NAMES.executionRole }],
  ['DeleteRolePolicy', { RoleName: NAMES.executionRole, PolicyName: NAMES.executionPolicy }],
  ['ListAttachedRolePolicies', { RoleName: NAMES.executionRole }],
  ['DeleteRole', { RoleName: NAMES.executionRole }],
  ['ListRolePolicies', { RoleName: NAMES.codeBuildRole }],
  ['DeleteRolePolicy', { RoleName: NAMES.codeBuildRole, PolicyName: CODEBUILD_POLICY }],
  ['ListAttachedRolePolicies', { RoleName: NAMES.codeBuildRole }],
  ['DeleteRole', { RoleName: NAMES.codeBuildRole }],
  ['DescribeUserPool', { UserPoolId: POOL_ID }],
  ['DeleteUserPoolDomain', { UserPoolId: POOL_ID, Domain: 'agentcore-mcp-abcdef123' }],
  ['DeleteUserPool', { UserPoolId: POOL_ID }],
];

describe('destroy', () => {
  it('deletes everything with --yes and every --delete-* flag, then forgets the deployment', async () => {
    mockEverythingDeletable();
    const context = seededContext();

    const result = await destroyDeployment(context, launchedRuntime(), {
      yes: true,
      ...EVERYTHING,
    });

    expect(context.aws.requests.map((r) => [r.operation, r.input])).toEqual(EVERYTHING_REQUESTS);
    expect(context.sleeps).toEqual([5000]);
    expect(result.steps.every((step) => step.outcome === 'deleted')).toBe(true);
    expect(context.stdout).toEqual([
      `Deleted AgentCore runtime example_server (${RUNTIME_ID})`,
      'Deleted ECR repository agentcore-mcp/example_server',
      'Deleted CodeBuild project agentcore-mcp-example_server-builder',
      `Deleted S3 object s3://${NAMES.sourceBucket}/example_server/source.zip`,
      `Deleted IAM role ${NAMES.executionRole}`,
      `Deleted IAM role ${NAMES.codeBuildRole}`,
      `Deleted Cognito user pool ${POOL_ID}`,
      'Removed .agentcore-mcp/cognito-credentials.json (its user pool is gone)',
      'Removed the deployment of example_server from .agentcore-mcp.yaml',
    ]);
    expect(readProjectConfig(context.cwd)?.runtimes.example_server).toEqual(
      launchedRuntime({ deployment: undefined }),
    );
    expect(readFileSync(join(context.cwd, '.agentcore-mcp.yaml'), 'utf8')).not.toContain(
      'deployment:',
    );
    expect(existsSync(join(context.cwd, '.agentcore-mcp/cognito-credentials.json'))).toBe(false);
  });

  it('says "already deleted" for a runtime and roles that are gone, and still forgets the deployment', async () => {
    agentCore.on(DeleteAgentRuntimeCommand).rejects(runtimeNotFound());
    iam
      .on(ListRolePoliciesCommand)
      .rejects(new NoSuchEntityException({ message: 'Role not found', $metadata: {} }));
    const context = seededContext();

    await destroyDeployment(context, launchedRuntime(), { yes: true, deleteRole: true });

    expect(context.aws.requests.map((r) => [r.operation, r.input])).toEqual([
      ['DeleteAgentRuntime', { agentRuntimeId: RUNTIME_ID }],
      ['ListRolePolicies', { RoleName: NAMES.executionRole }],
      ['ListRolePolicies', { RoleName: NAMES.codeBuildRole }],
    ]);
    expect(context.sleeps).toEqual([]);
    expect(context.stdout).toEqual([
      `AgentCore runtime example_server (${RUNTIME_ID}): already deleted`,
      `IAM role ${NAMES.executionRole}: already deleted`,
      `IAM role ${NAMES.codeBuildRole}: already deleted`,
      'Removed the deployment of example_server from .agentcore-mcp.yaml',
      'Kept: the ECR repository (--delete-ecr-repo), the CodeBuild project (--delete-codebuild)',
    ]);
    expect(readProjectConfig(context.cwd)?.runtimes.example_server?.deployment).toBeUndefined();
  });

  it('refuses without --yes when there is no terminal, naming what it would delete', async () => {
    const context = seededContext({ interactive: false });

    const failure = destroyDeployment(context, launchedRuntime(), { deleteEcrRepo: true });

    await expect(failure).rejects.toMatchObject({
      code: 'ERR_CONFIRMATION_REQUIRED',
      message: `destroy would delete AgentCore runtime example_server (${RUNTIME_ID}) and its endpoints; ECR repository agentcore-mcp/example_server and all its images; there is no terminal to confirm on: run again with --yes (or --dry-run to see the requests)`,
    });
    expect(context.aws.requests).toEqual([]);
    expect(readProjectConfig(context.cwd)?.runtimes.example_server?.deployment).toBeDefined();
  });

  it('fails with one line naming bedrock-agentcore:DeleteAgentRuntime on AccessDenied', async () => {
    agentCore.on(DeleteAgentRuntimeCommand).rejects(
      new AccessDeniedException({
        message: 'User is not authorized to perform this action',
        $metadata: {},
      }),
    );
    const context = seededContext();

    const failure = destroyDeployment(context, launchedRuntime(), { yes: true, ...EVERYTHING });

    await expect(failure).rejects.toMatchObject({
      code: 'ERR_AWS_REQUEST_FAILED',
      message:
        'bedrock-agentcore:DeleteAgentRuntime failed: AccessDeniedException: User is not authorized to perform this action — your AWS identity is missing the permission bedrock-agentcore:DeleteAgentRuntime; add it to your IAM policy (docs/troubleshooting.md#access-denied)',
    });
    await expect(failure).rejects.not.toThrow(/\n/);
    expect(context.aws.requests.map((r) => r.operation)).toEqual(['DeleteAgentRuntime']);
    expect(readProjectConfig(context.cwd)?.runtimes.example_server?.deployment).toBeDefined();
  });

  it('on a terminal lists exactly what it will delete and deletes nothing when the answer is No', async () => {
    const questions: { message: string; default?: boolean | undefined }[] = [];
    const context = seededContext({
      interactive: true,
      prompts: {
        confirm: (question) => {
          questions.push(question);
          return Promise.resolve(false);
        },
      },
    });

    const result = await destroyDeployment(context, launchedRuntime(), EVERYTHING);

    expect(questions).toEqual([{ message: 'Delete these resources?', default: false }]);
    expect(result.confirmed).toBe(false);
    expect(context.stdout).toEqual([
      'agentcore-mcp destroy will delete, in us-east-1:',
      `  - AgentCore runtime example_server (${RUNTIME_ID}) and its endpoints`,
      '  - ECR repository agentcore-mcp/example_server and all its images',
      `  - IAM role ${NAMES.executionRole} (execution role)`,
      `  - IAM role ${NAMES.codeBuildRole} (CodeBuild role)`,
      '  - CodeBuild project agentcore-mcp-example_server-builder',
      `  - S3 object s3://${NAMES.sourceBucket}/example_server/source.zip`,
      `  - Cognito user pool ${POOL_ID} (from .agentcore-mcp/cognito-credentials.json)`,
      'Nothing deleted.',
    ]);
    expect(context.aws.requests).toEqual([]);
    expect(readProjectConfig(context.cwd)?.runtimes.example_server?.deployment).toBeDefined();
  });

  it('on a terminal goes ahead when the answer is yes', async () => {
    agentCore.on(DeleteAgentRuntimeCommand).resolves({ status: 'DELETING' });
    agentCore.on(GetAgentRuntimeCommand).rejects(runtimeNotFound());
    const context = seededContext({
      interactive: true,
      prompts: { confirm: () => Promise.resolve(true) },
    });

    await destroyDeployment(context, launchedRuntime());

    expect(context.aws.requests.map((r) => r.operation)).toEqual([
      'DeleteAgentRuntime',
      'GetAgentRuntime',
    ]);
    expect(context.stdout.slice(2)).toEqual([
      `Deleted AgentCore runtime example_server (${RUNTIME_ID})`,
      'Removed the deployment of example_server from .agentcore-mcp.yaml',
      'Kept: the ECR repository (--delete-ecr-repo), the IAM roles (--delete-role), the CodeBuild project (--delete-codebuild)',
    ]);
  });

  it('--dry-run prints the requests as JSON, sends none and changes nothing', async () => {
    const context = seededContext({ dryRun: true });

    await destroyDeployment(context, launchedRuntime(), EVERYTHING);

    const printed = JSON.parse(context.stdout.join('\n')) as {
      operation: string;
      input: unknown;
    }[];
    expect(printed.map((r) => [r.operation, r.input])).toEqual([
      EVERYTHING_REQUESTS[0],
      ...EVERYTHING_REQUESTS.slice(3, 14),
      ['DescribeUserPool', { UserPoolId: POOL_ID }],
      ['DeleteUserPool', { UserPoolId: POOL_ID }],
    ]);
    expect(printed).toEqual(context.aws.requests);
    for (const mock of [agentCore, ecr, iam, codeBuild, s3, cognito]) {
      expect(mock.calls()).toEqual([]);
    }
    expect(readProjectConfig(context.cwd)?.runtimes.example_server?.deployment).toBeDefined();
    expect(existsSync(join(context.cwd, '.agentcore-mcp/cognito-credentials.json'))).toBe(true);
  });

  it('keeps an execution role agentcore-mcp did not create', async () => {
    agentCore.on(DeleteAgentRuntimeCommand).rejects(runtimeNotFound());
    iam.on(ListRolePoliciesCommand).resolves({ PolicyNames: [], IsTruncated: false });
    iam.on(ListAttachedRolePoliciesCommand).resolves({ AttachedPolicies: [], IsTruncated: false });
    iam.on(DeleteRoleCommand).resolves({});
    const runtime = launchedRuntime();
    const foreign = launchedRuntime({
      deployment: runtime.deployment && {
        ...runtime.deployment,
        executionRoleArn: `arn:aws:iam::${ACCOUNT}:role/MyOwnRole`,
      },
    });
    const context = testContext();
    seedProject(context.cwd, foreign);

    await destroyDeployment(context, foreign, { yes: true, deleteRole: true });

    expect(context.aws.requests.map((r) => r.input)).toEqual([
      { agentRuntimeId: RUNTIME_ID },
      { RoleName: NAMES.codeBuildRole },
      { RoleName: NAMES.codeBuildRole },
      { RoleName: NAMES.codeBuildRole },
    ]);
    expect(context.stdout.at(-1)).toBe(
      'Kept: the ECR repository (--delete-ecr-repo), the CodeBuild project (--delete-codebuild), IAM role MyOwnRole (not created by agentcore-mcp)',
    );
  });

  it('stops with ERR_RUNTIME_FAILED when deletion fails', async () => {
    agentCore.on(DeleteAgentRuntimeCommand).resolves({ status: 'DELETING' });
    agentCore
      .on(GetAgentRuntimeCommand)
      .resolves({ status: 'DELETE_FAILED', failureReason: 'endpoint busy' });
    const context = seededContext();

    await expect(
      destroyDeployment(context, launchedRuntime(), { yes: true }),
    ).rejects.toMatchObject({
      code: 'ERR_RUNTIME_FAILED',
      message: `Runtime ${RUNTIME_ID} could not be deleted (DELETE_FAILED: endpoint busy); fix the cause, then run agentcore-mcp destroy again`,
    });
    expect(readProjectConfig(context.cwd)?.runtimes.example_server?.deployment).toBeDefined();
  });

  it('gives up after 5 minutes of DELETING with ERR_TIMEOUT', async () => {
    agentCore.on(DeleteAgentRuntimeCommand).resolves({ status: 'DELETING' });
    agentCore.on(GetAgentRuntimeCommand).resolves({ status: 'DELETING' });
    const context = seededContext();

    await expect(
      destroyDeployment(context, launchedRuntime(), { yes: true }),
    ).rejects.toMatchObject({ code: 'ERR_TIMEOUT' });
    expect(context.aws.requests.filter((r) => r.operation === 'GetAgentRuntime')).toHaveLength(60);
    expect(context.sleeps).toEqual(Array.from({ length: 59 }, () => 5000));
  });

  it('refuses a runtime that was never launched', async () => {
    const context = testContext();

    await expect(
      destroyDeployment(context, launchedRuntime({ deployment: undefined }), { yes: true }),
    ).rejects.toMatchObject({
      code: 'ERR_NOT_DEPLOYED',
      message:
        'example_server has no deployment in .agentcore-mcp.yaml (never launched, or already destroyed): nothing to destroy',
    });
    expect(context.aws.requests).toEqual([]);
  });

  it('--delete-cognito without a credentials file fails before deleting anything', async () => {
    const context = testContext();
    seedProject(context.cwd);

    await expect(
      destroyDeployment(context, launchedRuntime(), { yes: true, deleteCognito: true }),
    ).rejects.toMatchObject({ code: 'ERR_NOT_CONFIGURED' });
    expect(context.aws.requests).toEqual([]);
  });
});

describe('the IAM table in docs/troubleshooting.md', () => {
  it('lists every action the requests of these tests need in the row of destroy', () => {
    expect(sentRequests().length).toBeGreaterThan(0);
    expect(missingFromIamTable(['destroy'], sentRequests())).toEqual([]);
  });
});
