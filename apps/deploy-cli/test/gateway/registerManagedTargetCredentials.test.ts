import {
  CreateGatewayCommand,
  CreateGatewayTargetCommand,
  GetApiKeyCredentialProviderCommand,
  GetGatewayCommand,
  GetGatewayTargetCommand,
  GetOauth2CredentialProviderCommand,
  ListGatewaysCommand,
  ListGatewayTargetsCommand,
} from '@aws-sdk/client-bedrock-agentcore-control';
import {
  CreateRoleCommand,
  GetRoleCommand,
  NoSuchEntityException,
  PutRolePolicyCommand,
} from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';

import { gatewayRoleName } from '../../src/gateway/gatewayRole.js';
import { readManagedGatewayState } from '../../src/gateway/managedGatewayState.js';
import { registerManagedGateway } from '../../src/gateway/registerManagedGateway.js';
import type { PolicyDocument } from '../../src/iam/iamPolicies.js';
import { missingFromIamTable } from '../docs/iamPermissionsTable.js';
import { testContext } from '../testContext.js';
import {
  GATEWAY_ARN,
  GATEWAY_ID,
  GATEWAY_NAME,
  GATEWAY_URL,
  operations,
  projectWithGatewayConfig,
} from './managedGatewayFixture.js';
import { mockManagedGatewayClients } from './mockManagedGatewayClients.js';

const { agentCore, iam, sts, sentRequests } = mockManagedGatewayClients();

