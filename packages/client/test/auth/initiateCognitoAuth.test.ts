import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { AgentCoreMcpError } from '@agentcore-mcp/core';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  type CognitoAuthTarget,
  initiateCognitoAuth,
  TokenProviderError,
} from '../../src/index.js';
import { type CognitoTestPool, generatePassword, startCognitoTestPool } from './cognitoTestPool.js';

describe('initiateCognitoAuth (against cognito-local)', () => {
  let pool: CognitoTestPool;
  let target: CognitoAuthTarget;

  beforeAll(async () => {
    pool = await startCognitoTestPool();
    target = {
      region: pool.cognito.region,
      endpoint: pool.cognito.endpoint,
      clientId: pool.clientId,
    };
  });
  afterAll(async () => {
    await pool?.stop();
  });

  it('signs in with USER_PASSWORD_AUTH: access, ID and refresh tokens, expiresAt a Date', async () => {
    const user = await pool.createUser();

    const tokens = await initiateCognitoAuth({ flow: 'USER_PASSWORD_AUTH', ...user }, target);

    expect(decodeJwt(tokens.accessToken)).toMatchObject({
      token_use: 'access',
      client_id: pool.clientId,
      username: user.username,
    });
    expect(decodeJwt(tokens.idToken!)).toMatchObject({ aud: pool.clientId });
    expect(tokens.refreshToken).toEqual(expect.any(String));
    expect(tokens.expiresAt).toEqual(new Date(decodeJwt(tokens.accessToken).exp! * 1000));
  });

  it('refreshes with REFRESH_TOKEN_AUTH', async () => {
    const user = await pool.createUser();
    const refreshToken = await pool.signIn(user);
    await pool.setPassword(user.username, generatePassword());

    const tokens = await initiateCognitoAuth({ flow: 'REFRESH_TOKEN_AUTH', refreshToken }, target);

    expect(decodeJwt(tokens.accessToken)).toMatchObject({ username: user.username });
    expect(tokens.expiresAt).toBeInstanceOf(Date);
    expect(tokens.expiresAt.getTime()).toBeGreaterThan(Date.now());
  });

  it('fails with a one-line TokenProviderError naming the Cognito error, with errorName', async () => {
    const user = await pool.createUser();
    const wrong = generatePassword();

    const error = await initiateCognitoAuth(
      { flow: 'USER_PASSWORD_AUTH', username: user.username, password: wrong },
      target,
    ).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(TokenProviderError);
    const { code, message, errorName, cause } = error as TokenProviderError;
    expect(code).toBe('ERR_TOKEN_REFRESH_FAILED');
    // Cognito says NotAuthorizedException for a wrong password; cognito-local InvalidPasswordException.
    expect(errorName).toMatch(/^(NotAuthorized|InvalidPassword)Exception$/);
    expect(message).toMatch(
      /^Cannot sign in to Cognito with the password: (NotAuthorized|InvalidPassword)Exception: .+ — check username and password, or run agentcore-mcp setup-cognito again$/,
    );
    expect(message).not.toContain(wrong);
    expect(cause).toMatchObject({ name: errorName });
  });

  it('names NotAuthorizedException for a refused refresh token', async () => {
    const refreshToken = `bad-${randomBytes(16).toString('hex')}`;

    const error = await initiateCognitoAuth(
      { flow: 'REFRESH_TOKEN_AUTH', refreshToken },
      target,
    ).catch((caught: unknown) => caught);

    expect(error).toMatchObject({ errorName: 'NotAuthorizedException' });
    expect((error as Error).message).toMatch(
      /^Cannot refresh the Cognito access token: NotAuthorizedException: .+ — run agentcore-mcp setup-cognito again, or pass username and password to sign in anew$/,
    );
    expect((error as Error).message).not.toContain(refreshToken);
  });

  it('asks the caller for the hint, with the error name and the flow', async () => {
    const refreshToken = `bad-${randomBytes(16).toString('hex')}`;
    const asked: [string, string][] = [];

    const error = await initiateCognitoAuth(
      { flow: 'REFRESH_TOKEN_AUTH', refreshToken },
      {
        ...target,
        hint: (errorName, flow) => {
          asked.push([errorName, flow]);
          return 'the stored refresh token was rejected; run setup-cognito again';
        },
      },
    ).catch((caught: unknown) => caught);

    expect(asked).toEqual([['NotAuthorizedException', 'REFRESH_TOKEN_AUTH']]);
    expect((error as Error).message).toMatch(
      /^Cannot refresh the Cognito access token: NotAuthorizedException: .+ — the stored refresh token was rejected; run setup-cognito again$/,
    );
  });

  it('reports a challenge with its name, and the caller may word its hint', async () => {
    const user = await pool.createUser({ temporaryPassword: true });

    await expect(
      initiateCognitoAuth(
        { flow: 'USER_PASSWORD_AUTH', ...user },
        { ...target, hint: (name) => (name === 'NEW_PASSWORD_REQUIRED' ? 'set one' : undefined) },
      ),
    ).rejects.toThrow(
      new TokenProviderError(
        'Cannot get a Cognito access token: USER_PASSWORD_AUTH ended in the NEW_PASSWORD_REQUIRED challenge, which this provider cannot answer — set one',
        { errorName: 'NEW_PASSWORD_REQUIRED' },
      ),
    );
  });

  it('names the socket error when the endpoint is unreachable', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));

    await expect(
      initiateCognitoAuth(
        { flow: 'USER_PASSWORD_AUTH', username: 'u', password: 'p' },
        { ...target, endpoint: `http://127.0.0.1:${port}` },
      ),
    ).rejects.toThrow(
      new TokenProviderError(
        'Cannot sign in to Cognito with the password: ECONNREFUSED — check region, endpoint and the network',
        { errorName: 'ECONNREFUSED' },
      ),
    );
  });

  it.each([
    [{ region: ' ' }, { flow: 'REFRESH_TOKEN_AUTH', refreshToken: 'r' }, 'region is empty'],
    [{ clientId: '' }, { flow: 'REFRESH_TOKEN_AUTH', refreshToken: 'r' }, 'clientId is empty'],
    [{}, { flow: 'REFRESH_TOKEN_AUTH', refreshToken: '' }, 'refreshToken is empty'],
    [{}, { flow: 'USER_PASSWORD_AUTH', username: 'u', password: '' }, 'username or password'],
  ] as const)('rejects %j with %j as ERR_CONFIG_INVALID', async (extra, signIn, problem) => {
    const error = await initiateCognitoAuth(signIn, { ...target, ...extra }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(AgentCoreMcpError);
    expect(error).toMatchObject({
      code: 'ERR_CONFIG_INVALID',
      message: expect.stringContaining(`Invalid Cognito sign-in: ${problem}`) as unknown,
    });
  });
});
