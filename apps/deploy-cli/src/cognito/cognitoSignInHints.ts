import { UNREACHABLE_ERRORS } from '../aws/awsRequestHints.js';
import type { CognitoTarget } from '../aws/cognitoTarget.js';

/** Cognito's answers to a wrong password or a stale refresh token (cognito-local says the second). */
const REJECTED_SIGN_IN = new Set(['NotAuthorizedException', 'InvalidPasswordException']);

/**
 * The CLI's fixes for a failed Cognito sign-in (`InitiateAuth`), given to the client library's
 * `initiateCognitoAuth` and `createCognitoTokenProvider` as their `hint`: the CLI knows that the
 * credentials came from `setup-cognito` and where `--endpoint` pointed.
 *
 * @param target - The region and the local endpoint, if any.
 * @returns The hint for an error name, or `undefined` to keep the library's.
 * @example
 * ```ts
 * createCognitoTokenProvider({ ...target, clientId, refreshToken, hint: cognitoSignInHint(target) });
 * ```
 */
export function cognitoSignInHint(
  target: CognitoTarget,
): (errorName: string) => string | undefined {
  return (errorName) => {
    if (REJECTED_SIGN_IN.has(errorName)) {
      return 'the stored password or refresh token was rejected; run agentcore-mcp setup-cognito again to set a fresh password';
    }
    if (!UNREACHABLE_ERRORS.includes(errorName) && errorName !== 'AbortError') return undefined;
    return target.endpoint === undefined
      ? `cannot reach Cognito in ${target.region}; check your network, proxy and the region`
      : `cannot reach ${target.endpoint}; is the local server (e.g. cognito-local) running, and is --endpoint right?`;
  };
}

/**
 * The CLI's fixes for a failed client-credentials token request to the domain `setup-cognito --m2m`
 * created, given to the client library's `requestClientCredentialsToken` as its `hint`.
 *
 * @param errorName - The OAuth error, network code, `TimeoutError` or `HTTP <status>`.
 * @returns The hint.
 * @example
 * ```ts
 * await requestClientCredentialsToken({ ...stored.m2m, hint: clientCredentialsHint });
 * ```
 */
export function clientCredentialsHint(errorName: string): string {
  switch (errorName) {
    case 'invalid_client':
      return 'the client id or secret was rejected; run agentcore-mcp setup-cognito --m2m again';
    case 'invalid_scope':
    case 'unauthorized_client':
      return 'the machine client may not use client_credentials with these scopes; run agentcore-mcp setup-cognito --m2m again';
    case 'unsupported_grant_type':
      return 'this token endpoint has no client_credentials grant (cognito-local has none); use a Cognito domain on AWS';
    default:
      return 'a new domain can take a minute to answer, so retry; otherwise check the network and the tokenUrl in the credentials file';
  }
}
