/**
 * A request to an http target that failed below HTTP: the connection was refused, reset or closed
 * before the answer was complete. The network error (e.g. `connect ECONNREFUSED 127.0.0.1:8001`)
 * is the `cause`, which `describeUpstreamError` appends to the message.
 *
 * @example
 * ```ts
 * throw new UpstreamNetworkError('request failed', socketError);
 * ```
 */
export class UpstreamNetworkError extends Error {
  /** The network error's code, e.g. `ECONNREFUSED`; `undefined` when it has none. */
  readonly code: string | undefined;

  /**
   * @param message - What failed, one line (the cause's message is not repeated here).
   * @param cause - The network error.
   */
  constructor(message: string, cause: unknown) {
    super(message, { cause });
    this.name = 'UpstreamNetworkError';
    const code = (cause as { code?: unknown } | undefined)?.code;
    this.code = typeof code === 'string' ? code : undefined;
  }
}