const ACCOUNT = '123456789012';
const AT = `us-east-1:${ACCOUNT}`;
const ROLE_NAME = gatewayRoleName(GATEWAY_NAME, 'us-east-1');
const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/${ROLE_NAME}`;
const VAULT = `arn:aws:bedrock-agentcore:${AT}:token-vault/default`;
const DIRECTORY = `arn:aws:bedrock-agentcore:${AT}:workload-identity-directory/default`;
const KEY = {
  name: 'search-key',
  credentialProviderArn: `${VAULT}/apikeycredentialprovider/search-key`,
  apiKeySecretArn: {
    secretArn: `arn:aws:secretsmanager:${AT}:secret:bedrock-agentcore-identity!default/apikey/search-key-AbC`,
  },
};
const GITHUB = {
  name: 'github-oauth',
  credentialProviderArn: `${VAULT}/oauth2credentialprovider/github-oauth`,
  clientSecretArn: {
    secretArn: `arn:aws:secretsmanager:${AT}:secret:bedrock-agentcore-identity!default/oauth2/github-oauth-DeF`,
  },
};
/** A public server, one with an API key header and one with a bearer token, in gateway.json. */
const SERVERS = {
  docs: { url: 'https://docs.example.com/mcp' },
  search: {
    url: 'https://search.example.com/mcp',
    headers: { 'X-Subscription-Token': '${SEARCH_KEY}' },
  },
  github_tools: {
    url: 'https://github.example.com/mcp',
    headers: { Authorization: 'Bearer ${GITHUB_TOKEN}' },
  },
};
const FLAGS = [
  'search=api-key:search-key:X-Subscription-Token',
  `github_tools=oauth:${GITHUB.credentialProviderArn}:repo,read:user`,
];

function mockNewGatewayWithNewRole(): void {
  sts
    .on(GetCallerIdentityCommand)
    .resolves({ Account: ACCOUNT, Arn: `arn:aws:iam::${ACCOUNT}:user/dev` });
  iam.on(GetRoleCommand).rejects(new NoSuchEntityException({ message: 'none', $metadata: {} }));
  iam.on(CreateRoleCommand).resolves({
    Role: { Arn: ROLE_ARN, RoleName: ROLE_NAME, Path: '/', RoleId: 'R', CreateDate: new Date() },
  });
  iam.on(PutRolePolicyCommand).resolves({});
  agentCore.on(ListGatewaysCommand).resolves({ items: [] });
  agentCore.on(CreateGatewayCommand).resolves({ gatewayId: GATEWAY_ID, status: 'CREATING' });
  agentCore.on(GetGatewayCommand).resolves({
    gatewayId: GATEWAY_ID,
    gatewayArn: GATEWAY_ARN,
    gatewayUrl: GATEWAY_URL,
    roleArn: ROLE_ARN,
    status: 'READY',
  });
  agentCore.on(ListGatewayTargetsCommand).resolves({ items: [] });
  for (const [name, targetId] of [
    ['docs', 'DOCS000001'],
    ['search', 'SEARCH0001'],
    ['github-tools', 'GITHUB0001'],
  ] as const) {
    agentCore.on(CreateGatewayTargetCommand, { name }).resolves({ targetId, status: 'CREATING' });
  }
  agentCore.on(GetGatewayTargetCommand).resolves({ status: 'READY' });
}

const createdTargets = () =>
  agentCore.commandCalls(CreateGatewayTargetCommand).map(({ args }) => args[0].input);
const rolePolicy = () =>
  JSON.parse(
    iam.commandCalls(PutRolePolicyCommand)[0]?.args[0].input.PolicyDocument ?? '{}',
  ) as PolicyDocument;

describe('gateway register-managed with non-runtime targets', () => {
  it('registers a public server without credentials by default, and the role gets no target permissions', async () => {
    mockNewGatewayWithNewRole();
    const context = testContext({
      cwd: projectWithGatewayConfig({ mcpServers: { docs: SERVERS.docs } }),
    });

    await registerManagedGateway({}, context);

    expect(createdTargets()).toEqual([
      {
        gatewayIdentifier: GATEWAY_ID,
        name: 'docs',
        description: 'MCP server docs, registered by agentcore-mcp',
        targetConfiguration: { mcp: { mcpServer: { endpoint: SERVERS.docs.url } } },
      },
    ]);
    expect(rolePolicy().Statement.map(({ Sid }) => Sid)).toEqual([
      'GetTheGatewaysWorkloadAccessToken',
    ]);
    expect(readManagedGatewayState(context.cwd).targets[0]?.auth).toBe('none');
  });

  it('--target-credential: looks the providers up first, sends API_KEY and OAUTH configurations, and lets the role use exactly those providers', async () => {
    mockNewGatewayWithNewRole();
    agentCore.on(GetApiKeyCredentialProviderCommand, { name: 'search-key' }).resolves(KEY);
    agentCore.on(GetOauth2CredentialProviderCommand, { name: 'github-oauth' }).resolves(GITHUB);
    const context = testContext({ cwd: projectWithGatewayConfig({ mcpServers: SERVERS }) });

    await registerManagedGateway({ targetCredential: FLAGS }, context);

    expect(operations(context.aws.requests)).toEqual([
      'bedrock-agentcore:GetApiKeyCredentialProvider',
      'bedrock-agentcore:GetOauth2CredentialProvider',
      'bedrock-agentcore:ListGateways',
      'sts:GetCallerIdentity',
      'iam:GetRole',
      'iam:CreateRole',
      'iam:PutRolePolicy',
      'bedrock-agentcore:CreateGateway',
      'bedrock-agentcore:GetGateway',
      'bedrock-agentcore:ListGatewayTargets',
      'bedrock-agentcore:CreateGatewayTarget',
      'bedrock-agentcore:GetGatewayTarget',
      'bedrock-agentcore:CreateGatewayTarget',
      'bedrock-agentcore:GetGatewayTarget',
      'bedrock-agentcore:CreateGatewayTarget',
      'bedrock-agentcore:GetGatewayTarget',
    ]);
    const description = (name: string) => `MCP server ${name}, registered by agentcore-mcp`;
    expect(createdTargets()).toEqual([
      {
        gatewayIdentifier: GATEWAY_ID,
        name: 'docs',
        description: description('docs'),
        targetConfiguration: { mcp: { mcpServer: { endpoint: SERVERS.docs.url } } },
      },
      {
        gatewayIdentifier: GATEWAY_ID,
        name: 'search',
        description: description('search'),
        targetConfiguration: { mcp: { mcpServer: { endpoint: SERVERS.search.url } } },
        credentialProviderConfigurations: [
          {
            credentialProviderType: 'API_KEY',
            credentialProvider: {
              apiKeyCredentialProvider: {
                providerArn: KEY.credentialProviderArn,
                credentialLocation: 'HEADER',
                credentialParameterName: 'X-Subscription-Token',
              },
            },
          },
        ],
      },
      {
        gatewayIdentifier: GATEWAY_ID,
        name: 'github-tools',
        description: description('github_tools'),
        targetConfiguration: { mcp: { mcpServer: { endpoint: SERVERS.github_tools.url } } },
        credentialProviderConfigurations: [
          {
            credentialProviderType: 'OAUTH',
            credentialProvider: {
              oauthCredentialProvider: {
                providerArn: GITHUB.credentialProviderArn,
                scopes: ['repo', 'read:user'],
                grantType: 'CLIENT_CREDENTIALS',
              },
            },
          },
        ],
      },
    ]);
    const workload = [DIRECTORY, `${DIRECTORY}/workload-identity/${GATEWAY_NAME}-*`];
    expect(rolePolicy().Statement).toEqual([
      {
        Sid: 'GetTheGatewaysWorkloadAccessToken',
        Effect: 'Allow',
        Action: 'bedrock-agentcore:GetWorkloadAccessToken',
        Resource: workload,
      },
      {
        Sid: 'GetTheTargetsOauthTokens',
        Effect: 'Allow',
        Action: 'bedrock-agentcore:GetResourceOauth2Token',
        Resource: [VAULT, GITHUB.credentialProviderArn, ...workload],
      },
      {
        Sid: 'ReadTheTargetsOauthClientSecrets',
        Effect: 'Allow',
        Action: 'secretsmanager:GetSecretValue',
        Resource: [GITHUB.clientSecretArn.secretArn],
      },
      {
        Sid: 'GetTheTargetsApiKeys',
        Effect: 'Allow',
        Action: 'bedrock-agentcore:GetResourceApiKey',
        Resource: [VAULT, KEY.credentialProviderArn, ...workload],
      },
      {
        Sid: 'ReadTheTargetsApiKeySecrets',
        Effect: 'Allow',
        Action: 'secretsmanager:GetSecretValue',
        Resource: [KEY.apiKeySecretArn.secretArn],
      },
    ]);
    expect(
      readManagedGatewayState(context.cwd).targets.map(({ name, auth }) => [name, auth]),
    ).toEqual([
      ['docs', 'none'],
      ['search', 'api-key'],
      ['github-tools', 'oauth'],
    ]);
    expect(JSON.stringify(readManagedGatewayState(context.cwd))).not.toContain(
      'credentialProvider',
    );
    expect(context.stdout).toContain(
      "Target search: the managed gateway sends the credential of the provider search-key (--target-credential), so the config's credentials (headers, oauth or forwardClientToken) are not used",
    );
    expect(context.stdout).toContain(
      `Created target search (SEARCH0001) → ${SERVERS.search.url}, called with the API key of the credential provider search-key in the X-Subscription-Token header`,
    );
  });

  it('an API key in Authorization is sent with the Bearer prefix', async () => {
    mockNewGatewayWithNewRole();
    agentCore.on(GetApiKeyCredentialProviderCommand).resolves(KEY);
    const context = testContext({
      cwd: projectWithGatewayConfig({ mcpServers: { github_tools: SERVERS.github_tools } }),
    });

    await registerManagedGateway(
      { targetCredential: ['github_tools=api-key:search-key'] },
      context,
    );

    expect(createdTargets()[0]?.credentialProviderConfigurations).toEqual([
      {
        credentialProviderType: 'API_KEY',
        credentialProvider: {
          apiKeyCredentialProvider: {
            providerArn: KEY.credentialProviderArn,
            credentialLocation: 'HEADER',
            credentialParameterName: 'Authorization',
            credentialPrefix: 'Bearer ',
          },
        },
      },
    ]);
  });
});

describe('the IAM table in docs/troubleshooting.md', () => {
  it('lists every action the requests of these tests need in the row of gateway register-managed', () => {
    expect(sentRequests().length).toBeGreaterThan(0);
    expect(missingFromIamTable(['gateway register-managed'], sentRequests())).toEqual([]);
  });
});
