import { describe, expect, it } from 'vitest';

import { createCommandContext } from '../../src/commandContext.js';
import { run as deployGateway } from '../../src/commands/gatewayDeploy.js';
import type { RuntimeProject } from '../../src/project/projectConfig.js';
import { AUTH, userGatewayProject } from '../gateway/gatewayProjectFixture.js';
import {
  launchConfigured,
  type LaunchConfiguredOptions,
} from '../runtime/launchedRuntimeFixture.js';
import { testContext } from '../testContext.js';
import { checkedFields, problemsOf } from './requestRules.js';

/** Runtime names at the edges of what configure accepts. */
const EDGE_NAMES = ['a', 'a_b', 'Weather_Server_2', `a${'b'.repeat(47)}`];

/** Headers and claims at the edges of their rules. */
const EDGE_SETTINGS: Partial<RuntimeProject> = {
  requestHeaderAllowlist: [
    'Authorization',
    'X-Amzn-Bedrock-AgentCore-Runtime-Custom-T',
    'x_trace-1',
  ],
  authorizer: {
    customJWTAuthorizer: {
      discoveryUrl: 'https://issuer.example.com/.well-known/openid-configuration',
      allowedClients: ['client-1'],
      customClaims: [
        {
          inboundTokenClaimName: 'department.name',
          inboundTokenClaimValueType: 'STRING',
          authorizingClaimMatchValue: {
            claimMatchOperator: 'EQUALS',
            claimMatchValue: { matchValueString: 'R_and.D-team' },
          },
        },
      ],
    },
  },
  outboundOauthProviders: ['github-oauth_2'],
};

/** The plan of `launch --dry-run` for a runtime `name`, with `options`. */
function launchPlan(name: string, options: LaunchConfiguredOptions = {}) {
  return launchConfigured(testContext({ dryRun: true }), { name, ...EDGE_SETTINGS }, options);
}

describe('every constrained value of a launch plan satisfies the AWS model', () => {
  it.each(EDGE_NAMES)('launch (CodeBuild) of runtime %j', async (name) => {
    const requests = await launchPlan(name);

    expect(new Set(checkedFields(requests))).toEqual(
      new Set([
        'bedrock-agentcore:GetOauth2CredentialProvider name',
        'ecr:DescribeRepositories repositoryNames',
        'ecr:CreateRepository repositoryName',
        'iam:GetRole RoleName',
        'iam:CreateRole RoleName',
        'iam:PutRolePolicy RoleName',
        'iam:PutRolePolicy PolicyName',
        'iam:PutRolePolicy log group in the policy',
        's3:HeadBucket Bucket',
        's3:CreateBucket Bucket',
        's3:PutPublicAccessBlock Bucket',
        's3:PutBucketLifecycleConfiguration Bucket',
        's3:PutObject Bucket',
        's3:PutObject Key',
        'codebuild:BatchGetProjects names',
        'codebuild:CreateProject name',
        'codebuild:StartBuild projectName',
        'bedrock-agentcore:CreateAgentRuntime agentRuntimeName',
        'bedrock-agentcore:CreateAgentRuntime containerUri',
        'bedrock-agentcore:CreateAgentRuntime requestHeaderAllowlist',
        'bedrock-agentcore:CreateAgentRuntime claim name',
        'bedrock-agentcore:CreateAgentRuntime claim value',
      ]),
    );
    expect(problemsOf(requests)).toEqual([]);
  });

  it.each(EDGE_NAMES)('launch --local-build of runtime %j', async (name) => {
    const requests = await launchPlan(name, { localBuild: true });

    expect(checkedFields(requests)).toContain('bedrock-agentcore:CreateAgentRuntime containerUri');
    expect(problemsOf(requests)).toEqual([]);
  });

  it.each(EDGE_NAMES)(
    'launch --observability --enable-transaction-search of runtime %j',
    async (name) => {
      const requests = await launchPlan(name, {
        observability: true,
        enableTransactionSearch: true,
      });

      expect(checkedFields(requests)).toContain('logs:PutResourcePolicy log group in the policy');
      expect(problemsOf(requests)).toEqual([]);
    },
  );

  it.each(['mcp_gateway', 'a', `g${'w'.repeat(47)}`])('gateway deploy --name %s', async (name) => {
    const cwd = userGatewayProject({
      mcpServers: { ext: { url: 'https://ext.example.com/mcp' } },
      gateway: { auth: AUTH },
    });
    const { output } = testContext();
    const context = createCommandContext({ output, cwd, env: {}, interactive: false });
    const recorded = testContext({ cwd, dryRun: true });

    await deployGateway(
      {
        name,
        region: 'us-east-1',
        dryRun: true,
        json: true,
        observability: true,
        enableTransactionSearch: true,
      },
      { ...context, openAws: recorded.openAws },
    );

    expect(checkedFields(recorded.aws.requests)).toContain(
      'bedrock-agentcore:CreateAgentRuntime agentRuntimeName',
    );
    expect(problemsOf(recorded.aws.requests)).toEqual([]);
  });

  it('the checks catch what AWS refuses', () => {
    const refused = problemsOf([
      {
        service: 'bedrock-agentcore',
        operation: 'CreateAgentRuntime',
        input: {
          agentRuntimeName: 'my__server',
          requestHeaderConfiguration: { requestHeaderAllowlist: ['1-Tenant', '_trace'] },
          authorizerConfiguration: {
            customJWTAuthorizer: {
              customClaims: [
                {
                  inboundTokenClaimName: 'dept-name',
                  authorizingClaimMatchValue: {
                    claimMatchValue: { matchValueStringList: ['R&D team'] },
                  },
                },
              ],
            },
          },
        },
      },
      {
        service: 'ecr',
        operation: 'CreateRepository',
        input: { repositoryName: 'agentcore-mcp/server_' },
      },
      {
        service: 'iam',
        operation: 'CreateRole',
        input: { RoleName: `AgentCoreMcpRuntime-${'a'.repeat(45)}` },
      },
      {
        service: 'logs',
        operation: 'FilterLogEvents',
        input: { logGroupName: '/aws/bedrock-agentcore/runtimes/a b-DEFAULT' },
      },
      {
        service: 'iam',
        operation: 'PutRolePolicy',
        input: {
          RoleName: 'r',
          PolicyName: 'p',
          PolicyDocument: '{"Resource":"arn:aws:logs:us-east-1:1:log-group:/aws/codebuild/a b*"}',
        },
      },
    ]);
    expect(refused.map((line) => line.split(':')[0])).toEqual([
      'CreateAgentRuntime requestHeaderAllowlist',
      'CreateAgentRuntime requestHeaderAllowlist',
      'CreateAgentRuntime claim name',
      'CreateAgentRuntime claim value',
      'CreateRepository repositoryName',
      'CreateRole RoleName',
      'FilterLogEvents logGroupName',
      'PutRolePolicy log group in the policy',
    ]);
  });
});
