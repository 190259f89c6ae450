import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  type CognitoLocal,
  signCognitoLocalToken,
  startCognitoLocal,
  verifyWithDiscovery,
} from '../src/index.js';

/** One Cognito API call over the AWS JSON 1.1 protocol (cognito-local checks no signature). */
async function cognitoCall<T>(
  cognito: CognitoLocal,
  operation: string,
  input: Record<string, unknown>,
): Promise<T> {
  const response = await fetch(cognito.endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': `AWSCognitoIdentityProviderService.${operation}`,
    },
    body: JSON.stringify(input),
  });
  const body = (await response.json()) as T;
  if (!response.ok)
    throw new Error(`${operation}: HTTP ${response.status} ${JSON.stringify(body)}`);
  return body;
}

interface Pool {
  poolId: string;
  clientId: string;
  accessToken: string;
}

/** The AWS sample's flow: pool → client → user → permanent password → USER_PASSWORD_AUTH. */
async function createPoolWithToken(cognito: CognitoLocal): Promise<Pool> {
  const { UserPool } = await cognitoCall<{ UserPool: { Id: string } }>(cognito, 'CreateUserPool', {
    PoolName: 'MCPServerPool',
    Policies: { PasswordPolicy: { MinimumLength: 8 } },
  });
  const { UserPoolClient } = await cognitoCall<{ UserPoolClient: { ClientId: string } }>(
    cognito,
    'CreateUserPoolClient',
    {
      UserPoolId: UserPool.Id,
      ClientName: 'MCPServerPoolClient',
      GenerateSecret: false,
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    },
  );
  const user = { UserPoolId: UserPool.Id, Username: 'testuser' };
  await cognitoCall(cognito, 'AdminCreateUser', { ...user, MessageAction: 'SUPPRESS' });
  await cognitoCall(cognito, 'AdminSetUserPassword', {
    ...user,
    Password: 'Local-Test-Password-1',
    Permanent: true,
  });
  const { AuthenticationResult } = await cognitoCall<{
    AuthenticationResult: { AccessToken: string };
  }>(cognito, 'InitiateAuth', {
    ClientId: UserPoolClient.ClientId,
    AuthFlow: 'USER_PASSWORD_AUTH',
    AuthParameters: { USERNAME: 'testuser', PASSWORD: 'Local-Test-Password-1' },
  });
  return {
    poolId: UserPool.Id,
    clientId: UserPoolClient.ClientId,
    accessToken: AuthenticationResult.AccessToken,
  };
}

describe('startCognitoLocal', () => {
  let first: CognitoLocal;
  let second: CognitoLocal;

  beforeAll(async () => {
    [first, second] = await Promise.all([startCognitoLocal(), startCognitoLocal()]);
  });
  afterAll(async () => {
    await Promise.all([first?.stop(), second?.stop()]);
  });

  it('runs two instances at once, each on its own port', () => {
    expect(first.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(second.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(first.endpoint).not.toBe(second.endpoint);
    expect(first.region).toBe('us-east-1');
  });

  it('serves a discovery document that points at its own front', async () => {
    const port = new URL(first.endpoint).port;
    const url = first.discoveryUrl('us-east-1_abc');
    expect(url).toBe(`http://localhost:${port}/us-east-1_abc/.well-known/openid-configuration`);
    const document = (await (await fetch(url)).json()) as Record<string, unknown>;
    expect(document).toMatchObject({
      issuer: `http://localhost:${port}/us-east-1_abc`,
      jwks_uri: `http://localhost:${port}/us-east-1_abc/.well-known/jwks.json`,
    });
    const jwks = (await (await fetch(document.jwks_uri as string)).json()) as {
      keys: { kid: string }[];
    };
    expect(jwks.keys.map((key) => key.kid)).toEqual(['CognitoLocal']);
  });

  it.each([
    { instance: 'the first', pick: () => first },
    { instance: 'the second', pick: () => second },
  ])('issues access tokens that verify against the discovery of $instance', async ({ pick }) => {
    const cognito = pick();
    const { poolId, clientId, accessToken } = await createPoolWithToken(cognito);
    const { payload, issuer } = await verifyWithDiscovery(
      accessToken,
      cognito.discoveryUrl(poolId),
    );
    expect(payload.iss).toBe(issuer);
    expect(issuer).toBe(`http://localhost:${new URL(cognito.endpoint).port}/${poolId}`);
    expect(payload).toMatchObject({
      client_id: clientId,
      token_use: 'access',
      username: 'testuser',
    });
  });

  it('keeps the instances apart: a pool of one is unknown to the other', async () => {
    const { poolId } = await createPoolWithToken(first);
    await expect(cognitoCall(second, 'DescribeUserPool', { UserPoolId: poolId })).rejects.toThrow(
      /ResourceNotFoundException/,
    );
  });

  it('forges tokens that verify, and expired or foreign ones that do not', async () => {
    const discoveryUrl = first.discoveryUrl('us-east-1_forged');
    const issuer = discoveryUrl.replace('/.well-known/openid-configuration', '');
    const claims = { client_id: 'c1', token_use: 'access', sub: 'u1' };

    const valid = await signCognitoLocalToken(claims, { issuer });
    expect((await verifyWithDiscovery(valid, discoveryUrl)).payload).toMatchObject(claims);

    const expired = await signCognitoLocalToken(claims, { issuer, expiresIn: -60 });
    await expect(verifyWithDiscovery(expired, discoveryUrl)).rejects.toMatchObject({
      code: 'ERR_JWT_EXPIRED',
    });
    const foreign = await signCognitoLocalToken(claims, { issuer: 'http://localhost:1/other' });
    await expect(verifyWithDiscovery(foreign, discoveryUrl)).rejects.toMatchObject({
      code: 'ERR_JWT_CLAIM_VALIDATION_FAILED',
    });
    const unknownKey = await signCognitoLocalToken(claims, { issuer, kid: 'other' });
    await expect(verifyWithDiscovery(unknownKey, discoveryUrl)).rejects.toMatchObject({
      code: 'ERR_JWKS_NO_MATCHING_KEY',
    });
  });

  it('stops, and stopping twice is harmless', async () => {
    const cognito = await startCognitoLocal();
    const health = `${cognito.endpoint}/health`;
    expect((await fetch(health)).status).toBe(200);
    await cognito.stop();
    await cognito.stop();
    await expect(fetch(health)).rejects.toThrow();
  });
});
