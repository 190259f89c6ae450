/** The result of {@link expandVariables}. */
export type ExpandVariablesResult =
  { readonly ok: true; readonly value: string } | { readonly ok: false; readonly missing: string };

const REFERENCE = /\$\$\{|\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g;

/**
 * Expands `${VAR}` and `${VAR:-default}` the way our gateway does for header values (`$${` stays a
 * literal `${`), so `gateway setup` can test a target with the same headers the gateway will send.
 *
 * @param text - e.g. `Bearer ${WEATHER_TOKEN}`.
 * @param env - Where variables come from.
 * @returns The value, or the first variable that is not set.
 * @example
 * ```ts
 * expandVariables('Bearer ${TOKEN}', { TOKEN: 'abc' }); // { ok: true, value: 'Bearer abc' }
 * ```
 */
export function expandVariables(text: string, env: NodeJS.ProcessEnv): ExpandVariablesResult {
  let missing: string | undefined;
  const value = text.replace(REFERENCE, (match, name?: string, fallback?: string) => {
    if (name === undefined) return '${';
    const found = env[name];
    if (fallback !== undefined) return found === undefined || found === '' ? fallback : found;
    if (found === undefined) missing ??= name;
    return found ?? match;
  });
  return missing === undefined ? { ok: true, value } : { ok: false, missing };
}

/**
 * Whether a value refers to at least one environment variable (`${VAR}` or `${VAR:-default}`).
 *
 * @param text - A header value.
 */
export function hasVariableReference(text: string): boolean {
  return [...text.matchAll(REFERENCE)].some((match) => match[1] !== undefined);
}
