import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The calling client's bearer token while the gateway forwards its request, for targets with
 * `forwardClientToken: true`. Set around the upstream call only; nothing else reads it.
 */
export const clientTokenContext = new AsyncLocalStorage<string | undefined>();

/**
 * The caller's bearer token: the verified one when inbound auth is on, else the one its
 * `Authorization: Bearer …` header carries (unverified: the target checks it), else `undefined`.
 */
export function clientTokenOf(call: {
  authInfo?: { token: string } | undefined;
  requestInfo?: { headers: Record<string, string | string[] | undefined> } | undefined;
}): string | undefined {
  if (call.authInfo) return call.authInfo.token;
  const header = call.requestInfo?.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer +(\S+)\s*$/i.exec(header) : null;
  return match?.[1];
}
