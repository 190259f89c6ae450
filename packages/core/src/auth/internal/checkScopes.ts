import { AgentCoreMcpError } from '../../errors.js';
import { formatList } from './formatList.js';

/**
 * Checks that the token grants at least one of `allowedScopes`; does nothing when none are
 * configured.
 *
 * @internal Not part of the public API.
 * @param granted - The token's scopes (see `readScopes`).
 * @param allowedScopes - The configured scopes, if any.
 * @throws {@link AgentCoreMcpError} `ERR_TOKEN_INSUFFICIENT_SCOPE` when none is granted.
 * @example
 * ```ts
 * checkScopes(['api/read'], ['api/read', 'api/write']);
 * ```
 */
export function checkScopes(
  granted: readonly string[],
  allowedScopes: readonly string[] | undefined,
): void {
  if (allowedScopes === undefined || granted.some((scope) => allowedScopes.includes(scope))) return;
  throw new AgentCoreMcpError(
    'ERR_TOKEN_INSUFFICIENT_SCOPE',
    `Token has none of the allowed scopes: expected one of ${formatList(allowedScopes)}, got ${formatList(granted)}; request a token with one of them`,
  );
}
