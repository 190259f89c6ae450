import { CreateOauth2CredentialProviderCommand } from '@aws-sdk/client-bedrock-agentcore-control';
import { describe, expect, it } from 'vitest';

import { createAwsRequests, REDACTED, redactSecretFields } from '../../src/aws/awsRequests.js';
import { formatDryRun } from '../../src/gateway/formatDryRun.js';

describe('secret fields in recorded requests', () => {
  it.each([
    [
      { clientId: 'a', clientSecret: 's' },
      { clientId: 'a', clientSecret: REDACTED },
    ],
    [
      { Password: 'p', TemporaryPassword: 't' },
      { Password: REDACTED, TemporaryPassword: REDACTED },
    ],
    [
      { SecretString: 's', apiKey: 'k', privateKey: 'x' },
      { SecretString: REDACTED, apiKey: REDACTED, privateKey: REDACTED },
    ],
    [
      { clientSecretArn: { secretArn: 'arn' }, secretId: 'id', nextToken: 't', clientToken: 'c' },
      { clientSecretArn: { secretArn: 'arn' }, secretId: 'id', nextToken: 't', clientToken: 'c' },
    ],
    [{ list: [{ deep: { clientSecret: 's' } }] }, { list: [{ deep: { clientSecret: REDACTED } }] }],
    [{ clientSecret: undefined }, { clientSecret: undefined }],
  ])('%j → %j', (input, expected) => {
    expect(redactSecretFields(input)).toEqual(expected);
  });

  it('keeps binary bodies and dates as they are', () => {
    const body = new Uint8Array([1, 2, 3]);
    const when = new Date();
    const redacted = redactSecretFields({ Body: body, when }) as Record<string, unknown>;
    expect(redacted.Body).toBe(body);
    expect(redacted.when).toBe(when);
  });

  it('a dry run records and prints the request without the secret, and leaves the command as it is', async () => {
    const aws = createAwsRequests({ dryRun: true, region: 'us-east-1' });
    const command = new CreateOauth2CredentialProviderCommand({
      name: 'p',
      credentialProviderVendor: 'CustomOauth2',
      oauth2ProviderConfigInput: {
        customOauth2ProviderConfig: {
          oauthDiscovery: {
            discoveryUrl: 'https://issuer.example.com/.well-known/openid-configuration',
          },
          clientId: 'c',
          clientSecret: 'TOP-SECRET',
        },
      },
    });

    await aws.send(
      { config: { serviceId: 'Bedrock AgentCore Control' }, send: () => Promise.resolve({}) },
      command,
      () => ({}),
    );

    const lines = formatDryRun(aws.requests);
    expect(lines[1]).toBe(
      '  1. bedrock-agentcore:CreateOauth2CredentialProvider {"name":"p","credentialProviderVendor":"CustomOauth2","oauth2ProviderConfigInput":{"customOauth2ProviderConfig":{"oauthDiscovery":{"discoveryUrl":"https://issuer.example.com/.well-known/openid-configuration"},"clientId":"c","clientSecret":"<redacted>"}}}',
    );
    expect(lines.join('\n')).not.toContain('TOP-SECRET');
    expect(command.input.oauth2ProviderConfigInput?.customOauth2ProviderConfig?.clientSecret).toBe(
      'TOP-SECRET',
    );
  });
});
