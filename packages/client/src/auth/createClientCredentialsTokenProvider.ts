import { prepareClientCredentialsRequest } from './clientCredentialsRequest.js';
import { createRefreshingTokenProvider } from './createRefreshingTokenProvider.js';
import {
  type ClientCredentialsTokenRequest,
  sendClientCredentialsRequest,
} from './requestClientCredentialsToken.js';
import type { TokenProvider } from './tokenProvider.js';

/** Options of {@link createClientCredentialsTokenProvider}: the request, and when to refresh. */
export interface ClientCredentialsTokenProviderOptions extends ClientCredentialsTokenRequest {
  /**
   * Refresh when the token expires within this many seconds (capped at half its lifetime).
   * Default: `60`.
   */
  refreshBeforeSeconds?: number;
}

/**
 * Gets machine-to-machine access tokens with the OAuth 2.0 `client_credentials` grant (RFC 6749
 * §4.4), e.g. from a Cognito user pool domain for an AgentCore Gateway, through
 * `requestClientCredentialsToken`'s request. The token is cached and refreshed shortly before it
 * expires (JWT `exp`, else `expires_in`; an opaque token without `expires_in` is kept until
 * `forceRefresh`).
 *
 * @param options - Token endpoint, client credentials, scopes, authentication method.
 * @returns A {@link TokenProvider}.
 * @throws {@link AgentCoreMcpError} `ERR_CONFIG_INVALID` for a bad `tokenUrl`, an empty client id
 *   or secret, or a bad `authMethod`/`refreshBeforeSeconds`; `getToken` rejects with
 *   {@link TokenProviderError} `ERR_TOKEN_REFRESH_FAILED` when the server refuses or cannot be
 *   reached.
 * @example
 * ```ts
 * const provider = createClientCredentialsTokenProvider({
 *   tokenUrl: 'https://my-domain.auth.us-east-1.amazoncognito.com/oauth2/token',
 *   clientId: process.env.M2M_CLIENT_ID ?? '',
 *   clientSecret: process.env.M2M_CLIENT_SECRET ?? '',
 *   scopes: ['gateway/invoke'],
 * });
 * const token = await provider.getToken();
 * ```
 */
export function createClientCredentialsTokenProvider(
  options: ClientCredentialsTokenProviderOptions,
): TokenProvider {
  const request = prepareClientCredentialsRequest(options, 'token provider options');
  return createRefreshingTokenProvider({
    fetchToken: () => sendClientCredentialsRequest(request),
    refreshBeforeSeconds: options.refreshBeforeSeconds,
  });
}
