import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import {
  AccessDeniedException,
  CreateGatewayCommand,
  CreateGatewayTargetCommand,
  CreateOauth2CredentialProviderCommand,
  DeleteOauth2CredentialProviderCommand,
  GetAgentRuntimeCommand,
  GetGatewayCommand,
  GetGatewayTargetCommand,
  GetOauth2CredentialProviderCommand,
  ListGatewaysCommand,
  ListGatewayTargetsCommand,
  ResourceNotFoundException,
  UpdateGatewayTargetCommand,
  UpdateOauth2CredentialProviderCommand,
} from '@aws-sdk/client-bedrock-agentcore-control';
import {
  CreateRoleCommand,
  GetRoleCommand,
  NoSuchEntityException,
  PutRolePolicyCommand,
  UpdateAssumeRolePolicyCommand,
} from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';

import { gatewayRoleName } from '../../src/gateway/gatewayRole.js';
import {
  MANAGED_GATEWAY_STATE_FILE,
  type ManagedGatewayState,
} from '../../src/gateway/managedGatewayState.js';
import { registerManagedGateway } from '../../src/gateway/registerManagedGateway.js';
import type { PolicyDocument } from '../../src/iam/iamPolicies.js';
import { missingFromIamTable } from '../docs/iamPermissionsTable.js';
import { testContext } from '../testContext.js';
import {
  AUTHORIZER,
  GATEWAY_ARN,
  GATEWAY_ID,
  GATEWAY_NAME,
  GATEWAY_URL,
  IAM_RUNTIME_ARN,
  invocationUrlOf,
  JWT_RUNTIME_ARN,
  LISTED_GATEWAY,
  M2M,
  operations,
  projectWithTargets,
  PROVIDER_ARN,
  PROVIDER_NAME,
  SECRET_ARN,
  TARGET_ID,
} from './managedGatewayFixture.js';
import { mockManagedGatewayClients } from './mockManagedGatewayClients.js';

const { agentCore, iam, sts, sentRequests } = mockManagedGatewayClients();

