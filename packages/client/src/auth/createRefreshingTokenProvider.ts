import { AgentCoreMcpError } from '@agentcore-mcp/core';

import type { GetTokenOptions, TokenProvider } from './tokenProvider.js';

/** The default of `refreshBeforeSeconds` in every refreshing provider. */
export const DEFAULT_REFRESH_BEFORE_SECONDS = 60;

/** A token just obtained from an issuer. */
export interface FetchedToken {
  /** The access token. */
  accessToken: string;
  /** When it expires; `undefined` when the issuer did not say, and then it is kept until forced. */
  expiresAt: Date | undefined;
}

/** Options of {@link createRefreshingTokenProvider}. */
export interface RefreshingTokenProviderOptions {
  /** Gets a new token from the issuer; throws `TokenProviderError` on failure. Required. */
  fetchToken: () => Promise<FetchedToken>;
  /**
   * Refresh when the token expires within this many seconds, capped at half its lifetime so a
   * short-lived token is still reused. Default: {@link DEFAULT_REFRESH_BEFORE_SECONDS}.
   */
  refreshBeforeSeconds?: number;
}

interface CachedToken extends FetchedToken {
  /** Epoch milliseconds at which to stop using the token and fetch a new one. */
  refreshAt: number;
}

/**
 * The caching core of every refreshing provider: keeps the last token, fetches a new one when it
 * is close to expiry or when forced, and lets concurrent callers share one in-flight fetch. A
 * forced refresh also drops the cached token, so callers arriving meanwhile wait for the new one
 * instead of reusing the token the server just rejected. A failed fetch rejects every waiter and
 * the next call tries again.
 *
 * @param options - The fetch function and the refresh margin.
 * @returns A {@link TokenProvider}.
 * @throws {@link AgentCoreMcpError} `ERR_CONFIG_INVALID` for a negative or non-finite margin.
 * @example
 * ```ts
 * const provider = createRefreshingTokenProvider({ fetchToken: () => requestToken(options) });
 * ```
 */
export function createRefreshingTokenProvider(
  options: RefreshingTokenProviderOptions,
): TokenProvider {
  const marginMs = assertRefreshBeforeSeconds(options.refreshBeforeSeconds) * 1000;
  let cached: CachedToken | undefined;
  let inFlight: Promise<CachedToken> | undefined;

  function refresh(): Promise<CachedToken> {
    inFlight ??= options
      .fetchToken()
      .then((token) => (cached = withRefreshTime(token, marginMs)))
      .finally(() => {
        inFlight = undefined;
      });
    return inFlight;
  }

  return {
    async getToken({ forceRefresh = false }: GetTokenOptions = {}) {
      if (forceRefresh) cached = undefined;
      else if (cached !== undefined && Date.now() < cached.refreshAt) return cached.accessToken;
      return (await refresh()).accessToken;
    },
  };
}

function withRefreshTime(token: FetchedToken, marginMs: number): CachedToken {
  if (token.expiresAt === undefined) return { ...token, refreshAt: Number.POSITIVE_INFINITY };
  const expiresAt = token.expiresAt.getTime();
  const lifetimeMs = Math.max(0, expiresAt - Date.now());
  return { ...token, refreshAt: expiresAt - Math.min(marginMs, lifetimeMs / 2) };
}

/**
 * Checks the `refreshBeforeSeconds` option shared by the refreshing providers.
 *
 * @param value - The option as given.
 * @returns The value, or {@link DEFAULT_REFRESH_BEFORE_SECONDS} when unset.
 * @throws {@link AgentCoreMcpError} `ERR_CONFIG_INVALID` for a negative or non-finite number.
 */
export function assertRefreshBeforeSeconds(value: number | undefined): number {
  if (value === undefined) return DEFAULT_REFRESH_BEFORE_SECONDS;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new AgentCoreMcpError(
      'ERR_CONFIG_INVALID',
      `Invalid refreshBeforeSeconds ${String(value)}: use a number of seconds ≥ 0 (default ${DEFAULT_REFRESH_BEFORE_SECONDS})`,
    );
  }
  return value;
}
