/**
 * Picks the allowed key that an unknown key was most likely meant to be: the same key in another
 * case, or the closest by edit distance (at most 1 edit for short keys, about a third of the length
 * for longer ones).
 *
 * @internal Not part of the public API.
 * @returns The suggestion, or `undefined` when nothing is close.
 */
export function suggestKey(unknown: string, allowed: readonly string[]): string | undefined {
  const lower = unknown.toLowerCase();
  const sameCase = allowed.find((key) => key.toLowerCase() === lower);
  if (sameCase !== undefined) return sameCase;
  const budget = Math.max(1, Math.floor(unknown.length / 3));
  let best: string | undefined;
  let bestDistance = budget + 1;
  for (const key of allowed) {
    const distance = editDistance(lower, key.toLowerCase());
    if (distance < bestDistance) {
      best = key;
      bestDistance = distance;
    }
  }
  return best;
}

/** Optimal-string-alignment distance: Levenshtein, with a swap of two neighbours as one edit. */
function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number): number => rows[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i <= a.length; i += 1) {
    const row = rows[i] ?? [];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, at(i - 2, j - 2) + 1);
      }
      row[j] = value;
    }
  }
  return at(a.length, b.length);
}
