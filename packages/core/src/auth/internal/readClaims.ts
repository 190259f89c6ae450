import type { JWTPayload } from 'jose';

/**
 * The token's audience as a list: `aud` as a string becomes a one-element list, non-strings in an
 * array are dropped, and a missing `aud` gives `[]`.
 *
 * @internal Not part of the public API.
 * @param payload - The verified claims.
 * @returns The audience values.
 * @example
 * ```ts
 * readAudience({ aud: 'api' }); // ['api']
 * ```
 */
export function readAudience(payload: JWTPayload): string[] {
  const { aud } = payload;
  if (typeof aud === 'string') return [aud];
  return Array.isArray(aud)
    ? aud.filter((value): value is string => typeof value === 'string')
    : [];
}

/**
 * The token's scopes: `scope` (space-separated string, as Cognito and RFC 8693 issue it) and `scp`
 * (an array, or a space-separated string as some issuers send it), merged without duplicates.
 *
 * @internal Not part of the public API.
 * @param payload - The verified claims.
 * @returns The scopes, in token order.
 * @example
 * ```ts
 * readScopes({ scope: 'api/read api/write' }); // ['api/read', 'api/write']
 * ```
 */
export function readScopes(payload: JWTPayload): string[] {
  return [...new Set([...splitScopes(payload.scope), ...splitScopes(payload.scp)])];
}

/**
 * The value of a string claim, or `undefined` when it is missing or not a string.
 *
 * @internal Not part of the public API.
 * @param payload - The verified claims.
 * @param name - The claim name.
 * @returns The string value.
 * @example
 * ```ts
 * readString({ client_id: 'abc' }, 'client_id'); // 'abc'
 * ```
 */
export function readString(payload: JWTPayload, name: string): string | undefined {
  const value = payload[name];
  return typeof value === 'string' ? value : undefined;
}

function splitScopes(value: unknown): string[] {
  if (typeof value === 'string') return value.split(/\s+/).filter((scope) => scope !== '');
  if (!Array.isArray(value)) return [];
  return value.filter((scope): scope is string => typeof scope === 'string' && scope !== '');
}
