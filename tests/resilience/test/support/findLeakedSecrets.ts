/** Secrets shorter than this are not searched for: they would match by chance. */
const MIN_SECRET_LENGTH = 12;

/**
 * Finds log lines that contain a secret: a whole secret, or for a JWT its signature alone (a
 * token cut at the dot is still a leak).
 *
 * @param lines - Captured log lines.
 * @param secrets - Tokens, passwords, client secrets.
 * @returns One description per leaking line, with the secret masked; `[]` when clean.
 * @example
 * ```ts
 * expect(findLeakedSecrets(capturedLines, [token, clientSecret])).toEqual([]);
 * ```
 */
export function findLeakedSecrets(
  lines: readonly string[],
  secrets: Iterable<string | undefined>,
): string[] {
  const needles = new Set<string>();
  for (const secret of secrets) {
    if (secret === undefined) continue;
    if (secret.length >= MIN_SECRET_LENGTH) needles.add(secret);
    const signature = secret.split('.')[2];
    if (signature !== undefined && signature.length >= MIN_SECRET_LENGTH) needles.add(signature);
  }
  const leaks: string[] = [];
  for (const line of lines) {
    const found = [...needles].find((needle) => line.includes(needle));
    if (found === undefined) continue;
    const masked = line.split(found).join('<SECRET>');
    leaks.push(masked.length > 300 ? `${masked.slice(0, 297)}...` : masked);
  }
  return leaks;
}
