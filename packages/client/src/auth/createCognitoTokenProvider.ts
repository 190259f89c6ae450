import { AgentCoreMcpError } from '@agentcore-mcp/core';

import { createRefreshingTokenProvider } from './createRefreshingTokenProvider.js';
import { isNotAuthorized, toCognitoAuthError } from './describeCognitoError.js';
import {
  type CognitoAuthTarget,
  type CognitoTokens,
  createCognitoAuthSender,
  findTargetProblem,
  isNonEmpty,
} from './initiateCognitoAuth.js';
import type { TokenProvider } from './tokenProvider.js';
import { TokenProviderError } from './tokenProviderError.js';

export type { CognitoTokens } from './initiateCognitoAuth.js';

/** Options of {@link createCognitoTokenProvider}. Give `refreshToken`, or `username` and `password`, or all three. */
export interface CognitoTokenProviderOptions extends CognitoAuthTarget {
  /** A refresh token to start from (`REFRESH_TOKEN_AUTH`). Default: none; sign in with the password. */
  refreshToken?: string;
  /** The user name for `USER_PASSWORD_AUTH`. Default: none. */
  username?: string;
  /** The password for `USER_PASSWORD_AUTH`; also the fallback when the refresh token is refused. Default: none. */
  password?: string;
  /** Refresh when the token expires within this many seconds (capped at half its lifetime). Default: `60`. */
  refreshBeforeSeconds?: number;
  /** Called after every successful sign-in or refresh, e.g. to persist the refresh token. Default: none. */
  onTokens?: (tokens: CognitoTokens) => void;
}

/**
 * Gets user access tokens from an Amazon Cognito user pool with `InitiateAuth`: `REFRESH_TOKEN_AUTH`
 * while a refresh token is known, `USER_PASSWORD_AUTH` otherwise and as the fallback when Cognito
 * refuses the refresh token (`NotAuthorizedException`). The password sign-in yields a refresh
 * token that later refreshes use. Tokens are cached and refreshed shortly before they expire.
 *
 * @param options - Region, app client, credentials of the user, refresh margin.
 * @returns A {@link TokenProvider}.
 * @throws {@link AgentCoreMcpError} `ERR_CONFIG_INVALID` for an empty region or client id, or when
 *   neither a refresh token nor a username and password is given; `getToken` rejects with
 *   {@link TokenProviderError} `ERR_TOKEN_REFRESH_FAILED` when Cognito refuses or cannot be reached.
 * @example
 * ```ts
 * const provider = createCognitoTokenProvider({
 *   region: 'us-east-1',
 *   clientId: process.env.COGNITO_CLIENT_ID ?? '',
 *   username: process.env.COGNITO_USERNAME,
 *   password: process.env.COGNITO_PASSWORD,
 * });
 * const token = await provider.getToken();
 * ```
 */
export function createCognitoTokenProvider(options: CognitoTokenProviderOptions): TokenProvider {
  assertCognitoOptions(options);
  const { username, password, onTokens, hint } = options;
  const sender = createCognitoAuthSender(options);
  let refreshToken = options.refreshToken;

  const accept = (tokens: CognitoTokens) => {
    refreshToken = tokens.refreshToken ?? refreshToken;
    onTokens?.({ ...tokens, refreshToken });
    return tokens;
  };

  async function fetchToken(): Promise<CognitoTokens> {
    let refused = false;
    if (refreshToken !== undefined) {
      try {
        return accept(await sender.send({ flow: 'REFRESH_TOKEN_AUTH', refreshToken }));
      } catch (error) {
        refused = isNotAuthorized(error);
        if (error instanceof TokenProviderError || !refused || password === undefined) {
          throw toCognitoAuthError('REFRESH_TOKEN_AUTH', error, { hint });
        }
      }
    }
    try {
      return accept(
        await sender.send({
          flow: 'USER_PASSWORD_AUTH',
          username: username ?? '',
          password: password ?? '',
        }),
      );
    } catch (error) {
      throw toCognitoAuthError('USER_PASSWORD_AUTH', error, { refreshRefused: refused, hint });
    }
  }

  return createRefreshingTokenProvider({
    fetchToken,
    refreshBeforeSeconds: options.refreshBeforeSeconds,
  });
}

function assertCognitoOptions(options: CognitoTokenProviderOptions): void {
  const problem = findProblem(options);
  if (problem !== undefined) {
    throw new AgentCoreMcpError(
      'ERR_CONFIG_INVALID',
      `Invalid Cognito token provider options: ${problem}`,
    );
  }
}

function findProblem(options: CognitoTokenProviderOptions): string | undefined {
  const { refreshToken, username, password } = options;
  const targetProblem = findTargetProblem(options);
  if (targetProblem !== undefined) return targetProblem;
  if (refreshToken !== undefined && !isNonEmpty(refreshToken)) return 'refreshToken is empty';
  if ((username === undefined) !== (password === undefined)) {
    return 'pass both username and password, or neither';
  }
  if (username !== undefined && (!isNonEmpty(username) || !isNonEmpty(password))) {
    return 'username or password is empty';
  }
  if (refreshToken === undefined && username === undefined) {
    return 'pass refreshToken, or username and password';
  }
  return undefined;
}
