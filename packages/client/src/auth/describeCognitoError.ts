import { TokenProviderError } from './tokenProviderError.js';
import { toOneLine } from './toOneLine.js';

/** The sign-in flows the Cognito token provider uses. */
export type CognitoAuthFlow = 'REFRESH_TOKEN_AUTH' | 'USER_PASSWORD_AUTH';

const FLOW_HINTS: Record<CognitoAuthFlow, ReadonlyMap<string, string>> = {
  REFRESH_TOKEN_AUTH: new Map([
    [
      'NotAuthorizedException',
      'run agentcore-mcp setup-cognito again, or pass username and password to sign in anew',
    ],
  ]),
  USER_PASSWORD_AUTH: new Map([
    [
      'NotAuthorizedException',
      'check username and password, or run agentcore-mcp setup-cognito again',
    ],
    // cognito-local's answer to a wrong password (Cognito itself says NotAuthorizedException).
    [
      'InvalidPasswordException',
      'check username and password, or run agentcore-mcp setup-cognito again',
    ],
    ['UserNotFoundException', 'check username, or run agentcore-mcp setup-cognito again'],
    [
      'PasswordResetRequiredException',
      'reset the password (aws cognito-idp admin-set-user-password)',
    ],
    ['UserNotConfirmedException', 'confirm the user (aws cognito-idp admin-confirm-sign-up)'],
  ]),
};

const COMMON_HINTS = new Map([
  ['ResourceNotFoundException', 'check clientId and region'],
  [
    'InvalidParameterException',
    'allow ALLOW_USER_PASSWORD_AUTH and ALLOW_REFRESH_TOKEN_AUTH on the app client, without a client secret',
  ],
  ['TooManyRequestsException', 'retry later; Cognito is throttling this user pool'],
  ['AbortError', 'check region, endpoint and the network'],
]);

/** What {@link describeCognitoError} says about a failure. */
export interface CognitoErrorDescription {
  /** The Cognito exception name, socket error code or `AbortError`. */
  errorName: string;
  /** `<what failed> — <how to fix it>`, one line. */
  text: string;
}

/**
 * Describes a failed `InitiateAuth` call in one line, `<what failed> — <how to fix it>`, from the
 * AWS exception name and message (which never hold the submitted secrets) or the network error
 * code.
 *
 * @param flow - The flow that failed; it selects the hint.
 * @param error - What `InitiateAuth` threw.
 * @param hint - Chooses the hint instead of the built-in one, by error name; `undefined` keeps it.
 * @returns E.g. `NotAuthorizedException: Refresh Token has expired — run agentcore-mcp setup-cognito again, …`,
 *   and the error name.
 */
export function describeCognitoError(
  flow: CognitoAuthFlow,
  error: unknown,
  hint?: (errorName: string, flow: CognitoAuthFlow) => string | undefined,
): CognitoErrorDescription {
  const { name, message, code, $fault } = (error ?? {}) as Record<string, unknown>;
  // Not an AWS exception but a socket error (ECONNREFUSED, ENOTFOUND…): name its code.
  const isSocketError = name !== 'AbortError' && $fault === undefined && typeof code === 'string';
  const errorName = isSocketError ? code : typeof name === 'string' ? name : 'Error';
  const fix =
    hint?.(errorName, flow) ??
    (isSocketError
      ? 'check region, endpoint and the network'
      : (FLOW_HINTS[flow].get(errorName) ??
        COMMON_HINTS.get(errorName) ??
        'check region, endpoint and clientId'));
  if (errorName === 'AbortError')
    return { errorName, text: `no answer from Cognito in time — ${fix}` };
  if (isSocketError) return { errorName, text: `${errorName} — ${fix}` };
  const detail = typeof message === 'string' && message !== '' ? `: ${toOneLine(message)}` : '';
  return { errorName, text: `${errorName}${detail} — ${fix}` };
}

/** Options of {@link toCognitoAuthError}. */
export interface ToCognitoAuthErrorOptions {
  /** Whether a refresh token was refused before this password sign-in. Default: `false`. */
  refreshRefused?: boolean;
  /** Chooses the hint by error name; see `CognitoAuthTarget.hint`. Default: the built-in hints. */
  hint?: (errorName: string, flow: CognitoAuthFlow) => string | undefined;
}

/**
 * Turns what an `InitiateAuth` call threw into the one-line {@link TokenProviderError} of the
 * token provider and of `initiateCognitoAuth`; a `TokenProviderError` passes through.
 *
 * @param flow - The flow that failed.
 * @param error - What the call threw.
 * @param options - Whether a refresh token was refused first; the hint override.
 * @returns E.g. `Cannot refresh the Cognito access token: NotAuthorizedException: … — …`, with
 *   `errorName` and the original error as `cause`.
 */
export function toCognitoAuthError(
  flow: CognitoAuthFlow,
  error: unknown,
  options: ToCognitoAuthErrorOptions = {},
): TokenProviderError {
  if (error instanceof TokenProviderError) return error;
  const what =
    flow === 'REFRESH_TOKEN_AUTH'
      ? 'Cannot refresh the Cognito access token'
      : `Cannot sign in to Cognito with the password${options.refreshRefused ? ' (the refresh token was refused too)' : ''}`;
  const { errorName, text } = describeCognitoError(flow, error, options.hint);
  return new TokenProviderError(`${what}: ${text}`, { cause: error, errorName });
}

/**
 * Whether Cognito refused the credentials themselves (an expired or revoked refresh token, a wrong
 * password), as opposed to a configuration, throttling or network problem.
 *
 * @param error - What `InitiateAuth` threw.
 * @returns `true` for `NotAuthorizedException`.
 */
export function isNotAuthorized(error: unknown): boolean {
  return error instanceof Error && error.name === 'NotAuthorizedException';
}
