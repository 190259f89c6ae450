/**
 * Resolves on the next SIGINT (Ctrl-C) or SIGTERM, which then no longer end the process: the
 * caller stops what it started and returns, so the CLI exits 0.
 *
 * @returns The signal's name.
 * @example
 * ```ts
 * await nextTerminationSignal();
 * await emulator.close();
 * ```
 */
export function nextTerminationSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
}
