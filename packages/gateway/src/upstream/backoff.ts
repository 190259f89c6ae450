/** Restart delays for a dead target: 500 ms, doubling, at most 30 s, with ±20% jitter. */
export function restartDelayMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(30_000, 500 * 2 ** Math.max(0, attempt));
  return Math.round(base * (0.8 + 0.4 * random()));
}
