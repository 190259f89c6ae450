import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { AgentCoreMcpError } from '@agentcore-mcp/core';
import { decodeJwt } from 'jose';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

import {
  type ClientCredentialsTokenProviderOptions,
  createClientCredentialsTokenProvider,
} from '../../src/auth/createClientCredentialsTokenProvider.js';
import { TokenProviderError } from '../../src/auth/tokenProviderError.js';
import {
  FORBIDDEN_SCOPE,
  type OAuthServer,
  RESOURCE,
  startOAuthServer,
} from './startOAuthServer.js';

const TTL_SECONDS = 300;

describe('createClientCredentialsTokenProvider', () => {
  let server: OAuthServer;

  beforeAll(async () => {
    server = await startOAuthServer(TTL_SECONDS);
  });

  afterAll(async () => {
    await server.stop();
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  function options(
    extra: Partial<ClientCredentialsTokenProviderOptions> = {},
  ): ClientCredentialsTokenProviderOptions {
    const { clientId, clientSecret } = server.clients.client_secret_basic;
    return { tokenUrl: server.tokenUrl, clientId, clientSecret, ...extra };
  }

  it.each(['client_secret_basic', 'client_secret_post'] as const)(
    'gets a JWT access token with %s',
    async (authMethod) => {
      const { clientId, clientSecret } = server.clients[authMethod];
      const provider = createClientCredentialsTokenProvider({
        tokenUrl: server.tokenUrl,
        clientId,
        clientSecret,
        authMethod,
      });

      const claims = decodeJwt(await provider.getToken());

      expect(claims).toMatchObject({ client_id: clientId, aud: RESOURCE });
      expect(claims.exp! - claims.iat!).toBe(TTL_SECONDS);
      // The server accepts either method, so check which one was used: Basic, or form fields.
      const basic = `${encodeURIComponent(clientId)}:${new URLSearchParams({ s: clientSecret }).toString().slice(2)}`;
      expect(server.lastAuthorization()).toBe(
        authMethod === 'client_secret_basic'
          ? `Basic ${Buffer.from(basic).toString('base64')}`
          : undefined,
      );
    },
  );

  it('sends the scopes, space-separated', async () => {
    const provider = createClientCredentialsTokenProvider(
      options({ scopes: ['mcp:invoke', 'mcp:admin'] }),
    );

    expect(decodeJwt(await provider.getToken()).scope).toBe('mcp:invoke mcp:admin');
  });

  it('sends no scope when none are given', async () => {
    const provider = createClientCredentialsTokenProvider(options());

    expect(decodeJwt(await provider.getToken())).not.toHaveProperty('scope');
  });

  it('caches the token until refreshBeforeSeconds before it expires, then refreshes', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2030-01-01T00:00:00Z'));
    const provider = createClientCredentialsTokenProvider(options({ refreshBeforeSeconds: 60 }));
    const before = server.tokenRequests();

    const first = await provider.getToken();
    vi.setSystemTime(new Date('2030-01-01T00:03:59Z')); // 61 s left
    const cached = await provider.getToken();
    vi.setSystemTime(new Date('2030-01-01T00:04:01Z')); // 59 s left
    const refreshed = await provider.getToken();

    expect(cached).toBe(first);
    expect(refreshed).not.toBe(first);
    expect(decodeJwt(refreshed).exp).toBe(Date.parse('2030-01-01T00:09:01Z') / 1000);
    expect(server.tokenRequests() - before).toBe(2);
  });

  it('refreshes a token that lives less than 2 × refreshBeforeSeconds at half its lifetime', async () => {
    const shortLived = await startOAuthServer(10);
    try {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date('2030-01-01T00:00:00Z'));
      const { clientId, clientSecret } = shortLived.clients.client_secret_basic;
      const provider = createClientCredentialsTokenProvider({
        tokenUrl: shortLived.tokenUrl,
        clientId,
        clientSecret,
      });

      const first = await provider.getToken();
      vi.setSystemTime(new Date('2030-01-01T00:00:04Z'));
      expect(await provider.getToken()).toBe(first);
      vi.setSystemTime(new Date('2030-01-01T00:00:06Z'));
      expect(await provider.getToken()).not.toBe(first);
      expect(shortLived.tokenRequests()).toBe(2);
    } finally {
      await shortLived.stop();
    }
  });

  it('fetches a new token on forceRefresh', async () => {
    const provider = createClientCredentialsTokenProvider(options());
    const before = server.tokenRequests();

    const first = await provider.getToken();
    const forced = await provider.getToken({ forceRefresh: true });

    expect(forced).not.toBe(first);
    expect(await provider.getToken()).toBe(forced);
    expect(server.tokenRequests() - before).toBe(2);
  });

  it('shares one request between concurrent callers', async () => {
    const provider = createClientCredentialsTokenProvider(options());
    const before = server.tokenRequests();

    const tokens = await Promise.all(Array.from({ length: 8 }, () => provider.getToken()));

    expect(new Set(tokens).size).toBe(1);
    expect(server.tokenRequests() - before).toBe(1);
  });

  it.each([
    {
      case: 'a wrong secret',
      extra: { clientSecret: 'wrong-secret-value' },
      error:
        'invalid_client (client authentication failed) — check clientId, clientSecret and authMethod',
    },
    {
      case: 'a wrong secret sent as form fields',
      extra: { clientSecret: 'wrong-secret-value', authMethod: 'client_secret_post' as const },
      error: 'invalid_client',
    },
    {
      case: 'a scope the client may not request',
      extra: { scopes: ['mcp:invoke', FORBIDDEN_SCOPE] },
      error:
        'invalid_scope (requested scope is not allowed) — request only scopes this client is allowed',
    },
  ])('fails with a one-line TokenProviderError for $case', async ({ extra, error }) => {
    const provider = createClientCredentialsTokenProvider(options(extra));

    const thrown = await provider.getToken().catch((caught: unknown) => caught);

    expect(thrown).toBeInstanceOf(TokenProviderError);
    const { code, message } = thrown as TokenProviderError;
    expect(code).toBe('ERR_TOKEN_REFRESH_FAILED');
    expect(message).toContain(`Cannot get an access token from ${server.tokenUrl}: ${error}`);
    expect(message).not.toMatch(/\n/);
    for (const secret of Object.values(server.clients).map((client) => client.clientSecret)) {
      expect(message).not.toContain(secret);
    }
    expect(message).not.toContain('wrong-secret-value');
  });

  it('fails with a clear TokenProviderError when the token URL is unreachable', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const provider = createClientCredentialsTokenProvider(
      options({ tokenUrl: `http://127.0.0.1:${port}/oauth2/token?x=1` }),
    );

    const thrown = await provider.getToken().catch((caught: unknown) => caught);

    expect(thrown).toBeInstanceOf(TokenProviderError);
    expect((thrown as Error).message).toBe(
      `Cannot get an access token from http://127.0.0.1:${port}/oauth2/token: ECONNREFUSED — check tokenUrl and that the server is up`,
    );
    expect((thrown as Error).cause).toBeInstanceOf(Error);
  });

  it('fails when the URL answers without an OAuth error', async () => {
    const provider = createClientCredentialsTokenProvider(
      options({
        tokenUrl: `${server.tokenUrl.replace('/token', '/.well-known/openid-configuration')}`,
      }),
    );

    await expect(provider.getToken()).rejects.toThrow(/: HTTP \d{3} without .* — check tokenUrl$/);
  });

  it.each([
    { case: 'a relative tokenUrl', extra: { tokenUrl: '/oauth2/token' }, names: 'tokenUrl' },
    { case: 'a non-http tokenUrl', extra: { tokenUrl: 'ftp://host/token' }, names: 'tokenUrl' },
    {
      case: 'credentials in tokenUrl',
      extra: { tokenUrl: 'https://id:secret@host/token' },
      names: 'user name or password',
    },
    { case: 'an empty clientId', extra: { clientId: '' }, names: 'clientId is empty' },
    { case: 'an empty clientSecret', extra: { clientSecret: '' }, names: 'clientSecret is empty' },
    {
      case: 'an unknown authMethod',
      extra: { authMethod: 'private_key_jwt' },
      names: '"private_key_jwt"',
    },
    {
      case: 'a negative refreshBeforeSeconds',
      extra: { refreshBeforeSeconds: -1 },
      names: 'refreshBeforeSeconds -1',
    },
  ])('rejects $case with ERR_CONFIG_INVALID', ({ extra, names }) => {
    let thrown: unknown;
    try {
      createClientCredentialsTokenProvider({
        ...options(),
        ...(extra as Partial<ClientCredentialsTokenProviderOptions>),
      });
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
