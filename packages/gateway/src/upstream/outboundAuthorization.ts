import type { TokenProvider } from '@agentcore-mcp/client';

import type { HttpTargetConfig } from '../config/types.js';
import { clientTokenContext } from './clientTokenContext.js';

/**
 * The outbound credential of an http target, as the `Authorization` header of each request: a
 * token provider's token, or the caller's own token for a target with `forwardClientToken`.
 */
export interface OutboundAuthorization {
  /**
   * The header value for the next request (`Bearer …`), or `undefined` to send none.
   *
   * @param forceRefresh - Fetch a fresh token instead of the cached one (after a 401).
   */
  header(forceRefresh: boolean): Promise<string | undefined> | string | undefined;
  /** Whether a 401 answer is sent once more with `header(true)`. */
  readonly retriesUnauthorized: boolean;
}

/**
 * Decides what an http target sends as `Authorization`: a token provider's token (retried once
 * with a fresh token on 401), or the caller's token from {@link clientTokenContext} when the target
 * opted in with `forwardClientToken`, or nothing (`undefined`; static headers travel separately).
 *
 * @param target - The target.
 * @param tokenProvider - Its outbound OAuth token provider, if it has one.
 * @returns The credential hook, or `undefined` when the target sends none.
 * @example
 * ```ts
 * const authorization = createOutboundAuthorization(target, tokenProvider);
 * const header = await authorization?.header(false);
 * ```
 */
export function createOutboundAuthorization(
  target: HttpTargetConfig,
  tokenProvider: TokenProvider | undefined,
): OutboundAuthorization | undefined {
  if (tokenProvider) {
    return {
      retriesUnauthorized: true,
      header: async (forceRefresh) => `Bearer ${await tokenProvider.getToken({ forceRefresh })}`,
    };
  }
  if (target.forwardClientToken) {
    return {
      retriesUnauthorized: false,
      header: () => {
        const token = clientTokenContext.getStore();
        return token === undefined ? undefined : `Bearer ${token}`;
      },
    };
  }
  return undefined;
}
