/**
 * Compiles glob patterns (`*` any run of characters, `?` one character, everything else literal)
 * into one predicate.
 */
export function compileGlobs(patterns: readonly string[]): (name: string) => boolean {
  if (patterns.length === 0) return () => false;
  const body = patterns
    .map((pattern) =>
      [...pattern]
        .map((char) =>
          char === '*' ? '.*' : char === '?' ? '.' : char.replaceAll(/[\\^$.|+()[\]{}]/g, '\\$&'),
        )
        .join(''),
    )
    .join('|');
  const regex = new RegExp(`^(?:${body})$`, 'su');
  return (name) => regex.test(name);
}
