import { backoffDelayMs, parseRetryAfter } from '@agentcore-mcp/core';

/** How often and how long to retry; see `ConnectAgentCoreOptions.retries`. */
export interface RetryPolicy {
  /** Attempts per request, the first included. */
  maxAttempts: number;
  /** The delay before the first retry, doubled for each further one. */
  baseDelayMs: number;
  /** The largest backoff delay. */
  maxDelayMs: number;
}

/**
 * The wait before retry number `retry` (1 for the first retry): the server's `Retry-After` when it
 * sent a valid one (at most 30 s), else core's one backoff policy (`backoffDelayMs`: capped
 * exponential with jitter, between half and all of `min(maxDelayMs, baseDelayMs * 2^(retry-1))`).
 *
 * @param policy - Base and maximum delay.
 * @param retry - 1 for the first retry, 2 for the second…
 * @param retryAfter - The `Retry-After` header of the failed response, if any.
 * @returns The delay in milliseconds.
 */
export function computeRetryDelay(
  policy: RetryPolicy,
  retry: number,
  retryAfter?: string | null,
): number {
  const { baseDelayMs, maxDelayMs } = policy;
  return parseRetryAfter(retryAfter) ?? backoffDelayMs({ baseDelayMs, maxDelayMs }, retry);
}
