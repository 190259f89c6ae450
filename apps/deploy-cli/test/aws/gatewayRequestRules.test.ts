import {
  CloudWatchLogsClient,
  DescribeLogGroupsCommand,
  FilterLogEventsCommand,
  ResourceNotFoundException,
} from '@aws-sdk/client-cloudwatch-logs';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';

import { destroyDeployment } from '../../src/destroy/destroyDeployment.js';
import { destroyManagedGateway } from '../../src/gateway/destroyManagedGateway.js';
import { registerManagedGateway } from '../../src/gateway/registerManagedGateway.js';
import { syncManagedTargets } from '../../src/gateway/syncManagedTargets.js';
import { showLogs } from '../../src/runtime/showLogs.js';
import {
  IAM_RUNTIME_ARN,
  invocationUrlOf,
  JWT_RUNTIME_ARN,
  projectWithCreatedProvider,
  projectWithTargets,
  registeredProject,
} from '../gateway/managedGatewayFixture.js';
import { launchedRuntime } from '../runtime/launchedRuntimeFixture.js';
import { testContext } from '../testContext.js';
import { checkedFields, problemsOf } from './requestRules.js';

const logs = mockClient(CloudWatchLogsClient);
beforeEach(() => {
  logs.reset();
});

/** Runtime names at the edges of what configure accepts. */
const EDGE_NAMES = ['a', 'a_b', 'Weather_Server_2', `a${'b'.repeat(47)}`];
/** Gateway names at the edges of `GatewayName` (given with `_`, which becomes `-`). */
const GATEWAY_NAMES = ['g', 'my_tools', `g${'w'.repeat(99)}`];

describe('every constrained value of a managed-gateway plan satisfies the AWS model', () => {
  it.each(GATEWAY_NAMES)(
    'register-managed --name %s: runtime targets (JWT, IAM), an API key and an OAuth target',
    async (name) => {
      // Target names are at most 63 characters in our gateway config (the model allows more).
      const cwd = projectWithTargets({
        weather: invocationUrlOf(JWT_RUNTIME_ARN),
        billing: invocationUrlOf(IAM_RUNTIME_ARN),
        [`search_${'s'.repeat(56)}`]: 'https://search.example.com/mcp',
        docs: 'https://docs.example.com/mcp',
      });
      const context = testContext({ cwd, dryRun: true });

      await registerManagedGateway(
        {
          name,
          targetCredential: [
            `search_${'s'.repeat(56)}=api-key:search-key:X-${'k'.repeat(62)}`,
            `docs=oauth:docs-oauth:${'s'.repeat(64)},read:user`,
          ],
        },
        context,
      );

      expect(new Set(checkedFields(context.aws.requests))).toEqual(
        new Set([
          'bedrock-agentcore:GetApiKeyCredentialProvider name',
          'bedrock-agentcore:GetOauth2CredentialProvider name',
          'bedrock-agentcore:CreateOauth2CredentialProvider name',
          'iam:GetRole RoleName',
          'iam:CreateRole RoleName',
          'iam:PutRolePolicy RoleName',
          'iam:PutRolePolicy PolicyName',
          'bedrock-agentcore:CreateGateway name',
          'bedrock-agentcore:CreateGatewayTarget name',
          'bedrock-agentcore:CreateGatewayTarget description',
          'bedrock-agentcore:CreateGatewayTarget OAuth scope',
          'bedrock-agentcore:CreateGatewayTarget API key header',
        ]),
      );
      expect(problemsOf(context.aws.requests)).toEqual([]);
    },
  );

  it.each(EDGE_NAMES)(
    'destroy --delete-ecr-repo --delete-role --delete-codebuild of %j',
    async (name) => {
      const context = testContext({ dryRun: true });

      await destroyDeployment(context, launchedRuntime({ name }), {
        deleteEcrRepo: true,
        deleteRole: true,
        deleteCodebuild: true,
      });

      expect(checkedFields(context.aws.requests)).toEqual(
        expect.arrayContaining([
          'ecr:DeleteRepository repositoryName',
          'iam:DeleteRole RoleName',
          'codebuild:DeleteProject name',
          's3:DeleteObject Key',
        ]),
      );
      expect(problemsOf(context.aws.requests)).toEqual([]);
    },
  );

  it('gateway destroy-managed --delete-role, with a provider register-managed created', async () => {
    const cwd = projectWithCreatedProvider();
    const context = testContext({ cwd, dryRun: true });

    await destroyManagedGateway({ deleteRole: true }, context);

    expect(checkedFields(context.aws.requests)).toEqual(
      expect.arrayContaining([
        'bedrock-agentcore:DeleteOauth2CredentialProvider name',
        'iam:DeleteRole RoleName',
      ]),
    );
    expect(problemsOf(context.aws.requests)).toEqual([]);
  });

  it('gateway sync', async () => {
    const context = testContext({ cwd: registeredProject(), dryRun: true });

    await syncManagedTargets({}, context);

    expect(context.aws.requests.length).toBeGreaterThan(0);
    expect(problemsOf(context.aws.requests)).toEqual([]);
  });
});

describe('the log groups logs derives satisfy logs#LogGroupName', () => {
  it.each(EDGE_NAMES)('runtime %j: the usual group, then the search by prefix', async (name) => {
    const runtimeId = `${name}-AbCdEf1234`;
    const runtime = launchedRuntime({ name });
    logs
      .on(FilterLogEventsCommand)
      .rejectsOnce(new ResourceNotFoundException({ message: 'no group', $metadata: {} }))
      .resolves({ events: [] });
    logs.on(DescribeLogGroupsCommand).resolves({
      logGroups: [{ logGroupName: `/aws/bedrock-agentcore/runtimes/${runtimeId}-DEFAULT` }],
    });
    const context = testContext();

    await showLogs(context, {
      ...runtime,
      deployment: { ...runtime.deployment!, runtimeId },
    });

    expect(checkedFields(context.aws.requests)).toEqual([
      'logs:FilterLogEvents logGroupName',
      'logs:DescribeLogGroups logGroupNamePrefix',
      'logs:FilterLogEvents logGroupName',
    ]);
    expect(problemsOf(context.aws.requests)).toEqual([]);
  });
});