const ACCOUNT = '123456789012';
const ROLE_NAME = gatewayRoleName(GATEWAY_NAME, 'us-east-1');
const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/${ROLE_NAME}`;
const JWT_URL = invocationUrlOf(JWT_RUNTIME_ARN);
const IAM_URL = invocationUrlOf(IAM_RUNTIME_ARN);
const DIRECTORY = `arn:aws:bedrock-agentcore:us-east-1:${ACCOUNT}:workload-identity-directory/default`;
const TOKEN_VAULT = `arn:aws:bedrock-agentcore:us-east-1:${ACCOUNT}:token-vault/default`;
const READY_GATEWAY = {
  gatewayId: GATEWAY_ID,
  gatewayArn: GATEWAY_ARN,
  gatewayUrl: GATEWAY_URL,
  roleArn: ROLE_ARN,
  status: 'READY' as const,
  authorizerType: 'CUSTOM_JWT' as const,
  authorizerConfiguration: { customJWTAuthorizer: AUTHORIZER },
};
const JWT_RUNTIME = {
  agentRuntimeArn: JWT_RUNTIME_ARN,
  status: 'READY' as const,
  authorizerConfiguration: {
    customJWTAuthorizer: {
      discoveryUrl: AUTHORIZER.discoveryUrl,
      allowedClients: ['client-1', M2M.clientId],
    },
  },
};
const OAUTH_CREDENTIALS = [
  {
    credentialProviderType: 'OAUTH' as const,
    credentialProvider: {
      oauthCredentialProvider: {
        providerArn: PROVIDER_ARN,
        scopes: M2M.scopes,
        grantType: 'CLIENT_CREDENTIALS' as const,
      },
    },
  },
];
const IAM_CREDENTIALS = [
  {
    credentialProviderType: 'GATEWAY_IAM_ROLE' as const,
    credentialProvider: {
      iamCredentialProvider: { service: 'bedrock-agentcore', region: 'us-east-1' },
    },
  },
];
const PROVIDER_CONFIG_INPUT = {
  customOauth2ProviderConfig: {
    oauthDiscovery: { discoveryUrl: AUTHORIZER.discoveryUrl },
    clientId: M2M.clientId,
    clientSecret: M2M.clientSecret,
  },
};
const FOUND_PROVIDER = {
  name: PROVIDER_NAME,
  credentialProviderArn: PROVIDER_ARN,
  credentialProviderVendor: 'CustomOauth2' as const,
  clientSecretArn: { secretArn: SECRET_ARN },
  oauth2ProviderConfigOutput: {
    customOauth2ProviderConfig: {
      clientId: M2M.clientId,
      oauthDiscovery: { discoveryUrl: AUTHORIZER.discoveryUrl },
    },
  },
  createdTime: new Date(),
  lastUpdatedTime: new Date(),
};

const notFound = (): ResourceNotFoundException =>
  new ResourceNotFoundException({ message: 'not found', $metadata: {} });

function mockCaller(): void {
  sts.on(GetCallerIdentityCommand).resolves({
    Account: ACCOUNT,
    Arn: `arn:aws:iam::${ACCOUNT}:user/dev`,
  });
}

function mockNewRole(): void {
  mockCaller();
  iam.on(GetRoleCommand).rejects(new NoSuchEntityException({ message: 'none', $metadata: {} }));
  iam.on(CreateRoleCommand).resolves({
    Role: { Arn: ROLE_ARN, RoleName: ROLE_NAME, Path: '/', RoleId: 'R', CreateDate: new Date() },
  });
  iam.on(PutRolePolicyCommand).resolves({});
}

function mockExistingRole(): void {
  mockCaller();
  iam.on(GetRoleCommand).resolves({
    Role: { Arn: ROLE_ARN, RoleName: ROLE_NAME, Path: '/', RoleId: 'R', CreateDate: new Date() },
  });
  iam.on(UpdateAssumeRolePolicyCommand).resolves({});
  iam.on(PutRolePolicyCommand).resolves({});
}

function mockNewGatewayAndTarget(): void {
  agentCore.on(ListGatewaysCommand).resolves({ items: [] });
  agentCore.on(CreateGatewayCommand).resolves({ gatewayId: GATEWAY_ID, status: 'CREATING' });
  agentCore.on(GetGatewayCommand).resolves(READY_GATEWAY);
  agentCore.on(ListGatewayTargetsCommand).resolves({ items: [] });
  agentCore.on(CreateGatewayTargetCommand).resolves({ targetId: TARGET_ID, status: 'CREATING' });
  agentCore.on(GetGatewayTargetCommand).resolves({ targetId: TARGET_ID, status: 'READY' });
}

function mockReusedGateway(target: { credentialProviderConfigurations?: unknown[] }): void {
  agentCore.on(ListGatewaysCommand).resolves({
    items: [LISTED_GATEWAY],
  });
  agentCore.on(GetGatewayCommand).resolves(READY_GATEWAY);
  agentCore.on(ListGatewayTargetsCommand).resolves({
    items: [
      {
        targetId: TARGET_ID,
        name: 'weather',
        status: 'READY',
        createdAt: new Date(),
        updatedAt: new Date(),
      },
    ],
  });
  agentCore.on(GetGatewayTargetCommand).resolves({
    targetId: TARGET_ID,
    status: 'READY',
    targetConfiguration: { mcp: { mcpServer: { endpoint: JWT_URL } } },
    ...(target as object),
  });
}

function policyOf(input: unknown): PolicyDocument {
  return JSON.parse((input as { PolicyDocument: string }).PolicyDocument) as PolicyDocument;
}

function statement(policy: PolicyDocument, sid: string): unknown {
  const found = policy.Statement.find((item) => item.Sid === sid);
  return found === undefined ? undefined : { Action: found.Action, Resource: found.Resource };
}

function readState(cwd: string): ManagedGatewayState {
  return JSON.parse(
    readFileSync(join(cwd, MANAGED_GATEWAY_STATE_FILE), 'utf8'),
  ) as ManagedGatewayState;
}

function requestOf(context: { aws: { requests: readonly { operation: string }[] } }, op: string) {
  return context.aws.requests.find((request) => request.operation === op) as
    { input: Record<string, unknown> } | undefined;
}

describe('gateway register-managed with AgentCore Runtime targets', () => {
  it('auto → oauth for a JWT runtime: creates the credential provider before the role, grants its token and secret, and records it', async () => {
    agentCore.on(GetAgentRuntimeCommand).resolves(JWT_RUNTIME);
    agentCore
      .on(GetOauth2CredentialProviderCommand)
      .rejects(new ResourceNotFoundException({ message: 'not found', $metadata: {} }));
    agentCore.on(CreateOauth2CredentialProviderCommand).resolves({
      name: PROVIDER_NAME,
      credentialProviderArn: PROVIDER_ARN,
      clientSecretArn: { secretArn: SECRET_ARN },
    });
    mockNewRole();
    mockNewGatewayAndTarget();
    const context = testContext({ cwd: projectWithTargets({ weather: JWT_URL }) });

    await registerManagedGateway({}, context);

    expect(operations(context.aws.requests)).toEqual([
      'bedrock-agentcore:GetAgentRuntime',
      'bedrock-agentcore:GetOauth2CredentialProvider',
      'bedrock-agentcore:CreateOauth2CredentialProvider',
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
    ]);
    expect(requestOf(context, 'GetAgentRuntime')?.input).toEqual({
      agentRuntimeId: 'weather-AbCdEf1234',
    });
    // AWS gets the secret; the recorded request (what --dry-run prints) never holds it.
    expect(agentCore.commandCalls(CreateOauth2CredentialProviderCommand)[0]?.args[0].input).toEqual(
      {
        name: PROVIDER_NAME,
        credentialProviderVendor: 'CustomOauth2',
        oauth2ProviderConfigInput: PROVIDER_CONFIG_INPUT,
      },
    );
    expect(JSON.stringify(context.aws.requests)).not.toContain(M2M.clientSecret);
    expect(requestOf(context, 'CreateOauth2CredentialProvider')?.input).toEqual({
      name: PROVIDER_NAME,
      credentialProviderVendor: 'CustomOauth2',
      oauth2ProviderConfigInput: {
        customOauth2ProviderConfig: {
          ...PROVIDER_CONFIG_INPUT.customOauth2ProviderConfig,
          clientSecret: '<redacted>',
        },
      },
    });
    const policy = policyOf(requestOf(context, 'PutRolePolicy')?.input);
    expect(statement(policy, 'GetTheTargetsOauthTokens')).toEqual({
      Action: 'bedrock-agentcore:GetResourceOauth2Token',
      Resource: [
        TOKEN_VAULT,
        `${TOKEN_VAULT}/oauth2credentialprovider/${PROVIDER_NAME}`,
        DIRECTORY,
        `${DIRECTORY}/workload-identity/${GATEWAY_NAME}-*`,
      ],
    });
    expect(statement(policy, 'ReadTheTargetsOauthClientSecrets')).toEqual({
      Action: 'secretsmanager:GetSecretValue',
      Resource: [SECRET_ARN],
    });
    expect(statement(policy, 'InvokeTheRuntimeTargets')).toBeUndefined();
    expect(requestOf(context, 'CreateGatewayTarget')?.input).toEqual({
      gatewayIdentifier: GATEWAY_ID,
      name: 'weather',
      description: 'MCP server weather, registered by agentcore-mcp',
      targetConfiguration: { mcp: { mcpServer: { endpoint: JWT_URL } } },
      credentialProviderConfigurations: OAUTH_CREDENTIALS,
    });
    expect(readState(context.cwd).targets).toEqual([
      {
        configName: 'weather',
        name: 'weather',
        targetId: TARGET_ID,
        endpoint: JWT_URL,
        auth: 'oauth',
        credentialProvider: { name: PROVIDER_NAME, arn: PROVIDER_ARN },
      },
    ]);
    expect(context.stdout.slice(0, 4)).toEqual([
      `Created the OAuth2 credential provider ${PROVIDER_NAME} (M2M client ${M2M.clientId})`,
      `Created the execution role ${ROLE_ARN}; waiting 10 s for IAM to propagate it`,
      `Creating gateway ${GATEWAY_NAME}`,
      `Created target weather (${TARGET_ID}) → ${JWT_URL}, called with OAuth client credentials from the credential provider ${PROVIDER_NAME}`,
    ]);
    expect(context.stdout.join('\n')).not.toContain(M2M.clientSecret);
    expect(context.stdout.join('\n')).not.toContain('Warning');
  });

  it('a second run reuses the provider, keeps it recorded as created, refreshes the role and leaves the target alone', async () => {
    agentCore.on(GetAgentRuntimeCommand).resolves(JWT_RUNTIME);
    agentCore
      .on(GetOauth2CredentialProviderCommand)
      .rejectsOnce(new ResourceNotFoundException({ message: 'not found', $metadata: {} }))
      .resolves(FOUND_PROVIDER);
    agentCore.on(CreateOauth2CredentialProviderCommand).resolves({
      name: PROVIDER_NAME,
      credentialProviderArn: PROVIDER_ARN,
      clientSecretArn: { secretArn: SECRET_ARN },
    });
    mockNewRole();
    mockNewGatewayAndTarget();
    const cwd = projectWithTargets({ weather: JWT_URL });
    await registerManagedGateway({}, testContext({ cwd }));
    agentCore.reset();
    iam.reset();
    agentCore.on(GetAgentRuntimeCommand).resolves(JWT_RUNTIME);
    agentCore.on(GetOauth2CredentialProviderCommand).resolves(FOUND_PROVIDER);
    mockExistingRole();
    mockReusedGateway({ credentialProviderConfigurations: OAUTH_CREDENTIALS });
    const context = testContext({ cwd });

    await registerManagedGateway({}, context);

    expect(operations(context.aws.requests)).toEqual([
      'bedrock-agentcore:GetAgentRuntime',
      'bedrock-agentcore:GetOauth2CredentialProvider',
      'bedrock-agentcore:ListGateways',
      'bedrock-agentcore:GetGateway',
      'sts:GetCallerIdentity',
      'iam:GetRole',
      'iam:UpdateAssumeRolePolicy',
      'iam:PutRolePolicy',
      'bedrock-agentcore:ListGatewayTargets',
      'bedrock-agentcore:GetGatewayTarget',
    ]);
    expect(agentCore.commandCalls(CreateOauth2CredentialProviderCommand)).toEqual([]);
    expect(context.stdout).toContain(
      `Reusing the OAuth2 credential provider ${PROVIDER_NAME} (M2M client ${M2M.clientId})`,
    );
    expect(context.stdout).toContain(
      `Reused target weather (${TARGET_ID}) → ${JWT_URL}, called with OAuth client credentials from the credential provider ${PROVIDER_NAME}`,
    );
    expect(readState(cwd).targets[0]?.credentialProvider).toEqual({
      name: PROVIDER_NAME,
      arn: PROVIDER_ARN,
    });
    expect(context.sleeps).toEqual([]);
  });

  it('does not record a provider it found without having created it', async () => {
    agentCore.on(GetAgentRuntimeCommand).resolves(JWT_RUNTIME);
    agentCore.on(GetOauth2CredentialProviderCommand).resolves(FOUND_PROVIDER);
    mockNewRole();
    mockNewGatewayAndTarget();
    const context = testContext({ cwd: projectWithTargets({ weather: JWT_URL }) });

    await registerManagedGateway({}, context);

    const [target] = readState(context.cwd).targets;
    expect(target?.auth).toBe('oauth');
    expect(target).not.toHaveProperty('credentialProvider');
  });

  it('updates a provider whose client changed and warns when the runtime does not allow the M2M client', async () => {
    agentCore.on(GetAgentRuntimeCommand).resolves({
      ...JWT_RUNTIME,
      authorizerConfiguration: {
        customJWTAuthorizer: {
          discoveryUrl: AUTHORIZER.discoveryUrl,
          allowedClients: ['client-1'],
        },
      },
    });
    agentCore.on(GetOauth2CredentialProviderCommand).resolves({
      ...FOUND_PROVIDER,
      oauth2ProviderConfigOutput: {
        customOauth2ProviderConfig: {
          clientId: 'old-m2m-client',
          oauthDiscovery: { discoveryUrl: AUTHORIZER.discoveryUrl },
        },
      },
    });
    agentCore.on(UpdateOauth2CredentialProviderCommand).resolves({
      name: PROVIDER_NAME,
      credentialProviderArn: PROVIDER_ARN,
      clientSecretArn: { secretArn: SECRET_ARN },
    });
    mockNewRole();
    mockNewGatewayAndTarget();
    const context = testContext({ cwd: projectWithTargets({ weather: JWT_URL }) });

    await registerManagedGateway({}, context);

    expect(operations(context.aws.requests).slice(0, 3)).toEqual([
      'bedrock-agentcore:GetAgentRuntime',
      'bedrock-agentcore:GetOauth2CredentialProvider',
      'bedrock-agentcore:UpdateOauth2CredentialProvider',
    ]);
    expect(agentCore.commandCalls(UpdateOauth2CredentialProviderCommand)[0]?.args[0].input).toEqual(
      {
        name: PROVIDER_NAME,
        credentialProviderVendor: 'CustomOauth2',
        oauth2ProviderConfigInput: PROVIDER_CONFIG_INPUT,
      },
    );
    expect(context.stdout.slice(0, 2)).toEqual([
      `Updated the OAuth2 credential provider ${PROVIDER_NAME} (M2M client ${M2M.clientId})`,
      `Warning: runtime weather-AbCdEf1234 does not allow the M2M client ${M2M.clientId} (allowedClients: client-1), so it will refuse the gateway's tokens; add it to its customJWTAuthorizer (setup-cognito --m2m writes it into authorizer_config.json: agentcore-mcp configure --authorizer-config authorizer_config.json, then agentcore-mcp launch)`,
    ]);
  });

  it('auto → iam for an IAM runtime: the role may invoke the runtime and its endpoints, and no provider or credentials file is needed', async () => {
    agentCore.on(GetAgentRuntimeCommand).resolves({ agentRuntimeArn: IAM_RUNTIME_ARN });
    mockNewRole();
    mockNewGatewayAndTarget();
    const context = testContext({ cwd: projectWithTargets({ billing: IAM_URL }, { m2m: false }) });

    await registerManagedGateway({}, context);

    expect(operations(context.aws.requests)).toEqual([
      'bedrock-agentcore:GetAgentRuntime',
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
    ]);
    const policy = policyOf(requestOf(context, 'PutRolePolicy')?.input);
    expect(statement(policy, 'InvokeTheRuntimeTargets')).toEqual({
      Action: 'bedrock-agentcore:InvokeAgentRuntime',
      Resource: [IAM_RUNTIME_ARN, `${IAM_RUNTIME_ARN}/*`],
    });
    expect(statement(policy, 'GetTheTargetsOauthTokens')).toBeUndefined();
    expect(requestOf(context, 'CreateGatewayTarget')?.input).toEqual({
      gatewayIdentifier: GATEWAY_ID,
      name: 'billing',
      description: 'MCP server billing, registered by agentcore-mcp',
      targetConfiguration: { mcp: { mcpServer: { endpoint: IAM_URL } } },
      credentialProviderConfigurations: IAM_CREDENTIALS,
    });
    expect(readState(context.cwd).targets[0]).toEqual({
      configName: 'billing',
      name: 'billing',
      targetId: TARGET_ID,
      endpoint: IAM_URL,
      auth: 'iam',
    });
    expect(context.stdout).toContain(
      `Created target billing (${TARGET_ID}) → ${IAM_URL}, called with IAM (SigV4 with the gateway's execution role)`,
    );
  });

  it('with --role-arn leaves the role alone and prints the permission it needs', async () => {
    const ownRole = `arn:aws:iam::${ACCOUNT}:role/my-own-role`;
    agentCore.on(GetAgentRuntimeCommand).resolves({ agentRuntimeArn: IAM_RUNTIME_ARN });
    mockNewGatewayAndTarget();
    const context = testContext({ cwd: projectWithTargets({ billing: IAM_URL }, { m2m: false }) });

    await registerManagedGateway({ roleArn: ownRole, targetAuth: 'iam' }, context);

    expect(operations(context.aws.requests)).toEqual([
      'bedrock-agentcore:GetAgentRuntime',
      'bedrock-agentcore:ListGateways',
      'bedrock-agentcore:CreateGateway',
      'bedrock-agentcore:GetGateway',
      'bedrock-agentcore:ListGatewayTargets',
      'bedrock-agentcore:CreateGatewayTarget',
      'bedrock-agentcore:GetGatewayTarget',
    ]);
    expect(iam.calls()).toEqual([]);
    expect(requestOf(context, 'CreateGateway')?.input).toEqual(
      expect.objectContaining({ roleArn: ownRole }),
    );
    expect(context.stdout[0]).toBe(
      `The execution role ${ownRole} is not one register-managed created, so it was not changed; for its targets with credentials it needs: bedrock-agentcore:InvokeAgentRuntime on ${IAM_RUNTIME_ARN}, ${IAM_RUNTIME_ARN}/*`,
    );
  });

  it('gives an existing target its credentials (UpdateGatewayTarget) after waiting for the new IAM permissions', async () => {
    agentCore.on(GetAgentRuntimeCommand).resolves({ agentRuntimeArn: IAM_RUNTIME_ARN });
    mockExistingRole();
    mockReusedGateway({});
    agentCore
      .on(GetGatewayTargetCommand)
      .resolvesOnce({
        targetId: TARGET_ID,
        status: 'READY',
        targetConfiguration: { mcp: { mcpServer: { endpoint: IAM_URL } } },
      })
      .resolves({ targetId: TARGET_ID, status: 'READY' });
    agentCore.on(UpdateGatewayTargetCommand).resolves({ targetId: TARGET_ID, status: 'UPDATING' });
    const context = testContext({ cwd: projectWithTargets({ weather: IAM_URL }, { m2m: false }) });

    await registerManagedGateway({}, context);

    expect(operations(context.aws.requests)).toEqual([
      'bedrock-agentcore:GetAgentRuntime',
      'bedrock-agentcore:ListGateways',
      'bedrock-agentcore:GetGateway',
      'sts:GetCallerIdentity',
      'iam:GetRole',
      'iam:UpdateAssumeRolePolicy',
      'iam:PutRolePolicy',
      'bedrock-agentcore:ListGatewayTargets',
      'bedrock-agentcore:GetGatewayTarget',
      'bedrock-agentcore:UpdateGatewayTarget',
      'bedrock-agentcore:GetGatewayTarget',
    ]);
    expect(requestOf(context, 'UpdateGatewayTarget')?.input).toEqual({
      gatewayIdentifier: GATEWAY_ID,
      targetId: TARGET_ID,
      name: 'weather',
      targetConfiguration: { mcp: { mcpServer: { endpoint: IAM_URL } } },
      credentialProviderConfigurations: IAM_CREDENTIALS,
    });
    expect(context.sleeps).toEqual([10_000]);
    expect(context.stdout).toContain(
      "Waiting 10 s for IAM to apply the execution role's new permissions",
    );
  });

  it.each([
    [
      'iam' as const,
      JWT_RUNTIME,
      JWT_URL,
      'Target rt calls runtime weather-AbCdEf1234, which is JWT-authorized (customJWTAuthorizer), so it refuses SigV4: use --target-auth oauth (or auto) instead of --target-auth iam',
    ],
    [
      'oauth' as const,
      { agentRuntimeArn: IAM_RUNTIME_ARN },
      IAM_URL,
      'Target rt calls runtime billing-ZyXwVu9876, which is IAM-authorized (SigV4, no customJWTAuthorizer), so it refuses bearer tokens: use --target-auth iam (or auto) instead of --target-auth oauth',
    ],
  ])(
    '--target-auth %s against a runtime that refuses it stops after GetAgentRuntime',
    async (targetAuth, runtime, url, message) => {
      agentCore.on(GetAgentRuntimeCommand).resolves(runtime);
      const context = testContext({ cwd: projectWithTargets({ rt: url }) });

      await expect(registerManagedGateway({ targetAuth }, context)).rejects.toMatchObject({
        code: 'ERR_INVALID_INPUT',
        message,
      });
      expect(operations(context.aws.requests)).toEqual(['bedrock-agentcore:GetAgentRuntime']);
    },
  );

  it.each([
    [
      'no credentials file',
      false as const,
      'OAuth runtime targets need the M2M client credentials of setup-cognito --m2m, and there is no .agentcore-mcp/cognito-credentials.json: run agentcore-mcp setup-cognito --m2m (or pass --credentials FILE)',
    ],
    [
      'a credentials file without m2m',
      'none' as const,
      'OAuth runtime targets need M2M client credentials, and .agentcore-mcp/cognito-credentials.json has none (no "m2m"): run agentcore-mcp setup-cognito --m2m',
    ],
  ])(
    'a JWT runtime with %s stops on one line naming setup-cognito --m2m',
    async (_case, m2m, message) => {
      agentCore.on(GetAgentRuntimeCommand).resolves(JWT_RUNTIME);
      const context = testContext({ cwd: projectWithTargets({ weather: JWT_URL }, { m2m }) });

      await expect(registerManagedGateway({}, context)).rejects.toMatchObject({
        code: 'ERR_CONFIG_INVALID',
        message,
      });
      expect(operations(context.aws.requests)).toEqual(['bedrock-agentcore:GetAgentRuntime']);
    },
  );

  it('deletes the provider it just created when the gateway cannot be created, so nothing unrecorded is left', async () => {
    agentCore.on(GetAgentRuntimeCommand).resolves(JWT_RUNTIME);
    agentCore.on(GetOauth2CredentialProviderCommand).rejects(notFound());
    agentCore.on(CreateOauth2CredentialProviderCommand).resolves({
      name: PROVIDER_NAME,
      credentialProviderArn: PROVIDER_ARN,
      clientSecretArn: { secretArn: SECRET_ARN },
    });
    agentCore.on(DeleteOauth2CredentialProviderCommand).resolves({});
    agentCore.on(ListGatewaysCommand).resolves({ items: [] });
    agentCore
      .on(CreateGatewayCommand)
      .rejects(new AccessDeniedException({ message: 'not authorized', $metadata: {} }));
    const context = testContext({ cwd: projectWithTargets({ weather: JWT_URL }) });

    await expect(
      registerManagedGateway({ roleArn: `arn:aws:iam::${ACCOUNT}:role/mine` }, context),
    ).rejects.toMatchObject({ code: 'ERR_AWS_REQUEST_FAILED', operation: 'CreateGateway' });
    expect(operations(context.aws.requests)).toEqual([
      'bedrock-agentcore:GetAgentRuntime',
      'bedrock-agentcore:GetOauth2CredentialProvider',
      'bedrock-agentcore:CreateOauth2CredentialProvider',
      'bedrock-agentcore:ListGateways',
      'bedrock-agentcore:CreateGateway',
      'bedrock-agentcore:DeleteOauth2CredentialProvider',
    ]);
    expect(context.stdout.at(-1)).toBe(
      `Deleted the OAuth2 credential provider ${PROVIDER_NAME} again (nothing records it yet)`,
    );
  });

  it('names a runtime that does not exist', async () => {
    agentCore
      .on(GetAgentRuntimeCommand)
      .rejects(new ResourceNotFoundException({ message: 'no such runtime', $metadata: {} }));
    const context = testContext({ cwd: projectWithTargets({ weather: JWT_URL }) });

    await expect(registerManagedGateway({}, context)).rejects.toThrow(
      `Target weather calls runtime ${JWT_RUNTIME_ARN}, which does not exist in us-east-1: fix its URL in the gateway config, or launch the runtime first`,
    );
  });
});

describe('the IAM table in docs/troubleshooting.md', () => {
  it('lists every action the requests of these tests need in the row of gateway register-managed', () => {
    expect(sentRequests().length).toBeGreaterThan(0);
    expect(missingFromIamTable(['gateway register-managed'], sentRequests())).toEqual([]);
  });
});
