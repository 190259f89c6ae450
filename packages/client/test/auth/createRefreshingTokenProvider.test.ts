import { AgentCoreMcpError } from '@agentcore-mcp/core';
import { afterEach, describe, expect, it, vi } from 'vitest';

import {
  createRefreshingTokenProvider,
  type FetchedToken,
} from '../../src/auth/createRefreshingTokenProvider.js';
import { TokenProviderError } from '../../src/auth/tokenProviderError.js';

const T0 = Date.parse('2030-01-01T00:00:00Z');

/** A fetchToken that issues `token-1`, `token-2`… living `lifetimeSeconds`, and counts calls. */
function createIssuer(lifetimeSeconds: number | undefined) {
  const issuer = {
    calls: 0,
    fetchToken: (): Promise<FetchedToken> => {
      issuer.calls += 1;
      const expiresAt =
        lifetimeSeconds === undefined ? undefined : new Date(Date.now() + lifetimeSeconds * 1000);
      return Promise.resolve({ accessToken: `token-${issuer.calls}`, expiresAt });
    },
  };
  return issuer;
}

describe('createRefreshingTokenProvider', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it.each([
    { case: 'refreshBeforeSeconds', lifetime: 3600, margin: 60, cachedAt: 3539, refreshedAt: 3541 },
    {
      case: 'the default of 60 s',
      lifetime: 3600,
      margin: undefined,
      cachedAt: 3539,
      refreshedAt: 3541,
    },
    {
      case: 'half the lifetime of a short token',
      lifetime: 30,
      margin: 60,
      cachedAt: 14,
      refreshedAt: 16,
    },
    {
      case: 'the expiry itself with a 0 margin',
      lifetime: 30,
      margin: 0,
      cachedAt: 29,
      refreshedAt: 30,
    },
  ])('refreshes at $case before expiry', async ({ lifetime, margin, cachedAt, refreshedAt }) => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(T0);
    const issuer = createIssuer(lifetime);
    const provider = createRefreshingTokenProvider({
      fetchToken: issuer.fetchToken,
      refreshBeforeSeconds: margin,
    });

    expect(await provider.getToken()).toBe('token-1');
    vi.setSystemTime(T0 + cachedAt * 1000);
    expect(await provider.getToken()).toBe('token-1');
    vi.setSystemTime(T0 + refreshedAt * 1000);
    expect(await provider.getToken()).toBe('token-2');
    expect(issuer.calls).toBe(2);
  });

  it('keeps a token without an expiry until forceRefresh', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(T0);
    const issuer = createIssuer(undefined);
    const provider = createRefreshingTokenProvider({ fetchToken: issuer.fetchToken });

    await provider.getToken();
    vi.setSystemTime(T0 + 365 * 86_400_000);

    expect(await provider.getToken()).toBe('token-1');
    expect(await provider.getToken({ forceRefresh: true })).toBe('token-2');
  });

  it('shares one in-flight fetch between concurrent callers, forced or not', async () => {
    let release = (): void => undefined;
    const issuer = createIssuer(3600);
    const provider = createRefreshingTokenProvider({
      fetchToken: async () => {
        await new Promise<void>((resolve) => (release = resolve));
        return issuer.fetchToken();
      },
    });

    const pending = [
      provider.getToken(),
      provider.getToken(),
      provider.getToken({ forceRefresh: true }),
    ];
    release();

    expect(await Promise.all(pending)).toEqual(['token-1', 'token-1', 'token-1']);
    expect(issuer.calls).toBe(1);
  });

  it('makes callers that arrive during a forced refresh wait for the new token', async () => {
    let release = (): void => undefined;
    const issuer = createIssuer(3600);
    let slow = false;
    const provider = createRefreshingTokenProvider({
      fetchToken: async () => {
        if (slow) await new Promise<void>((resolve) => (release = resolve));
        return issuer.fetchToken();
      },
    });
    await provider.getToken();
    slow = true;

    const forced = provider.getToken({ forceRefresh: true });
    const plain = provider.getToken();
    release();

    expect(await forced).toBe('token-2');
    expect(await plain).toBe('token-2');
  });

  it('rejects every waiter of a failed fetch, then tries again on the next call', async () => {
    let fail = true;
    const issuer = createIssuer(3600);
    const provider = createRefreshingTokenProvider({
      fetchToken: () =>
        fail
          ? Promise.reject(new TokenProviderError('Cannot get a token: down'))
          : issuer.fetchToken(),
    });

    const results = await Promise.allSettled([provider.getToken(), provider.getToken()]);
    fail = false;

    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    expect(await provider.getToken()).toBe('token-1');
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])(
    'rejects refreshBeforeSeconds %s with ERR_CONFIG_INVALID',
    (refreshBeforeSeconds) => {
      expect(() =>
        createRefreshingTokenProvider({
          fetchToken: createIssuer(1).fetchToken,
          refreshBeforeSeconds,
        }),
      ).toThrow(AgentCoreMcpError);
    },
  );
});
