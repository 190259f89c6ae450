/** Longest input echoed back in an error message before it is shortened. */
const MAX_QUOTED_LENGTH = 200;

/**
 * Quotes a caller-supplied value for an error message: JSON string escaping keeps the message on
 * one line (newlines become `\n`), and very long input is shortened with an ellipsis.
 *
 * @internal Not part of the public API.
 * @param value - Whatever the caller passed.
 * @returns The value in double quotes, e.g. `"my-server"`, or a type description for non-strings.
 * @example
 * ```ts
 * quoteInput('a\nb'); // '"a\\nb"'
 * ```
 */
export function quoteInput(value: unknown): string {
  if (typeof value !== 'string') return `(${value === null ? 'null' : typeof value})`;
  const shown = value.length > MAX_QUOTED_LENGTH ? `${value.slice(0, MAX_QUOTED_LENGTH)}…` : value;
  return JSON.stringify(shown);
}
