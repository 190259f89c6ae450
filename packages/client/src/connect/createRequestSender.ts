import { resendWithFreshToken, sleep } from '@agentcore-mcp/core';

import { AgentCoreClientError } from '../agentCoreClientError.js';
import type { TokenProvider } from '../auth/tokenProvider.js';
import { MCP_ACCEPT_HEADER } from '../mcpHeaders.js';
import type { SignRequest } from './createSigV4Signer.js';
import { AUTH_METHOD_MISMATCH, describeHttpFailure } from './describeHttpFailure.js';
import { fetchWithTimeout } from './fetchWithTimeout.js';
import { computeRetryDelay, type RetryPolicy } from './retryPolicy.js';

/** How each request is authenticated. */
export type RequestAuth =
  | { method: 'bearer'; tokenProvider: TokenProvider }
  | { method: 'sigv4'; sign: SignRequest }
  | { method: 'none' };

/** Options of {@link createRequestSender}. */
export interface RequestSenderOptions {
  auth: RequestAuth;
  /** Headers added to every request (custom headers, the user id). */
  headers: Record<string, string>;
  /** The longest wait for response headers, per attempt. */
  timeoutMs: number;
  retries: RetryPolicy;
}

/** One HTTP request as the MCP SDK made it, body already a string. */
export interface OutgoingRequest {
  url: URL;
  init: RequestInit;
  headers: Headers;
  body: string | undefined;
  /** The JSON-RPC methods in the body; empty for GET/DELETE. */
  rpcMethods: string[];
}

/** Sends one request with auth, timeout and retries; see {@link createRequestSender}. */
export type SendRequest = (request: OutgoingRequest) => Promise<Response>;

const MAPPED_STATUSES = new Set([401, 403, 406, 424, 429]);

/** What one send ends with: the response, and its body when it is a failure to map. */
interface Answer {
  response: Response;
  /** Read only for a status this sender maps to an error (401, 403, 406, 424, 429, 5xx). */
  body?: string;
}

/**
 * Creates the function that sends each request: it sets `Accept`, the extra headers and the
 * bearer token or SigV4 signature; refreshes the token once after a `401`/`403` (core's
 * `resendWithFreshToken`); retries `424`,
 * `429`, `5xx` and refused connections with backoff — except that a `tools/call` is repeated only
 * when it cannot have reached the server (`424`, `429`, connection refused), never after a `5xx`,
 * a reset connection or a timeout.
 *
 * @param options - Auth, extra headers, timeout and retry policy.
 * @returns The sender. It resolves to the response for success and for statuses the MCP SDK handles
 *   itself (400, 404, 405…), and rejects with {@link AgentCoreClientError} otherwise.
 */
export function createRequestSender(options: RequestSenderOptions): SendRequest {
  const { auth, retries, timeoutMs } = options;

  const buildHeaders = async (request: OutgoingRequest, forceRefresh: boolean) => {
    const headers = new Headers(request.headers);
    for (const [name, value] of Object.entries(options.headers)) headers.set(name, value);
    headers.set('accept', MCP_ACCEPT_HEADER);
    switch (auth.method) {
      case 'bearer':
        headers.set(
          'authorization',
          `Bearer ${await auth.tokenProvider.getToken({ forceRefresh })}`,
        );
        return headers;
      case 'sigv4':
        headers.delete('authorization');
        return auth.sign(request.url, {
          method: request.init.method ?? 'GET',
          headers,
          body: request.body,
        });
      case 'none':
        return headers;
    }
  };

  return async (request) => {
    const operation = request.rpcMethods.join(',') || (request.init.method ?? 'GET');
    const isToolCall = request.rpcMethods.includes('tools/call');
    const origin = request.url.origin;
    // Shared by both sends: the resend after a refused token does not count as a retry.
    let attempt = 1;

    /** Sends with retries; resolves to a response, with its body read when it is a failure to map. */
    const sendWithRetries = async (forceRefresh: boolean): Promise<Answer> => {
      for (; ; attempt += 1) {
        const headers = await buildHeaders(request, forceRefresh);
        const init = { ...request.init, headers, body: request.body };
        const result = await fetchWithTimeout(request.url, init, timeoutMs);
        const canRetry = attempt < retries.maxAttempts;
        if (!(result instanceof Response)) {
          if (result.failure === 'aborted') throw result.cause;
          if (result.failure === 'timeout') {
            throw new AgentCoreClientError(
              'ERR_TIMEOUT',
              `${origin} did not answer ${operation} within ${timeoutMs} ms${isToolCall ? ' (not retried: the tool may be running)' : ''}; raise timeoutMs, or check that the runtime is up`,
              { cause: result.cause },
            );
          }
          if (canRetry && (result.failure === 'refused' || !isToolCall)) {
            await sleep(computeRetryDelay(retries, attempt), request.init.signal);
            continue;
          }
          const why = result.failure === 'refused' ? 'connection refused' : 'network error';
          throw new AgentCoreClientError(
            'ERR_UPSTREAM_UNAVAILABLE',
            `Could not reach ${origin} for ${operation} (${why}, ${attempt} attempt${attempt === 1 ? '' : 's'}); check the URL or endpoint and that the server is running`,
            { cause: result.cause },
          );
        }
        const response = result;
        const { status } = response;
        if (status < 400) return { response };
        const retryable =
          status === 424 || status === 429 || (status >= 500 && status <= 599 && !isToolCall);
        if (retryable && canRetry) {
          await response.body?.cancel();
          const delay = computeRetryDelay(retries, attempt, response.headers.get('retry-after'));
          await sleep(delay, request.init.signal);
          continue;
        }
        if (!MAPPED_STATUSES.has(status) && status < 500) return { response };
        return { response, body: await response.text().catch(() => '') };
      }
    };

    const { response, body } = await resendWithFreshToken({
      send: sendWithRetries,
      // A 401/403 may mean an expired token: refresh it and resend once. Not for a runtime that
      // wants another auth method altogether, which a new token will not change.
      isUnauthorized: (answer) =>
        auth.method === 'bearer' &&
        (answer.response.status === 401 || answer.response.status === 403) &&
        !AUTH_METHOD_MISMATCH.test(answer.body ?? ''),
    });
    if (body === undefined) return response;
    const error = describeHttpFailure({
      status: response.status,
      body,
      wwwAuthenticate: response.headers.get('www-authenticate'),
      auth: auth.method,
      operation,
      origin,
      attempts: attempt,
    });
    if (error) throw error;
    return new Response(body, response);
  };
}
