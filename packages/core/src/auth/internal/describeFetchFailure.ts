/**
 * Turns a failed `fetch` into a short, one-line reason for an error message: `timed out after
 * 5000 ms`, `connect ECONNREFUSED 127.0.0.1:4000`, or the error's own message.
 *
 * @internal Not part of the public API.
 * @param error - What `fetch` rejected with.
 * @param timeoutMs - The timeout the request ran with, named when it fired.
 * @returns The reason, on one line.
 * @example
 * ```ts
 * describeFetchFailure(new DOMException('aborted', 'TimeoutError'), 5000); // 'timed out after 5000 ms'
 * ```
 */
export function describeFetchFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `timed out after ${timeoutMs} ms`;
  }
  // Node's fetch rejects with `TypeError: fetch failed` and puts the socket error in `cause`.
  const cause = error instanceof Error ? error.cause : undefined;
  const detail =
    cause instanceof Error ? cause.message : error instanceof Error ? error.message : String(error);
  return toOneLine(detail === '' ? 'unknown network error' : detail);
}

/**
 * Collapses whitespace runs (including newlines) into single spaces.
 *
 * @internal Not part of the public API.
 * @param text - Any text.
 * @returns The text on one line.
 * @example
 * ```ts
 * toOneLine('a\n  b'); // 'a b'
 * ```
 */
export function toOneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
