import { AgentCoreClientError } from '../agentCoreClientError.js';
import type { TokenProvider } from '../auth/tokenProvider.js';
import { MCP_ACCEPT_HEADER } from '../mcpHeaders.js';
import type { SignRequest } from './createSigV4Signer.js';
import { describeHttpFailure } from './describeHttpFailure.js';
import { fetchWithTimeout } from './fetchWithTimeout.js';
import { computeRetryDelay, type RetryPolicy, sleep } from './retryPolicy.js';

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

/**
 * Creates the function that sends each request: it sets `Accept`, the extra headers and the
 * bearer token or SigV4 signature; refreshes the token once after a `401`/`403`; retries `424`,
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
    let refreshed = false;
    for (let attempt = 1; ; attempt += 1) {
      const headers = await buildHeaders(request, refreshed);
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
      if (status < 400) return response;
      const retryable =
        status === 424 || status === 429 || (status >= 500 && status <= 599 && !isToolCall);
      if (retryable && canRetry) {
        await response.body?.cancel();
        const delay = computeRetryDelay(retries, attempt, response.headers.get('retry-after'));
        await sleep(delay, request.init.signal);
        continue;
      }
      if (!MAPPED_STATUSES.has(status) && status < 500) return response;
      const body = await response.text().catch(() => '');
      const mismatch = /authorization method mismatch/i.test(body);
      if (
        (status === 401 || status === 403) &&
        auth.method === 'bearer' &&
        !refreshed &&
        !mismatch
      ) {
        refreshed = true;
        attempt -= 1; // the refresh does not count as a retry
        continue;
      }
      const error = describeHttpFailure({
        status,
        body,
        wwwAuthenticate: response.headers.get('www-authenticate'),
        auth: auth.method,
        operation,
        origin,
        attempts: attempt,
      });
      if (error) throw error;
      return new Response(body, response);
    }
  };
}
