/**
 * Suggestions for values an AWS model rule refuses: each turns a refused value into the nearest
 * one the rule accepts, so an error can say what to write instead. They only rewrite characters;
 * the caller decides whether the suggestion is any use (a claim the token does not carry matches
 * nothing).
 */

/** Everything a `HeaderName` may not contain. */
const NOT_IN_HEADER_NAME = /[^A-Za-z0-9_-]+/g;
/** Everything an `InboundTokenClaimNameType` may not contain (the model's `.-:` range excludes `-`). */
const NOT_IN_CLAIM_NAME = /[^A-Za-z0-9_./:]+/g;
/** Everything a `MatchValueString` may not contain. */
const NOT_IN_CLAIM_VALUE = /[^A-Za-z0-9_.-]+/g;

/**
 * A header name the `HeaderName` rule (`[A-Za-z][A-Za-z0-9_-]{0,255}`) accepts: other characters
 * become `-`, leading and trailing `-`/`_` go, and a name that still does not start with a letter gets an `X-`
 * prefix (`1-Tenant` → `X-1-Tenant`, `_trace` → `trace`, `X Api:Key` → `X-Api-Key`).
 *
 * @internal Not part of the public API.
 * @param name - The refused header name.
 * @returns The suggestion, or `undefined` when nothing is left or it would be the same name.
 * @example
 * ```ts
 * suggestHeaderName('1-Tenant'); // 'X-1-Tenant'
 * ```
 */
export function suggestHeaderName(name: string): string | undefined {
  const cleaned = name.replace(NOT_IN_HEADER_NAME, '-').replace(/^[-_]+|[-_]+$/g, '');
  if (cleaned === '') return undefined;
  const suggestion = (/^[A-Za-z]/.test(cleaned) ? cleaned : `X-${cleaned}`).slice(0, 256);
  return suggestion === name ? undefined : suggestion;
}

/**
 * A claim name the `InboundTokenClaimNameType` rule accepts: runs of other characters (`-`,
 * spaces) become one `_` (`x-tenant` → `x_tenant`).
 *
 * @internal Not part of the public API.
 * @param name - The refused claim name.
 * @returns The suggestion, or `undefined` when nothing is left.
 * @example
 * ```ts
 * suggestClaimName('x-tenant'); // 'x_tenant'
 * ```
 */
export function suggestClaimName(name: string): string | undefined {
  return replaceRuns(name, NOT_IN_CLAIM_NAME);
}

/**
 * A claim match value the `MatchValueString` rule (`[A-Za-z0-9_.-]+`) accepts: runs of other
 * characters (spaces, `&`) become one `_` (`R&D team` → `R_D_team`).
 *
 * @internal Not part of the public API.
 * @param value - The refused value.
 * @returns The suggestion, or `undefined` when nothing is left.
 * @example
 * ```ts
 * suggestClaimMatchValue('R&D team'); // 'R_D_team'
 * ```
 */
export function suggestClaimMatchValue(value: string): string | undefined {
  return replaceRuns(value, NOT_IN_CLAIM_VALUE);
}

function replaceRuns(value: string, disallowed: RegExp): string | undefined {
  const suggestion = value
    .replace(disallowed, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 255);
  return suggestion === '' || suggestion === value ? undefined : suggestion;
}
