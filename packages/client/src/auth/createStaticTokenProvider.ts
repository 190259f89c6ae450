import { AgentCoreMcpError } from '@agentcore-mcp/core';

import type { TokenProvider } from './tokenProvider.js';

/**
 * Wraps a fixed bearer token, e.g. one from an environment variable. It never refreshes:
 * `forceRefresh` returns the same token.
 *
 * @param token - The access token, without the `Bearer ` prefix.
 * @returns A {@link TokenProvider} that always yields `token`.
 * @throws {@link AgentCoreMcpError} `ERR_CONFIG_INVALID` when `token` is empty or starts with
 *   `Bearer `.
 * @example
 * ```ts
 * const provider = createStaticTokenProvider(process.env.AGENTCORE_BEARER_TOKEN ?? '');
 * ```
 */
export function createStaticTokenProvider(token: string): TokenProvider {
  if (typeof token !== 'string' || token.trim() === '') {
    throw invalidToken('it is empty; pass the access token');
  }
  if (/^bearer\s/i.test(token)) {
    throw invalidToken(
      'it starts with "Bearer "; pass the token alone, the client adds the scheme',
    );
  }
  return { getToken: () => Promise.resolve(token) };
}

function invalidToken(problem: string): AgentCoreMcpError {
  return new AgentCoreMcpError('ERR_CONFIG_INVALID', `Invalid static token: ${problem}`);
}
