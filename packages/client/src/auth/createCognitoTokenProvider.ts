import { AgentCoreMcpError } from '@agentcore-mcp/core';
import {
  type AuthenticationResultType,
  CognitoIdentityProviderClient,
  type CognitoIdentityProviderClientConfig,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';

import {
  createRefreshingTokenProvider,
  type FetchedToken,
} from './createRefreshingTokenProvider.js';
import {
  type CognitoAuthFlow,
  describeCognitoError,
  isNotAuthorized,
} from './describeCognitoError.js';
import { readTokenExpiry } from './readTokenExpiry.js';
import type { TokenProvider } from './tokenProvider.js';
import { TokenProviderError } from './tokenProviderError.js';

/** Static AWS credentials (access key id and secret, optional session token). */
type AwsCredentialIdentity = Exclude<
  NonNullable<CognitoIdentityProviderClientConfig['credentials']>,
  (...args: never[]) => unknown
>;

/** The credentials used against a local endpoint such as cognito-local, which checks none. */
const LOCAL_CREDENTIALS: AwsCredentialIdentity = { accessKeyId: 'local', secretAccessKey: 'local' };
/** How long one InitiateAuth call may take, retries included. */
const REQUEST_TIMEOUT_MS = 30_000;
/** Cognito's default access-token lifetime, used only if a response has neither `exp` nor `ExpiresIn`. */
const DEFAULT_LIFETIME_SECONDS = 3600;

/** The tokens of one successful sign-in or refresh, as passed to `onTokens`. */
export interface CognitoTokens {
  /** The access token: the bearer for AgentCore. */
  accessToken: string;
  /** The ID token, when Cognito returned one. */
  idToken?: string;
  /** The refresh token now in use: a new one after a password sign-in or a rotation, else the old one. */
  refreshToken?: string;
  /** When the access token expires. */
  expiresAt: Date;
}

/** Options of {@link createCognitoTokenProvider}. Give `refreshToken`, or `username` and `password`, or all three. */
export interface CognitoTokenProviderOptions {
  /** The user pool's region, e.g. `us-east-1`. Required. */
  region: string;
  /** The app client id (a client without a secret). Required. */
  clientId: string;
  /** An endpoint to use instead of AWS, e.g. a local cognito-local `http://127.0.0.1:9229`. Default: AWS. */
  endpoint?: string;
  /** A refresh token to start from (`REFRESH_TOKEN_AUTH`). Default: none; sign in with the password. */
  refreshToken?: string;
  /** The user name for `USER_PASSWORD_AUTH`. Default: none. */
  username?: string;
  /** The password for `USER_PASSWORD_AUTH`; also the fallback when the refresh token is refused. Default: none. */
  password?: string;
  /** Refresh when the token expires within this many seconds (capped at half its lifetime). Default: `60`. */
  refreshBeforeSeconds?: number;
  /**
   * AWS credentials for the SDK client. `InitiateAuth` is unauthenticated, so none are needed.
   * Default: dummy credentials when `endpoint` is set, else none.
   */
  credentials?: AwsCredentialIdentity;
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
  const { region, clientId, endpoint, username, password, onTokens } = options;
  const credentials =
    options.credentials ?? (endpoint === undefined ? undefined : LOCAL_CREDENTIALS);
  const client = new CognitoIdentityProviderClient({ region, endpoint, credentials });
  let refreshToken = options.refreshToken;

  async function initiateAuth(
    flow: CognitoAuthFlow,
    parameters: Record<string, string>,
  ): Promise<FetchedToken> {
    const output = await client.send(
      new InitiateAuthCommand({ ClientId: clientId, AuthFlow: flow, AuthParameters: parameters }),
      { abortSignal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) },
    );
    const result = output.AuthenticationResult;
    if (result?.AccessToken === undefined) {
      throw new TokenProviderError(
        `Cannot get a Cognito access token: ${flow} ended in the ${output.ChallengeName ?? 'unknown'} challenge, which this provider cannot answer — set a permanent password (aws cognito-idp admin-set-user-password --permanent) and use a user without MFA`,
      );
    }
    return acceptTokens(result, result.AccessToken);
  }

  function acceptTokens(result: AuthenticationResultType, accessToken: string): FetchedToken {
    const receivedAt = Date.now();
    const expiresAt =
      readTokenExpiry(accessToken, result.ExpiresIn, receivedAt) ??
      new Date(receivedAt + DEFAULT_LIFETIME_SECONDS * 1000);
    refreshToken = result.RefreshToken ?? refreshToken;
    onTokens?.({ accessToken, idToken: result.IdToken, refreshToken, expiresAt });
    return { accessToken, expiresAt };
  }

  async function fetchToken(): Promise<FetchedToken> {
    let refused = false;
    if (refreshToken !== undefined) {
      try {
        return await initiateAuth('REFRESH_TOKEN_AUTH', { REFRESH_TOKEN: refreshToken });
      } catch (error) {
        refused = isNotAuthorized(error);
        if (error instanceof TokenProviderError || !refused || password === undefined) {
          throw toTokenProviderError('REFRESH_TOKEN_AUTH', error);
        }
      }
    }
    try {
      return await initiateAuth('USER_PASSWORD_AUTH', {
        USERNAME: username ?? '',
        PASSWORD: password ?? '',
      });
    } catch (error) {
      throw toTokenProviderError('USER_PASSWORD_AUTH', error, refused);
    }
  }

  return createRefreshingTokenProvider({
    fetchToken,
    refreshBeforeSeconds: options.refreshBeforeSeconds,
  });
}

function toTokenProviderError(
  flow: CognitoAuthFlow,
  error: unknown,
  refreshRefused = false,
): TokenProviderError {
  if (error instanceof TokenProviderError) return error;
  const what =
    flow === 'REFRESH_TOKEN_AUTH'
      ? 'Cannot refresh the Cognito access token'
      : `Cannot sign in to Cognito with the password${refreshRefused ? ' (the refresh token was refused too)' : ''}`;
  return new TokenProviderError(`${what}: ${describeCognitoError(flow, error)}`, { cause: error });
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
  const { region, clientId, refreshToken, username, password } = options;
  if (!isNonEmpty(region)) return 'region is empty; pass the user pool region, e.g. us-east-1';
  if (!isNonEmpty(clientId)) return 'clientId is empty; pass the app client id';
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

function isNonEmpty(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}
