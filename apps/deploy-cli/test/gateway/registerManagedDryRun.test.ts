import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { gatewayRoleName } from '../../src/gateway/gatewayRole.js';
import {
  MANAGED_GATEWAY_STATE_FILE,
  readManagedGatewayState,
} from '../../src/gateway/managedGatewayState.js';
import { registerManagedGateway } from '../../src/gateway/registerManagedGateway.js';
import { testContext } from '../testContext.js';
import {
  AUTHORIZER,
  GATEWAY_NAME,
  IAM_RUNTIME_ARN,
  invocationUrlOf,
  JWT_RUNTIME_ARN,
  M2M,
  projectWithGatewayConfig,
  projectWithTargets,
  PROVIDER_NAME,
  RECORDED_TARGETS,
  writeRecordedState,
} from './managedGatewayFixture.js';
import { mockManagedGatewayClients } from './mockManagedGatewayClients.js';

const { agentCore, iam, sts } = mockManagedGatewayClients();

const DRY = 'arn:aws:bedrock-agentcore:us-east-1:111122223333';
const DRY_ID = `${GATEWAY_NAME}-dryrun0000`;
const DRY_PROVIDER_ARN = `${DRY}:token-vault/default/oauth2credentialprovider/${PROVIDER_NAME}`;
const DRY_SECRET_ARN = `arn:aws:secretsmanager:us-east-1:111122223333:secret:bedrock-agentcore-identity!default/oauth2/${PROVIDER_NAME}-dryrun`;

/** The numbered request lines, without their numbers. */
function requestLines(stdout: readonly string[]): string[] {
  return stdout
    .filter((line) => /^ {2}\d+\. /.test(line))
    .map((line) => line.replace(/^ {2}\d+\. /, ''));
}

