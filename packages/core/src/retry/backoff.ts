/** The one backoff policy of the toolkit: capped exponential delays with jitter. */
export interface BackoffPolicy {
  /** The delay before the first retry, doubled for each further one. */
  readonly baseDelayMs: number;
  /** The largest delay. */
  readonly maxDelayMs: number;
}

/** The longest `Retry-After` honoured; a server asking for more gets this. */
const MAX_RETRY_AFTER_MS = 30_000;

/**
 * The wait before retry number `retry` (1 for the first): a random value between half and all of
 * `min(maxDelayMs, baseDelayMs * 2^(retry - 1))` ("equal jitter", so that retries of many callers
 * spread out but never come sooner than half the nominal delay).
 *
 * @param policy - Base and maximum delay.
 * @param retry - 1 for the first retry, 2 for the second…
 * @param random - A source of numbers in [0, 1). Default: `Math.random`.
 * @returns The delay in milliseconds.
 * @example
 * ```ts
 * backoffDelayMs({ baseDelayMs: 500, maxDelayMs: 30_000 }, 3); // between 1000 and 2000
 * ```
 */
export function backoffDelayMs(
  policy: BackoffPolicy,
  retry: number,
  random: () => number = Math.random,
): number {
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.round(cap / 2 + random() * (cap / 2));
}

/**
 * Parses an HTTP `Retry-After` value, delay-seconds or an HTTP date, capped at 30 s.
 *
 * @param value - The header value.
 * @param now - The current time in ms. Default: `Date.now()`.
 * @returns Milliseconds to wait (0 for a date in the past), or `undefined` when absent or invalid.
 * @example
 * ```ts
 * parseRetryAfter('2'); // 2000
 * ```
 */
export function parseRetryAfter(
  value: string | null | undefined,
  now: number = Date.now(),
): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Math.min(Number(text) * 1000, MAX_RETRY_AFTER_MS);
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.min(Math.max(0, date - now), MAX_RETRY_AFTER_MS);
}

/**
 * Waits `ms`, or rejects at once with the signal's reason when it aborts.
 *
 * @param ms - How long to wait.
 * @param signal - Aborts the wait.
 * @returns A promise that resolves after `ms`.
 * @example
 * ```ts
 * await sleep(backoffDelayMs(policy, retry), request.signal);
 * ```
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
