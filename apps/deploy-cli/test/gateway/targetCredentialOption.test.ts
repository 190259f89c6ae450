import {
  BedrockAgentCoreControlClient,
  GetApiKeyCredentialProviderCommand,
  ResourceNotFoundException,
} from '@aws-sdk/client-bedrock-agentcore-control';
import { IAMClient } from '@aws-sdk/client-iam';
import { STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';

import { CliError } from '../../src/errors.js';
import { registerManagedGateway } from '../../src/gateway/registerManagedGateway.js';
import { parseTargetCredentials } from '../../src/gateway/targetCredentialOption.js';
import { testContext } from '../testContext.js';
import {
  invocationUrlOf,
  JWT_RUNTIME_ARN,
  operations,
  projectWithGatewayConfig,
} from './managedGatewayFixture.js';

const agentCore = mockClient(BedrockAgentCoreControlClient);
const iam = mockClient(IAMClient);
const sts = mockClient(STSClient);
const mocks = [agentCore, iam, sts];
beforeEach(() => {
  for (const mock of mocks) mock.reset();
});

const VAULT = 'arn:aws:bedrock-agentcore:us-east-1:123456789012:token-vault/default';
const USAGE =
  'expected <target>=api-key:<provider>[:<header>] or <target>=oauth:<provider>[:<scope>,<scope>…], where <provider> is the name or ARN of an AgentCore Identity credential provider';

describe('parseTargetCredentials', () => {
  it.each([
    [
      'an API key provider by name, in Authorization by default',
      'search=api-key:search-key',
      {
        kind: 'api-key',
        provider: { kind: 'api-key', name: 'search-key' },
        header: 'Authorization',
      },
    ],
    [
      'an API key provider by ARN, in another header',
      `search=api-key:${VAULT}/apikeycredentialprovider/search-key:X-Api-Key`,
      {
        kind: 'api-key',
        provider: {
          kind: 'api-key',
          name: 'search-key',
          arn: `${VAULT}/apikeycredentialprovider/search-key`,
        },
        header: 'X-Api-Key',
      },
    ],
    [
      'an OAuth2 provider without scopes',
      'github=oauth:github-oauth',
      { kind: 'oauth', provider: { kind: 'oauth2', name: 'github-oauth' }, scopes: [] },
    ],
    [
      'scopes with colons and URLs',
      `drive=oauth:${VAULT}/oauth2credentialprovider/google:https://www.googleapis.com/auth/drive.readonly, read:user`,
      {
        kind: 'oauth',
        provider: {
          kind: 'oauth2',
          name: 'google',
          arn: `${VAULT}/oauth2credentialprovider/google`,
        },
        scopes: ['https://www.googleapis.com/auth/drive.readonly', 'read:user'],
      },
    ],
  ])('%s', (_case, value, spec) => {
    expect(parseTargetCredentials([value], 'us-east-1')).toEqual(
      new Map([[value.split('=')[0], spec]]),
    );
  });
});

describe('register-managed refuses a --target-credential with one line, before any request', () => {
  const cwd = () =>
    projectWithGatewayConfig({
      mcpServers: {
        search: { url: 'https://search.example.com/mcp', headers: { 'X-Api-Key': '${KEY}' } },
        tenant: {
          url: 'https://tenant.example.com/mcp',
          headers: { Authorization: 'Bearer ${T}', 'X-Tenant': 'acme' },
        },
        plain: { url: 'http://plain.example.com/mcp' },
        weather: { url: invocationUrlOf(JWT_RUNTIME_ARN) },
      },
    });

  it.each([
    [
      'an unknown kind',
      'search=basic:x',
      `--target-credential "search=basic:x": it is not in the expected form; ${USAGE}`,
    ],
    [
      'a provider name AgentCore refuses',
      'search=api-key:my key',
      `--target-credential "search=api-key:my key": the provider name "my key": it must match [a-zA-Z0-9\\-_]+ (bedrock-agentcore-control#CredentialProviderName); ${USAGE}`,
    ],
    [
      'a header that is not an HTTP header name',
      'search=api-key:k:X Key',
      `--target-credential "search=api-key:k:X Key": "X Key" is not an HTTP header name; ${USAGE}`,
    ],
    [
      'a header name longer than the model allows',
      `search=api-key:k:X-${'a'.repeat(63)}`,
      `--target-credential "search=api-key:k:X-${'a'.repeat(63)}": the header name "X-${'a'.repeat(63)}": it is 65 characters long, but bedrock-agentcore-control#GatewayApiKeyCredentialProvider$credentialParameterName allows 1 to 64; ${USAGE}`,
    ],
    [
      'a scope longer than the model allows',
      `search=oauth:g:${'s'.repeat(65)}`,
      `--target-credential "search=oauth:g:${'s'.repeat(65)}": the scope "${'s'.repeat(65)}": it is 65 characters long, but bedrock-agentcore-control#OAuthCredentialProvider$scopes (each item) allows 1 to 64; ${USAGE}`,
    ],
    [
      'a provider in another region',
      'search=api-key:arn:aws:bedrock-agentcore:eu-west-1:123456789012:token-vault/default/apikeycredentialprovider/k',
      `--target-credential "search=api-key:arn:aws:bedrock-agentcore:eu-west-1:123456789012:token-vault/default/apikeycredentialprovider/k": the provider is in eu-west-1, the gateway in us-east-1; use one in us-east-1; ${USAGE}`,
    ],
    [
      'an OAuth2 provider ARN given as an API key',
      `search=api-key:${VAULT}/oauth2credentialprovider/g`,
      `--target-credential "search=api-key:${VAULT}/oauth2credentialprovider/g": "${VAULT}/oauth2credentialprovider/g" is the ARN of an OAuth2 credential provider, not an API key one; ${USAGE}`,
    ],
    [
      'the same target twice',
      ['search=api-key:a', 'search=api-key:b'],
      `--target-credential "search=api-key:b": target search has a credential already; give it once; ${USAGE}`,
    ],
    [
      'a target the config does not have',
      'nope=api-key:k',
      '--target-credential nope=…: gateway.json has no target "nope" (its targets: search, tenant, plain, weather)',
    ],
    [
      'a target that is not registered',
      'plain=api-key:k',
      '--target-credential plain=…: target plain is not registered: http://plain.example.com/mcp is not https://: AgentCore Gateway calls MCP servers only at public https:// URLs',
    ],
    [
      'a target with headers besides its credential',
      'tenant=oauth:g',
      '--target-credential tenant=…: target tenant is not registered: it sends headers besides its credential (X-Tenant), which a managed gateway cannot add; keep it behind our own gateway (gateway-service)',
    ],
    [
      'an AgentCore Runtime target',
      'weather=oauth:g',
      '--target-credential weather=…: target weather calls AgentCore Runtime weather-AbCdEf1234, whose outbound auth --target-auth sets up; drop --target-credential weather',
    ],
  ])('%s', async (_case, flags, message) => {
    const context = testContext({ cwd: cwd() });

    const error = await registerManagedGateway({ targetCredential: [flags].flat() }, context).catch(
      (caught: unknown) => caught,
    );

    expect(error).toBeInstanceOf(CliError);
    expect(error).toMatchObject({ code: 'ERR_INVALID_INPUT', message });
    expect(context.aws.requests).toEqual([]);
    for (const mock of mocks) expect(mock.calls()).toEqual([]);
  });
});

describe('register-managed and a --target-credential provider that does not exist', () => {
  it('stops with one line before anything is created when a given provider does not exist', async () => {
    agentCore
      .on(GetApiKeyCredentialProviderCommand)
      .rejects(new ResourceNotFoundException({ message: 'not found', $metadata: {} }));
    const context = testContext({
      cwd: projectWithGatewayConfig({
        mcpServers: { search: { url: 'https://search.example.com/mcp' } },
      }),
    });

    const error = await registerManagedGateway(
      { targetCredential: ['search=api-key:search-key'] },
      context,
    ).then(
      () => undefined,
      (caught: unknown) => caught as Error,
    );

    expect(error?.message).toBe(
      'No AgentCore Identity API key credential provider "search-key" in us-east-1: create it in AgentCore Identity (aws bedrock-agentcore-control create-api-key-credential-provider --name search-key …), or fix --target-credential search=…',
    );
    expect(operations(context.aws.requests)).toEqual([
      'bedrock-agentcore:GetApiKeyCredentialProvider',
    ]);
    expect(iam.calls()).toEqual([]);
    expect(sts.calls()).toEqual([]);
  });
});
