import { createClientCredentialsTokenProvider, type TokenProvider } from '@agentcore-mcp/client';
import { resendWithFreshToken } from '@agentcore-mcp/core';

import type { TargetConfig } from '../../config/types.js';
import type { UpstreamRequest } from '../upstreamRequest.js';

/**
 * The outbound credential of an http target, as the `Authorization` header of each request: a
 * token provider's token, or the caller's own token for a target with `forwardClientToken`.
 */
export interface OutboundAuthorization {
  /**
   * The header value for one request (`Bearer …`), or `undefined` to send none.
   *
   * @param request - The request being sent; `undefined` for the gateway's own messages
   *   (`initialize`, the stream of server-initiated messages), which never carry a caller's token.
   * @param forceRefresh - Fetch a fresh token instead of the cached one (after a 401).
   */
  header(
    request: UpstreamRequest | undefined,
    forceRefresh: boolean,
  ): Promise<string | undefined> | string | undefined;
  /** Whether a 401 answer is sent once more with a fresh token (a token provider's can be). */
  readonly retriesUnauthorized: boolean;
}

/** How to send one HTTP request for {@link sendAuthorized}. */
export interface AuthorizedSendSteps<TResponse> {
  /** Sends the request with this `Authorization` value (none when `undefined`). */
  send(authorization: string | undefined): Promise<TResponse>;
  /** Whether the answer is HTTP 401. */
  isUnauthorized(response: TResponse): boolean;
  /** Releases an answer that will not be used (drains or cancels its body). */
  discard(response: TResponse): void;
}

/**
 * The one outbound-credential policy of the gateway, decided once per target: a token provider's
 * token (the `tokenProviders` option of `createGateway`, else one for the target's `oauth` client
 * credentials; refreshed and resent once on 401), else the caller's token when the target opted in
 * with `forwardClientToken`, else nothing (`undefined`; static headers travel separately). Stdio
 * targets send no credential.
 *
 * @param target - The target.
 * @param tokenProvider - A token provider that takes precedence over the target's `oauth`.
 * @returns The credential, or `undefined` when the target sends none.
 * @example
 * ```ts
 * const authorization = createOutboundAuthorization(target, undefined);
 * const header = await authorization?.header({ token: callerToken }, false);
 * ```
 */
export function createOutboundAuthorization(
  target: TargetConfig,
  tokenProvider: TokenProvider | undefined,
): OutboundAuthorization | undefined {
  if (target.kind !== 'http') return undefined;
  const provider = tokenProvider ?? clientCredentialsProvider(target);
  if (provider) {
    return {
      retriesUnauthorized: true,
      header: async (_request, forceRefresh) =>
        `Bearer ${await provider.getToken({ forceRefresh })}`,
    };
  }
  if (target.forwardClientToken) {
    return {
      retriesUnauthorized: false,
      header: (request) => (request?.token === undefined ? undefined : `Bearer ${request.token}`),
    };
  }
  return undefined;
}

/**
 * Sends one HTTP request with the target's credential and, when the credential can be refreshed
 * and the answer is 401, discards it and sends once more with a fresh token (core's
 * `resendWithFreshToken`, the toolkit's one "on 401 refresh and resend once").
 *
 * @param authorization - The target's credential, or `undefined` for none.
 * @param request - The request being sent, or `undefined` for the gateway's own messages.
 * @param steps - How to send, recognise a 401 and discard an answer.
 * @returns The answer to use.
 * @example
 * ```ts
 * const response = await sendAuthorized(authorization, request, {
 *   send: (header) => fetch(url, { headers: header === undefined ? {} : { authorization: header } }),
 *   isUnauthorized: (answer) => answer.status === 401,
 *   discard: (answer) => void answer.body?.cancel(),
 * });
 * ```
 */
export function sendAuthorized<TResponse>(
  authorization: OutboundAuthorization | undefined,
  request: UpstreamRequest | undefined,
  steps: AuthorizedSendSteps<TResponse>,
): Promise<TResponse> {
  return resendWithFreshToken({
    send: async (forceRefresh) => steps.send(await authorization?.header(request, forceRefresh)),
    isUnauthorized: (response) =>
      authorization?.retriesUnauthorized === true && steps.isUnauthorized(response),
    discard: (response) => steps.discard(response),
  });
}

function clientCredentialsProvider(target: TargetConfig): TokenProvider | undefined {
  if (target.kind !== 'http' || target.oauth === undefined) return undefined;
  const { tokenUrl, clientId, clientSecret, scopes, authMethod } = target.oauth;
  return createClientCredentialsTokenProvider({
    tokenUrl,
    clientId,
    clientSecret,
    scopes,
    authMethod,
  });
}
