import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js';

import type { OutboundAuthorization } from './outboundAuthorization.js';

/**
 * The `fetch` a legacy SSE target's transport uses: it adds the target's outbound credential to
 * every request, and sends a request answered 401 once more with a fresh token when the credential
 * can be refreshed (see {@link OutboundAuthorization}).
 *
 * @param authorization - The target's credential hook, from `createOutboundAuthorization`.
 * @param base - The fetch that sends the requests. Default: the global fetch.
 * @returns The wrapped fetch.
 * @example
 * ```ts
 * new SSEClientTransport(url, { fetch: createOutboundFetch(authorization) });
 * ```
 */
export function createOutboundFetch(
  authorization: OutboundAuthorization,
  base: FetchLike = (input, init) => fetch(input, init),
): FetchLike {
  return async (url, init) => {
    const send = async (forceRefresh: boolean) => {
      const header = await authorization.header(forceRefresh);
      return base(url, header === undefined ? init : withAuthorization(init, header));
    };
    const response = await send(false);
    if (response.status !== 401 || !authorization.retriesUnauthorized) return response;
    await response.body?.cancel();
    return send(true);
  };
}

function withAuthorization(init: RequestInit | undefined, header: string): RequestInit {
  const headers = new Headers(init?.headers);
  headers.set('Authorization', header);
  return { ...init, headers };
}
