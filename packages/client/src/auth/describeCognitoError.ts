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

/**
 * Describes a failed `InitiateAuth` call in one line, `<what failed> — <how to fix it>`, from the
 * AWS exception name and message (which never hold the submitted secrets) or the network error
 * code.
 *
 * @param flow - The flow that failed; it selects the hint.
 * @param error - What `InitiateAuth` threw.
 * @returns E.g. `NotAuthorizedException: Refresh Token has expired — run agentcore-mcp setup-cognito again, …`.
 */
export function describeCognitoError(flow: CognitoAuthFlow, error: unknown): string {
  const { name, message, code, $fault } = (error ?? {}) as Record<string, unknown>;
  const errorName = typeof name === 'string' ? name : 'Error';
  const hint =
    FLOW_HINTS[flow].get(errorName) ??
    COMMON_HINTS.get(errorName) ??
    'check region, endpoint and clientId';
  if (errorName === 'AbortError') return `no answer from Cognito in time — ${hint}`;
  // Not an AWS exception but a socket error (ECONNREFUSED, ENOTFOUND…): name its code.
  if ($fault === undefined && typeof code === 'string') {
    return `${code} — check region, endpoint and the network`;
  }
  const detail = typeof message === 'string' && message !== '' ? `: ${toOneLine(message)}` : '';
  return `${errorName}${detail} — ${hint}`;
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
