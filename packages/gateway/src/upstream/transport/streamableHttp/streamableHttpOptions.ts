import type { OutboundAuthorization } from '../outboundAuthorization.js';
import type { UpstreamRequests } from '../upstreamRequests.js';

/** How the standalone GET stream (and a resumable POST stream) is reopened after it drops. */
export interface ReconnectOptions {
  /** Delay before the first attempt, in ms; default 1000 (a `retry:` field from the server wins). */
  initialDelayMs: number;
  /** Longest delay, in ms; default 30000. */
  maxDelayMs: number;
  /** Each failed attempt multiplies the delay by this; default 1.5. */
  growFactor: number;
  /** Failed attempts in a row before giving up (reported through `onerror`); default 2. */
  maxRetries: number;
}

/** Options of `StreamableHttpTransport`. */
export interface StreamableHttpTransportOptions {
  /** Headers sent on every request (the target's static headers); default none. */
  headers?: Record<string, string> | undefined;
  /** The target's outbound credential; default none. */
  authorization?: OutboundAuthorization | undefined;
  /** Where `send` finds the `UpstreamRequest` of a message (the caller's token); default none. */
  requests?: UpstreamRequests | undefined;
  /** See {@link ReconnectOptions}; defaults as the SDK's transport. */
  reconnect?: Partial<ReconnectOptions> | undefined;
}

/** The SDK transport's reconnection defaults, which this transport keeps. */
export const DEFAULT_RECONNECT: ReconnectOptions = {
  initialDelayMs: 1000,
  maxDelayMs: 30_000,
  growFactor: 1.5,
  maxRetries: 2,
};

/**
 * The delay before reopening a dropped stream, as the SDK's transport computes it: the server's
 * `retry:` when it sent one, else `initialDelayMs * growFactor^attempt`, at most `maxDelayMs`.
 *
 * @param options - The reconnection options.
 * @param attempt - 0 for the first attempt.
 * @param serverRetryMs - The server's `retry:` field, if any.
 * @returns The delay in ms.
 * @example
 * ```ts
 * reconnectDelayMs(DEFAULT_RECONNECT, 1, undefined); // 1500
 * ```
 */
export function reconnectDelayMs(
  options: ReconnectOptions,
  attempt: number,
  serverRetryMs: number | undefined,
): number {
  const { initialDelayMs, maxDelayMs, growFactor } = options;
  return serverRetryMs ?? Math.min(initialDelayMs * growFactor ** attempt, maxDelayMs);
}
