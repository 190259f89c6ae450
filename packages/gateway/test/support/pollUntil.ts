/** Options of {@link pollUntil}. */
export interface PollUntilOptions {
  /** What is awaited, for the error message. */
  what: string;
  /** Give up after this long, in ms; default 20000 (generous: 2 busy cores). */
  timeoutMs?: number;
  /** Pause between attempts, in ms; default 50. */
  intervalMs?: number;
}

/**
 * Calls `probe` until it returns something other than `undefined` and returns that; a probe that
 * throws counts as not yet. Rejects after `timeoutMs` with the last value or error seen.
 */
export async function pollUntil<T>(
  probe: () => Promise<T | undefined> | T | undefined,
  options: PollUntilOptions,
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 20_000;
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
      last = undefined;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      const detail = last instanceof Error ? `; last error: ${last.message}` : '';
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${options.what}${detail}`);
    }
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 50));
  }
}
