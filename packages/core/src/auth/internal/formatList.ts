import { quoteInput } from '../../internal/quoteInput.js';

/** How many values a message lists before it says `and N more`. */
const MAX_LISTED = 5;

/**
 * Formats values for an error message: quoted, comma-separated, at most five, e.g.
 * `"a", "b" and 3 more`; `(none)` when empty.
 *
 * @internal Not part of the public API.
 * @param values - The values to list.
 * @returns The formatted list.
 * @example
 * ```ts
 * formatList(['a', 'b']); // '"a", "b"'
 * ```
 */
export function formatList(values: readonly unknown[]): string {
  if (values.length === 0) return '(none)';
  const shown = values.slice(0, MAX_LISTED).map(quoteInput).join(', ');
  const rest = values.length - MAX_LISTED;
  return rest > 0 ? `${shown} and ${rest} more` : shown;
}
