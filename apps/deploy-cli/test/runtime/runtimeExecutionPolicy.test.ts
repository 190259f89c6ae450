import { describe, expect, it } from 'vitest';

import { runtimeExecutionPolicy } from '../../src/iam/iamPolicies.js';

const SCOPE = { account: '123456789012', region: 'us-east-1', partition: 'aws' };
const NAMES = { ecrRepository: 'agentcore-mcp/example_server', runtimeName: 'example_server' };
const AT = 'us-east-1:123456789012';
const WORKLOAD_IDENTITIES = [
  `arn:aws:bedrock-agentcore:${AT}:workload-identity-directory/default`,
  `arn:aws:bedrock-agentcore:${AT}:workload-identity-directory/default/workload-identity/example_server-*`,
];

describe('runtimeExecutionPolicy', () => {
  it('grants the runtime image, logs, traces, metrics and workload access tokens, and nothing else', () => {
    const policy = runtimeExecutionPolicy(SCOPE, NAMES);

    expect(policy.Statement.map((statement) => statement.Sid)).toEqual([
      'PullTheRuntimeImage',
      'AuthenticateToEcr',
      'CreateTheRuntimeLogGroup',
      'FindLogGroups',
      'WriteRuntimeLogs',
      'SendTraces',
      'PublishAgentCoreMetrics',
      'GetWorkloadAccessTokens',
    ]);
    expect(policy.Statement.at(-1)).toEqual({
      Sid: 'GetWorkloadAccessTokens',
      Effect: 'Allow',
      Action: [
        'bedrock-agentcore:GetWorkloadAccessToken',
        'bedrock-agentcore:GetWorkloadAccessTokenForJWT',
        'bedrock-agentcore:GetWorkloadAccessTokenForUserId',
      ],
      Resource: WORKLOAD_IDENTITIES,
    });
    expect(JSON.stringify(policy)).not.toMatch(/secretsmanager|GetResourceOauth2Token|token-vault/);
  });

  it('is the same with an empty list of OAuth2 providers', () => {
    expect(runtimeExecutionPolicy(SCOPE, { ...NAMES, outboundOauthProviders: [] })).toEqual(
      runtimeExecutionPolicy(SCOPE, NAMES),
    );
  });

  it('lets the code take OAuth2 tokens from its providers, and read only their client secrets', () => {
    const github =
      'arn:aws:secretsmanager:us-east-1:123456789012:secret:bedrock-agentcore-identity!default/oauth2/github-AbCdEf';
    const slack =
      'arn:aws:secretsmanager:us-east-1:123456789012:secret:bedrock-agentcore-identity!default/oauth2/slack-GhIjKl';

    const policy = runtimeExecutionPolicy(SCOPE, {
      ...NAMES,
      outboundOauthProviders: [
        { name: 'github', secretArn: github },
        { name: 'slack', secretArn: slack },
      ],
    });

    expect(policy.Statement.slice(-2)).toEqual([
      {
        Sid: 'GetOutboundOauthTokens',
        Effect: 'Allow',
        Action: 'bedrock-agentcore:GetResourceOauth2Token',
        Resource: [
          `arn:aws:bedrock-agentcore:${AT}:token-vault/default`,
          `arn:aws:bedrock-agentcore:${AT}:token-vault/default/oauth2credentialprovider/github`,
          `arn:aws:bedrock-agentcore:${AT}:token-vault/default/oauth2credentialprovider/slack`,
          ...WORKLOAD_IDENTITIES,
        ],
      },
      {
        Sid: 'ReadOutboundOauthClientSecrets',
        Effect: 'Allow',
        Action: 'secretsmanager:GetSecretValue',
        Resource: [github, slack],
      },
    ]);
  });

  it('uses the partition of the scope', () => {
    const policy = runtimeExecutionPolicy(
      { account: '123456789012', region: 'us-gov-west-1', partition: 'aws-us-gov' },
      {
        ...NAMES,
        outboundOauthProviders: [{ name: 'github', secretArn: 'arn:aws-us-gov:secretsmanager:x' }],
      },
    );
    const arns = policy.Statement.flatMap((statement) =>
      statement.Resource === undefined || statement.Resource === '*'
        ? []
        : [statement.Resource].flat(),
    );
    expect(arns.every((arn) => arn.startsWith('arn:aws-us-gov:'))).toBe(true);
  });
});
