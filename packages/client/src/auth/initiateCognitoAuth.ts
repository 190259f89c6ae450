import { AgentCoreMcpError } from '@agentcore-mcp/core';
import {
  CognitoIdentityProviderClient,
  type CognitoIdentityProviderClientConfig,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';

import { type CognitoAuthFlow, toCognitoAuthError } from './describeCognitoError.js';
import { readTokenExpiry } from './readTokenExpiry.js';
import { TokenProviderError } from './tokenProviderError.js';

export type { CognitoAuthFlow } from './describeCognitoError.js';

/** Static AWS credentials (access key id and secret, optional session token). */
type AwsCredentialIdentity = Exclude<
  NonNullable<CognitoIdentityProviderClientConfig['credentials']>,
  (...args: never[]) => unknown
>;

/** One sign-in: a password sign-in, or a refresh with a refresh token. */
export type CognitoSignIn =
  | { flow: 'USER_PASSWORD_AUTH'; username: string; password: string }
  | { flow: 'REFRESH_TOKEN_AUTH'; refreshToken: string };

/** The tokens of one successful sign-in or refresh. */
export interface CognitoTokens {
  /** The access token: the bearer for AgentCore (`client_id` claim, no `aud`). */
  accessToken: string;
  /** The ID token (`aud` = the client id), when Cognito returned one (it does on success). */
  idToken?: string;
  /**
   * The refresh token. From `initiateCognitoAuth`: the one Cognito returned (after a password
   * sign-in, or when it rotates refresh tokens), absent otherwise. In the provider's `onTokens`:
   * the one now in use, new or old.
   */
  refreshToken?: string;
  /** When the access token expires: its JWT `exp`, else `ExpiresIn`, else in Cognito's default hour. */
  expiresAt: Date;
}

/** Where and how {@link initiateCognitoAuth} signs in. */
export interface CognitoAuthTarget {
  /** The user pool's region, e.g. `us-east-1`. Required. */
  region: string;
  /** The app client id (a client without a secret). Required. */
  clientId: string;
  /** An endpoint to use instead of AWS, e.g. a local cognito-local `http://127.0.0.1:9229`. Default: AWS. */
  endpoint?: string;
  /**
   * AWS credentials for the SDK client. `InitiateAuth` is unauthenticated, so none are needed.
   * Default: dummy credentials when `endpoint` is set, else none.
   */
  credentials?: AwsCredentialIdentity;
  /** How long one call may take, retries included, in ms. Default: `30000`. */
  timeoutMs?: number;
  /**
   * The fix to suggest for a failure, by its name: the Cognito exception
   * (`NotAuthorizedException`), the socket error code (`ECONNREFUSED`), `AbortError` for a
   * timeout, or the challenge (`NEW_PASSWORD_REQUIRED`). Return `undefined` to keep the built-in
   * hint. Default: the built-in hints.
   */
  hint?: (errorName: string, flow: CognitoAuthFlow) => string | undefined;
}

/** The credentials used against a local endpoint such as cognito-local, which checks none. */
const LOCAL_CREDENTIALS: AwsCredentialIdentity = { accessKeyId: 'local', secretAccessKey: 'local' };
/** Cognito's default access-token lifetime, used only if a response has neither `exp` nor `ExpiresIn`. */
const DEFAULT_LIFETIME_SECONDS = 3600;

/**
 * Signs in to an Amazon Cognito user pool with one `InitiateAuth` call: `USER_PASSWORD_AUTH` with
 * a username and password, or `REFRESH_TOKEN_AUTH` with a refresh token. No caching and no
 * fallback: `createCognitoTokenProvider` adds both around this same call.
 *
 * @param signIn - The flow and its credentials.
 * @param target - Region, app client, optional endpoint (cognito-local), time limit, hints.
 * @returns The tokens.
 * @throws {@link AgentCoreMcpError} `ERR_CONFIG_INVALID` for an empty region, client id or
 *   credential; {@link TokenProviderError} `ERR_TOKEN_REFRESH_FAILED` when Cognito refuses, asks
 *   for a challenge or cannot be reached: one line with the Cognito error name and a hint, and
 *   `errorName` (e.g. `NotAuthorizedException` for a wrong password or an expired refresh token).
 * @example
 * ```ts
 * const tokens = await initiateCognitoAuth(
 *   { flow: 'USER_PASSWORD_AUTH', username: 'alice', password: process.env.PASSWORD ?? '' },
 *   { region: 'us-east-1', clientId: process.env.COGNITO_CLIENT_ID ?? '' },
 * );
 * console.log(tokens.accessToken, tokens.expiresAt.toISOString());
 * ```
 */
export async function initiateCognitoAuth(
  signIn: CognitoSignIn,
  target: CognitoAuthTarget,
): Promise<CognitoTokens> {
  const problem = findTargetProblem(target) ?? findSignInProblem(signIn);
  if (problem !== undefined) {
    throw new AgentCoreMcpError('ERR_CONFIG_INVALID', `Invalid Cognito sign-in: ${problem}`);
  }
  const sender = createCognitoAuthSender(target);
  try {
    return await sender.send(signIn);
  } catch (error) {
    throw toCognitoAuthError(signIn.flow, error, { hint: target.hint });
  } finally {
    sender.destroy();
  }
}

/** Sends `InitiateAuth` calls through one SDK client; see {@link createCognitoAuthSender}. */
export interface CognitoAuthSender {
  /** One call; throws what the SDK threw, or a {@link TokenProviderError} for a challenge. */
  send(signIn: CognitoSignIn): Promise<CognitoTokens>;
  /** Releases the SDK client's sockets. */
  destroy(): void;
}

/**
 * The `InitiateAuth` call behind {@link initiateCognitoAuth} and the Cognito token provider,
 * without turning failures into one-line errors (the provider words them itself).
 *
 * @param target - Region, app client, endpoint, credentials, time limit and hints.
 * @returns The sender.
 */
export function createCognitoAuthSender(target: CognitoAuthTarget): CognitoAuthSender {
  const { region, clientId, endpoint, timeoutMs = 30_000 } = target;
  const credentials =
    target.credentials ?? (endpoint === undefined ? undefined : LOCAL_CREDENTIALS);
  const client = new CognitoIdentityProviderClient({ region, endpoint, credentials });
  return {
    async send(signIn) {
      const parameters: Record<string, string> =
        signIn.flow === 'USER_PASSWORD_AUTH'
          ? { USERNAME: signIn.username, PASSWORD: signIn.password }
          : { REFRESH_TOKEN: signIn.refreshToken };
      const output = await client.send(
        new InitiateAuthCommand({
          ClientId: clientId,
          AuthFlow: signIn.flow,
          AuthParameters: parameters,
        }),
        { abortSignal: AbortSignal.timeout(timeoutMs) },
      );
      const result = output.AuthenticationResult;
      if (result?.AccessToken === undefined) {
        const challenge = output.ChallengeName ?? 'unknown';
        throw new TokenProviderError(
          `Cannot get a Cognito access token: ${signIn.flow} ended in the ${challenge} challenge, which this provider cannot answer — ${target.hint?.(challenge, signIn.flow) ?? 'set a permanent password (aws cognito-idp admin-set-user-password --permanent) and use a user without MFA'}`,
          { errorName: challenge },
        );
      }
      const receivedAt = Date.now();
      return {
        accessToken: result.AccessToken,
        idToken: result.IdToken,
        refreshToken: result.RefreshToken,
        expiresAt:
          readTokenExpiry(result.AccessToken, result.ExpiresIn, receivedAt) ??
          new Date(receivedAt + DEFAULT_LIFETIME_SECONDS * 1000),
      };
    },
    destroy: () => client.destroy(),
  };
}

/**
 * What is wrong with a sign-in target, if anything.
 *
 * @param target - The region and client id (and the rest, unchecked).
 * @returns The problem, for an `ERR_CONFIG_INVALID` message, or `undefined`.
 */
export function findTargetProblem(
  target: Pick<CognitoAuthTarget, 'region' | 'clientId'>,
): string | undefined {
  if (!isNonEmpty(target.region))
    return 'region is empty; pass the user pool region, e.g. us-east-1';
  if (!isNonEmpty(target.clientId)) return 'clientId is empty; pass the app client id';
  return undefined;
}

function findSignInProblem(signIn: CognitoSignIn): string | undefined {
  if (signIn.flow === 'REFRESH_TOKEN_AUTH') {
    return isNonEmpty(signIn.refreshToken) ? undefined : 'refreshToken is empty';
  }
  return isNonEmpty(signIn.username) && isNonEmpty(signIn.password)
    ? undefined
    : 'username or password is empty';
}

/**
 * Whether a value is a string with more than whitespace.
 *
 * @param value - Anything.
 * @returns `true` for a non-blank string.
 */
export function isNonEmpty(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}
