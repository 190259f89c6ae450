/**
 * Calls `attempt` every `intervalMs` until it returns a value, and returns it.
 *
 * @param attempt - Returns `undefined` to try again.
 * @param options - What is awaited (for the error), the interval, and the limit (default 20 s).
 * @returns The first value.
 * @throws Error naming `what` when the limit passes.
 */
export async function pollUntil<T>(
  attempt: () => Promise<T | undefined>,
  options: { what: string; intervalMs?: number; timeoutMs?: number },
): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 20_000);
  for (;;) {
    const value = await attempt();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${options.what}`);
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 50));
  }
}
