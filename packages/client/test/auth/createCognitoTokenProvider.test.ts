import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { AgentCoreMcpError } from '@agentcore-mcp/core';
import { decodeJwt } from 'jose';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

import {
  type CognitoTokenProviderOptions,
  type CognitoTokens,
  createCognitoTokenProvider,
} from '../../src/auth/createCognitoTokenProvider.js';
import { TokenProviderError } from '../../src/auth/tokenProviderError.js';
import { type CognitoTestPool, generatePassword, startCognitoTestPool } from './cognitoTestPool.js';

describe('createCognitoTokenProvider', () => {
  let pool: CognitoTestPool;
  let clientId: string;
  const createUser = () => pool.createUser();
  const setPassword = (username: string, password: string) => pool.setPassword(username, password);
  const signIn = (user: { username: string; password: string }) => pool.signIn(user);

  beforeAll(async () => {
    pool = await startCognitoTestPool();
    clientId = pool.clientId;
  });

  afterAll(async () => {
    await pool?.stop();
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  /** A provider on cognito-local that records what it passes to `onTokens`. */
  function createProvider(options: Partial<CognitoTokenProviderOptions>) {
    const issued: CognitoTokens[] = [];
    const provider = createCognitoTokenProvider({
      region: pool.cognito.region,
      endpoint: pool.cognito.endpoint,
      clientId,
      onTokens: (tokens) => issued.push(tokens),
      ...options,
    });
    return { provider, issued };
  }

  it('signs in with the password and keeps the refresh token for later refreshes', async () => {
    const user = await createUser();
    const { provider, issued } = createProvider(user);

    const token = await provider.getToken();

    expect(decodeJwt(token)).toMatchObject({
      token_use: 'access',
      client_id: clientId,
      username: user.username,
    });
    expect(issued).toHaveLength(1);
    const [tokens] = issued;
    expect(tokens).toMatchObject({ accessToken: token, idToken: expect.any(String) as unknown });
    expect(tokens!.expiresAt.getTime()).toBe(decodeJwt(token).exp! * 1000);
    // With the password changed, only the refresh token from the sign-in can still work.
    await setPassword(user.username, generatePassword());
    const refreshed = await provider.getToken({ forceRefresh: true });
    expect(refreshed).not.toBe(token);
    expect(issued[1]!.refreshToken).toBe(tokens!.refreshToken);
  });

  it('gets a token from a refresh token alone', async () => {
    const user = await createUser();
    const refreshToken = await signIn(user);
    const { provider, issued } = createProvider({ refreshToken });

    const token = await provider.getToken();

    expect(decodeJwt(token)).toMatchObject({ token_use: 'access', username: user.username });
    expect(issued).toEqual([
      {
        accessToken: token,
        idToken: expect.any(String) as unknown,
        refreshToken,
        expiresAt: new Date(decodeJwt(token).exp! * 1000),
      },
    ]);
  });

  it('caches the token until refreshBeforeSeconds before it expires, then refreshes', async () => {
    const { provider, issued } = createProvider(await createUser());

    const first = await provider.getToken();
    expect(await provider.getToken()).toBe(first);
    expect(await provider.getToken()).toBe(first);
    expect(issued).toHaveLength(1);

    vi.useFakeTimers({ toFake: ['Date'] });
    const expiresAt = issued[0]!.expiresAt.getTime();
    vi.setSystemTime(expiresAt - 61_000);
    expect(await provider.getToken()).toBe(first);
    vi.setSystemTime(expiresAt - 59_000);
    expect(await provider.getToken()).not.toBe(first);
    expect(issued).toHaveLength(2);
  });

  it('fetches a new token on forceRefresh', async () => {
    const { provider, issued } = createProvider(await createUser());

    const first = await provider.getToken();
    const forced = await provider.getToken({ forceRefresh: true });

    expect(forced).not.toBe(first);
    expect(await provider.getToken()).toBe(forced);
    expect(issued).toHaveLength(2);
  });

  it('shares one InitiateAuth call between concurrent callers', async () => {
    const { provider, issued } = createProvider(await createUser());

    const tokens = await Promise.all(Array.from({ length: 8 }, () => provider.getToken()));

    expect(new Set(tokens).size).toBe(1);
    expect(issued).toHaveLength(1);
  });

  it('falls back to the password when Cognito refuses the refresh token', async () => {
    const user = await createUser();
    const badRefreshToken = `bad-${randomBytes(16).toString('hex')}`;
    const { provider, issued } = createProvider({ ...user, refreshToken: badRefreshToken });

    const token = await provider.getToken();

    expect(decodeJwt(token)).toMatchObject({ username: user.username });
    expect(issued).toHaveLength(1);
    expect(issued[0]!.refreshToken).toEqual(expect.any(String));
    expect(issued[0]!.refreshToken).not.toBe(badRefreshToken);
    // The new refresh token replaced the bad one: it works with the password changed.
    await setPassword(user.username, generatePassword());
    await expect(provider.getToken({ forceRefresh: true })).resolves.not.toBe(token);
  });

  it('fails with a one-line TokenProviderError when the refresh token and password are both refused', async () => {
    const user = await createUser();
    const badRefreshToken = `bad-${randomBytes(16).toString('hex')}`;
    const wrongPassword = generatePassword();
    const { provider, issued } = createProvider({
      username: user.username,
      password: wrongPassword,
      refreshToken: badRefreshToken,
    });

    const thrown = await provider.getToken().catch((caught: unknown) => caught);

    expect(thrown).toBeInstanceOf(TokenProviderError);
    const { code, message, cause, errorName } = thrown as TokenProviderError;
    expect(code).toBe('ERR_TOKEN_REFRESH_FAILED');
    expect(errorName).toMatch(/^(NotAuthorized|InvalidPassword)Exception$/);
    // Cognito says NotAuthorizedException for a wrong password; cognito-local InvalidPasswordException.
    expect(message).toMatch(
      /^Cannot sign in to Cognito with the password \(the refresh token was refused too\): (NotAuthorized|InvalidPassword)Exception: .+ — check username and password, or run agentcore-mcp setup-cognito again$/,
    );
    expect(message).not.toMatch(/\n/);
    expect(message).not.toContain(wrongPassword);
    expect(message).not.toContain(badRefreshToken);
    expect(cause).toMatchObject({ name: expect.stringMatching(/Exception$/) as unknown });
    expect(issued).toHaveLength(0);
  });

  it('fails without a password when Cognito refuses the refresh token', async () => {
    const badRefreshToken = `bad-${randomBytes(16).toString('hex')}`;
    const { provider } = createProvider({ refreshToken: badRefreshToken });

    const thrown = await provider.getToken().catch((caught: unknown) => caught);

    expect(thrown).toBeInstanceOf(TokenProviderError);
    expect((thrown as Error).message).toMatch(
      /^Cannot refresh the Cognito access token: NotAuthorizedException: .+ — run agentcore-mcp setup-cognito again, or pass username and password to sign in anew$/,
    );
    expect((thrown as Error).message).not.toContain(badRefreshToken);
  });

  it('fails with a TokenProviderError when Cognito answers with a challenge', async () => {
    const user = await pool.createUser({ temporaryPassword: true });
    const { provider } = createProvider(user);

    await expect(provider.getToken()).rejects.toThrow(
      new TokenProviderError(
        'Cannot get a Cognito access token: USER_PASSWORD_AUTH ended in the NEW_PASSWORD_REQUIRED challenge, which this provider cannot answer — set a permanent password (aws cognito-idp admin-set-user-password --permanent) and use a user without MFA',
        { errorName: 'NEW_PASSWORD_REQUIRED' },
      ),
    );
  });

  it('fails with the socket error when the endpoint is unreachable', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const { provider } = createProvider({
      ...(await createUser()),
      endpoint: `http://127.0.0.1:${port}`,
    });

    await expect(provider.getToken()).rejects.toThrow(
      new TokenProviderError(
        'Cannot sign in to Cognito with the password: ECONNREFUSED — check region, endpoint and the network',
        { errorName: 'ECONNREFUSED' },
      ),
    );
  });

  it.each([
    { case: 'an empty region', extra: { region: '' }, names: 'region is empty' },
    { case: 'an empty clientId', extra: { clientId: ' ' }, names: 'clientId is empty' },
    {
      case: 'no credentials at all',
      extra: {},
      names: 'pass refreshToken, or username and password',
    },
    {
      case: 'a username without a password',
      extra: { username: 'u' },
      names: 'both username and password',
    },
    {
      case: 'an empty password',
      extra: { username: 'u', password: '' },
      names: 'username or password is empty',
    },
    { case: 'an empty refreshToken', extra: { refreshToken: '' }, names: 'refreshToken is empty' },
    {
      case: 'a negative refreshBeforeSeconds',
      extra: { refreshToken: 'r', refreshBeforeSeconds: -5 },
      names: 'refreshBeforeSeconds -5',
    },
  ])('rejects $case with ERR_CONFIG_INVALID', ({ extra, names }) => {
    let thrown: unknown;
    try {
      createCognitoTokenProvider({ region: 'us-east-1', clientId: 'client', ...extra });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AgentCoreMcpError);
    expect(thrown).toMatchObject({
      code: 'ERR_CONFIG_INVALID',
      message: expect.stringContaining(names) as unknown,
    });
  });
});
