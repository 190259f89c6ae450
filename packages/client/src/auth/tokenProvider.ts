/** Options of {@link TokenProvider.getToken}. */
export interface GetTokenOptions {
  /**
   * Fetch a new token now instead of using the cached one, e.g. after the server answered `401`.
   * Default: `false`.
   */
  forceRefresh?: boolean;
}

/**
 * Supplies the bearer token for each request. Providers cache the access token, refresh it
 * shortly before it expires, and share one in-flight refresh between concurrent callers.
 *
 * @example
 * ```ts
 * const token = await provider.getToken();
 * const response = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
 * if (response.status === 401) await provider.getToken({ forceRefresh: true });
 * ```
 */
export interface TokenProvider {
  /**
   * Returns a valid access token, fetching a new one only when needed.
   *
   * @param options - `forceRefresh` to skip the cache.
   * @returns The access token, without the `Bearer ` prefix.
   * @throws {@link TokenProviderError} `ERR_TOKEN_REFRESH_FAILED` when a new token cannot be had.
   */
  getToken(options?: GetTokenOptions): Promise<string>;
}
