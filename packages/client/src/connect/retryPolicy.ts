/** How often and how long to retry; see `ConnectAgentCoreOptions.retries`. */
export interface RetryPolicy {
  /** Attempts per request, the first included. */
  maxAttempts: number;
  /** The delay before the first retry, doubled for each further one. */
  baseDelayMs: number;
  /** The largest backoff delay. */
  maxDelayMs: number;
}

/** The longest `Retry-After` honoured; a server asking for more gets this. */
const MAX_RETRY_AFTER_MS = 30_000;

/**
 * The wait before retry number `retry` (1 for the first retry): the server's `Retry-After` when it
 * sent one (at most 30 s), else capped exponential backoff with jitter, a random value between half
 * and all of `min(maxDelayMs, baseDelayMs * 2^(retry-1))`.
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
  const fromServer = parseRetryAfter(retryAfter);
  if (fromServer !== undefined) return Math.min(fromServer, MAX_RETRY_AFTER_MS);
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return cap / 2 + Math.random() * (cap / 2);
}

/**
 * Parses an HTTP `Retry-After` value: delay-seconds or an HTTP date.
 *
 * @param value - The header value.
 * @returns Milliseconds to wait (0 for a date in the past), or `undefined` when absent or invalid.
 */
export function parseRetryAfter(value: string | null | undefined): number | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/**
 * Waits `ms`, or rejects at once with the signal's reason when it aborts.
 *
 * @param ms - How long to wait.
 * @param signal - Aborts the wait.
 */
export function sleep(ms: number, signal?: AbortSignal | null): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason as Error);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
