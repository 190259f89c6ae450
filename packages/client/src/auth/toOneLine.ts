/**
 * Collapses whitespace and caps the length, so text from an issuer (an OAuth
 * `error_description`, an AWS exception message) fits in a one-line error message.
 *
 * @param text - Any text.
 * @returns One line of at most 200 characters (plus an ellipsis when cut).
 */
export function toOneLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}