describe('gateway register-managed --dry-run with AgentCore Runtime targets', () => {
  it('a JWT runtime (assumed): the provider, the role with its token and secret, the OAUTH target, and never the secret', async () => {
    const url = invocationUrlOf(JWT_RUNTIME_ARN);
    const context = testContext({ cwd: projectWithTargets({ weather: url }), dryRun: true });

    await registerManagedGateway({}, context);

    const roleName = gatewayRoleName(GATEWAY_NAME, 'us-east-1');
    expect(context.stdout[0]).toBe(
      'Dry run: assuming runtime weather-AbCdEf1234 is JWT-authorized (OAuth); pass --target-auth iam if it uses IAM',
    );
    expect(context.stdout[1]).toBe('Dry run: nothing was sent. The 13 AWS requests, in order:');
    const lines = requestLines(context.stdout);
    expect(lines.map((line) => line.split(' ')[0])).toEqual([
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
    expect(lines[0]).toBe(
      'bedrock-agentcore:GetAgentRuntime {"agentRuntimeId":"weather-AbCdEf1234"}',
    );
    expect(lines[1]).toBe(
      `bedrock-agentcore:GetOauth2CredentialProvider {"name":"${PROVIDER_NAME}"}`,
    );
    expect(lines[2]).toBe(
      `bedrock-agentcore:CreateOauth2CredentialProvider ${JSON.stringify({
        name: PROVIDER_NAME,
        credentialProviderVendor: 'CustomOauth2',
        oauth2ProviderConfigInput: {
          customOauth2ProviderConfig: {
            oauthDiscovery: { discoveryUrl: AUTHORIZER.discoveryUrl },
            clientId: M2M.clientId,
            clientSecret: '<redacted>',
          },
        },
      })}`,
    );
    expect(lines[7]).toContain(`"PolicyName":"AgentCoreMcpGatewayPolicy-${GATEWAY_NAME}"`);
    expect(lines[7]).toContain(`"RoleName":"${roleName}"`);
    expect(lines[7]).toContain('bedrock-agentcore:GetResourceOauth2Token');
    expect(lines[7]).toContain(DRY_SECRET_ARN);
    expect(lines[11]).toBe(
      `bedrock-agentcore:CreateGatewayTarget ${JSON.stringify({
        gatewayIdentifier: DRY_ID,
        name: 'weather',
        description: 'MCP server weather, registered by agentcore-mcp',
        targetConfiguration: { mcp: { mcpServer: { endpoint: url } } },
        credentialProviderConfigurations: [
          {
            credentialProviderType: 'OAUTH',
            credentialProvider: {
              oauthCredentialProvider: {
                providerArn: DRY_PROVIDER_ARN,
                scopes: M2M.scopes,
                grantType: 'CLIENT_CREDENTIALS',
              },
            },
          },
        ],
      })}`,
    );
    expect(context.stdout.join('\n')).not.toContain(M2M.clientSecret);
    // sts:GetCallerIdentity is planned (line 5) but never sent, and nor is anything else.
    expect(sts.calls()).toEqual([]);
    expect(agentCore.calls()).toEqual([]);
    expect(iam.calls()).toEqual([]);
    expect(existsSync(join(context.cwd, MANAGED_GATEWAY_STATE_FILE))).toBe(false);
  });

  it('an IAM runtime with --target-auth iam: no provider, InvokeAgentRuntime in the role, a GATEWAY_IAM_ROLE target', async () => {
    const url = invocationUrlOf(IAM_RUNTIME_ARN);
    const context = testContext({
      cwd: projectWithTargets({ billing: url }, { m2m: false }),
      dryRun: true,
    });

    await registerManagedGateway({ targetAuth: 'iam' }, context);

    expect(context.stdout[0]).toBe(
      'Dry run: assuming runtime billing-ZyXwVu9876 is IAM-authorized (--target-auth iam)',
    );
    const lines = requestLines(context.stdout);
    expect(lines.map((line) => line.split(' ')[0])).toEqual([
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
    expect(lines[5]).toContain(
      JSON.stringify({
        Sid: 'InvokeTheRuntimeTargets',
        Effect: 'Allow',
        Action: 'bedrock-agentcore:InvokeAgentRuntime',
        Resource: [IAM_RUNTIME_ARN, `${IAM_RUNTIME_ARN}/*`],
      }).replaceAll('"', '\\"'),
    );
    expect(lines[9]).toContain(
      JSON.stringify({
        credentialProviderConfigurations: [
          {
            credentialProviderType: 'GATEWAY_IAM_ROLE',
            credentialProvider: {
              iamCredentialProvider: { service: 'bedrock-agentcore', region: 'us-east-1' },
            },
          },
        ],
      }).slice(1, -1),
    );
    expect(sts.calls()).toEqual([]);
    expect(agentCore.calls()).toEqual([]);
    expect(iam.calls()).toEqual([]);
    expect(existsSync(join(context.cwd, MANAGED_GATEWAY_STATE_FILE))).toBe(false);
  });
});

describe('gateway register-managed --dry-run with --target-credential', () => {
  const GITHUB_ARN =
    'arn:aws:bedrock-agentcore:us-east-1:123456789012:token-vault/default/oauth2credentialprovider/github-oauth';

  it('--dry-run shows the lookups, the grants and the credentials it would send, and calls nothing', async () => {
    const context = testContext({
      cwd: projectWithGatewayConfig({
        mcpServers: {
          search: {
            url: 'https://search.example.com/mcp',
            headers: { 'X-Subscription-Token': '${KEY}' },
          },
          github_tools: { url: 'https://github.example.com/mcp' },
        },
      }),
      dryRun: true,
    });

    await registerManagedGateway(
      {
        targetCredential: [
          'search=api-key:search-key:X-Subscription-Token',
          `github_tools=oauth:${GITHUB_ARN}:repo,read:user`,
        ],
      },
      context,
    );

    for (const mock of [agentCore, iam, sts]) expect(mock.calls()).toEqual([]);
    const lines = context.stdout.filter((line) => /^ {2}\d+\. /.test(line));
    expect(lines.slice(0, 2)).toEqual([
      '  1. bedrock-agentcore:GetApiKeyCredentialProvider {"name":"search-key"}',
      '  2. bedrock-agentcore:GetOauth2CredentialProvider {"name":"github-oauth"}',
    ]);
    const dryVault = 'arn:aws:bedrock-agentcore:us-east-1:111122223333:token-vault/default';
    const search = lines.find((line) => line.includes('"name":"search"'));
    expect(search).toContain(
      JSON.stringify({
        credentialProviderConfigurations: [
          {
            credentialProviderType: 'API_KEY',
            credentialProvider: {
              apiKeyCredentialProvider: {
                providerArn: `${dryVault}/apikeycredentialprovider/search-key`,
                credentialLocation: 'HEADER',
                credentialParameterName: 'X-Subscription-Token',
              },
            },
          },
        ],
      }).slice(1, -1),
    );
    // The ARN the flag gave is the one planned.
    expect(lines.find((line) => line.includes('"name":"github-tools"'))).toContain(
      `"providerArn":"${GITHUB_ARN}"`,
    );
    const policy = lines.find((line) => line.includes('iam:PutRolePolicy')) ?? '';
    expect(policy).toContain('bedrock-agentcore:GetResourceApiKey');
    expect(policy).toContain(
      'arn:aws:secretsmanager:us-east-1:111122223333:secret:bedrock-agentcore-identity!default/apikey/search-key-dryrun',
    );
  });
});

describe('gateway register-managed --dry-run --prune', () => {
  it('plans the deletion of a recorded target the config no longer registers, and of its own provider', async () => {
    const cwd = projectWithGatewayConfig();
    writeRecordedState(cwd, {
      targets: [
        {
          ...RECORDED_TARGETS[1]!,
          auth: 'oauth',
          credentialProvider: { name: PROVIDER_NAME, arn: 'arn:provider' },
        },
      ],
    });
    const context = testContext({ cwd, dryRun: true });

    await registerManagedGateway({ prune: true }, context);

    const lines = requestLines(context.stdout).map((line) => line.split(' ')[0]);
    expect(lines.slice(-2)).toEqual([
      'bedrock-agentcore:DeleteGatewayTarget',
      'bedrock-agentcore:DeleteOauth2CredentialProvider',
    ]);
    // Nothing written: the state still records the target.
    expect(readManagedGatewayState(cwd).targets.map((target) => target.configName)).toEqual([
      'files',
    ]);
  });
});
