import type { TokenProvider } from '@agentcore-mcp/client';
import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js';

import type { HttpTargetConfig } from '../config/types.js';
import { clientTokenContext } from './clientTokenContext.js';

/**
 * The `fetch` an http target's transport uses: it adds the target's outbound credential to every
 * request. A token provider's token (retried once with a fresh token on 401), or the caller's own
 * token when the target opted in with `forwardClientToken`, or nothing (static headers travel in
 * the transport's `requestInit`).
 *
 * @param base - The fetch that sends the requests. Default: the global fetch.
 */
export function createOutboundFetch(
  target: HttpTargetConfig,
  tokenProvider: TokenProvider | undefined,
  base: FetchLike = (input, init) => fetch(input, init),
): FetchLike | undefined {
  if (tokenProvider) {
    return async (url, init) => {
      const send = async (forceRefresh: boolean) => {
        const token = await tokenProvider.getToken({ forceRefresh });
        return base(url, withAuthorization(init, token));
      };
      const response = await send(false);
      if (response.status !== 401) return response;
      await response.body?.cancel();
      return send(true);
    };
  }
  if (target.forwardClientToken) {
    return (url, init) => {
      const token = clientTokenContext.getStore();
      return base(url, token === undefined ? init : withAuthorization(init, token));
    };
  }
  return undefined;
}

function withAuthorization(init: RequestInit | undefined, token: string): RequestInit {
  const headers = new Headers(init?.headers);
  headers.set('Authorization', `Bearer ${token}`);
  return { ...init, headers };
}
