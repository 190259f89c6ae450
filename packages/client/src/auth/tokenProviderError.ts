import { AgentCoreMcpError, type AgentCoreMcpErrorOptions } from '@agentcore-mcp/core';

/** The error codes of {@link TokenProviderError}, a subset of core's `ErrorCode`. */
export type TokenProviderErrorCode = 'ERR_TOKEN_REFRESH_FAILED';

/** Options of the {@link TokenProviderError} constructor: core's `cause`, and the issuer's error. */
export interface TokenProviderErrorOptions extends AgentCoreMcpErrorOptions {
  /**
   * What the issuer or the network called the failure: a Cognito exception name
   * (`NotAuthorizedException`), an OAuth error code (`invalid_client`), a socket error code
   * (`ECONNREFUSED`), `TimeoutError`, or the challenge Cognito answered with. Default: none.
   */
  errorName?: string;
}

/**
 * Thrown by a {@link TokenProvider} (and by `requestClientCredentialsToken` and
 * `initiateCognitoAuth`) that cannot get an access token: the issuer refused the credentials, or
 * could not be reached. The message is one line (what failed, the issuer's error code, how to fix
 * it) and never holds a token or secret; the original error is in `cause`, the issuer's name for
 * it in `errorName`. It is an `AgentCoreMcpError` of `@agentcore-mcp/core`.
 *
 * @example
 * ```ts
 * try {
 *   await provider.getToken();
 * } catch (error) {
 *   if (error instanceof TokenProviderError && error.errorName === 'NotAuthorizedException') {
 *     console.error(error.message);
 *   }
 * }
 * ```
 */
export class TokenProviderError extends AgentCoreMcpError {
  declare readonly code: TokenProviderErrorCode;
  /** The issuer's (or the network's) name for the failure, when known; see the options. */
  readonly errorName: string | undefined;

  /**
   * @param message - One line: what failed and how to fix it.
   * @param options - `cause` for the underlying error, `errorName` for the issuer's name of it.
   */
  constructor(message: string, options: TokenProviderErrorOptions = {}) {
    super('ERR_TOKEN_REFRESH_FAILED', message, { cause: options.cause });
    this.errorName = options.errorName;
  }
}
