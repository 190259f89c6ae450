import {
  GetOauth2CredentialProviderCommand,
  ResourceNotFoundException,
} from '@aws-sdk/client-bedrock-agentcore-control';
import { PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { beforeEach, describe, expect, it } from 'vitest';

import { CliError } from '../../src/errors.js';
import { launchAndRecord } from '../../src/runtime/launchAndRecord.js';
import { testContext } from '../testContext.js';
import {
  ACCOUNT,
  configuredProject,
  NAMES,
  REGION,
  RUNTIME_NAME,
} from './launchedRuntimeFixture.js';
import { agentCore, ecr, iam, LAUNCH_MOCKS, mockEverythingMissing } from './launchMocks.js';

const VAULT = `arn:aws:bedrock-agentcore:${REGION}:${ACCOUNT}:token-vault/default`;
const DIRECTORY = `arn:aws:bedrock-agentcore:${REGION}:${ACCOUNT}:workload-identity-directory/default`;
const PROVIDERS = {
  github: {
    credentialProviderArn: `${VAULT}/oauth2credentialprovider/github`,
    clientSecretArn: {
      secretArn: `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:bedrock-agentcore-identity!default/oauth2/github-AbCdEf`,
    },
  },
  google: {
    credentialProviderArn: `${VAULT}/oauth2credentialprovider/google`,
    clientSecretArn: {
      secretArn: `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:bedrock-agentcore-identity!default/oauth2/google-GhIjKl`,
    },
  },
};

beforeEach(() => {
  for (const mock of LAUNCH_MOCKS) mock.reset();
});

/** The execution role's policy document, as PutRolePolicy got it. */
function executionPolicy(): { Statement: { Sid: string }[] } {
  const call = iam
    .commandCalls(PutRolePolicyCommand)
    .find(({ args }) => args[0].input.RoleName === NAMES.executionRole);
  return JSON.parse(call?.args[0].input.PolicyDocument ?? '{}') as { Statement: { Sid: string }[] };
}

describe('launch of a runtime with outbound OAuth2 credential providers', () => {
  it('looks the providers up first and lets the execution role take their tokens and read only their client secrets', async () => {
    mockEverythingMissing();
    agentCore
      .on(GetOauth2CredentialProviderCommand, { name: 'github' })
      .resolves(PROVIDERS.github)
      .on(GetOauth2CredentialProviderCommand, { name: 'google' })
      .resolves(PROVIDERS.google);
    const context = testContext();
    const { project, runtime } = configuredProject(context.cwd, {
      outboundOauthProviders: ['github', 'google'],
    });

    await launchAndRecord(context, { project, runtime, localBuild: false });

    expect(
      context.aws.requests.slice(0, 4).map(({ service, operation }) => `${service}:${operation}`),
    ).toEqual([
      'sts:GetCallerIdentity',
      'bedrock-agentcore:GetOauth2CredentialProvider',
      'bedrock-agentcore:GetOauth2CredentialProvider',
      'ecr:DescribeRepositories',
    ]);
    expect(
      agentCore.commandCalls(GetOauth2CredentialProviderCommand).map(({ args }) => args[0].input),
    ).toEqual([{ name: 'github' }, { name: 'google' }]);
    const policy = executionPolicy();
    expect(policy.Statement.map(({ Sid }) => Sid)).toEqual([
      'PullTheRuntimeImage',
      'AuthenticateToEcr',
      'CreateTheRuntimeLogGroup',
      'FindLogGroups',
      'WriteRuntimeLogs',
      'SendTraces',
      'PublishAgentCoreMetrics',
      'GetWorkloadAccessTokens',
      'GetOutboundOauthTokens',
      'ReadOutboundOauthClientSecrets',
    ]);
    expect(policy.Statement.slice(-2)).toEqual([
      {
        Sid: 'GetOutboundOauthTokens',
        Effect: 'Allow',
        Action: 'bedrock-agentcore:GetResourceOauth2Token',
        Resource: [
          VAULT,
          PROVIDERS.github.credentialProviderArn,
          PROVIDERS.google.credentialProviderArn,
          DIRECTORY,
          `${DIRECTORY}/workload-identity/${RUNTIME_NAME}-*`,
        ],
      },
      {
        Sid: 'ReadOutboundOauthClientSecrets',
        Effect: 'Allow',
        Action: 'secretsmanager:GetSecretValue',
        Resource: [
          PROVIDERS.github.clientSecretArn.secretArn,
          PROVIDERS.google.clientSecretArn.secretArn,
        ],
      },
    ]);
  });

  it('without providers asks for none and grants no token-vault or Secrets Manager access', async () => {
    mockEverythingMissing();
    const context = testContext();
    const { project, runtime } = configuredProject(context.cwd);

    await launchAndRecord(context, { project, runtime, localBuild: false });

    expect(agentCore.commandCalls(GetOauth2CredentialProviderCommand)).toEqual([]);
    expect(JSON.stringify(executionPolicy())).not.toMatch(/GetResourceOauth2Token|secretsmanager/);
  });

  it('stops with one line, before anything is created, when a provider does not exist', async () => {
    mockEverythingMissing();
    agentCore
      .on(GetOauth2CredentialProviderCommand)
      .rejects(new ResourceNotFoundException({ message: 'not found', $metadata: {} }));
    const context = testContext();
    const { project, runtime } = configuredProject(context.cwd, {
      outboundOauthProviders: ['github'],
    });

    const error = await launchAndRecord(context, { project, runtime, localBuild: false }).catch(
      (caught: unknown) => caught,
    );

    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).message).toBe(
      `No AgentCore Identity OAuth2 credential provider "github" in ${REGION}: create it (aws bedrock-agentcore-control create-oauth2-credential-provider --name github …), or run agentcore-mcp configure for ${RUNTIME_NAME} without --outbound-oauth-provider github`,
    );
    expect(context.aws.requests.map(({ operation }) => operation)).toEqual([
      'GetCallerIdentity',
      'GetOauth2CredentialProvider',
    ]);
    expect(ecr.calls()).toEqual([]);
    expect(iam.calls()).toEqual([]);
  });

  it('--dry-run plans the lookup and the grant with placeholder ARNs, sending nothing', async () => {
    const context = testContext({ dryRun: true });
    const { project, runtime } = configuredProject(context.cwd, {
      outboundOauthProviders: ['github'],
    });

    await launchAndRecord(context, { project, runtime, localBuild: false, json: true });

    for (const mock of LAUNCH_MOCKS) expect(mock.calls()).toEqual([]);
    expect(context.aws.requests[0]).toEqual({
      service: 'bedrock-agentcore',
      operation: 'GetOauth2CredentialProvider',
      input: { name: 'github' },
    });
    const put = context.aws.requests.find(
      ({ operation, input }) =>
        operation === 'PutRolePolicy' &&
        (input as { RoleName: string }).RoleName === NAMES.executionRole,
    );
    const policy = JSON.parse((put?.input as { PolicyDocument: string }).PolicyDocument) as {
      Statement: { Sid: string; Resource: unknown }[];
    };
    expect(policy.Statement.at(-1)).toEqual({
      Sid: 'ReadOutboundOauthClientSecrets',
      Effect: 'Allow',
      Action: 'secretsmanager:GetSecretValue',
      Resource: [
        `arn:aws:secretsmanager:${REGION}:<account>:secret:bedrock-agentcore-identity!default/oauth2/github-dryrun`,
      ],
    });
  });
});
