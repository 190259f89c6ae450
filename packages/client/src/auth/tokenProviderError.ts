/** The error codes of {@link TokenProviderError}. */
export type TokenProviderErrorCode = 'ERR_TOKEN_REFRESH_FAILED';

/**
 * Thrown by a {@link TokenProvider} that cannot get an access token: the issuer refused the
 * credentials, or could not be reached. The message is one line (what failed, the issuer's error
 * code, how to fix it) and never holds a token or secret; the original error is in `cause`.
 *
 * @example
 * ```ts
 * try {
 *   await provider.getToken();
 * } catch (error) {
 *   if (error instanceof TokenProviderError) console.error(error.message);
 * }
 * ```
 */
export class TokenProviderError extends Error {
  /** The stable machine-readable code. */
  readonly code: TokenProviderErrorCode = 'ERR_TOKEN_REFRESH_FAILED';

  /**
   * @param message - One line: what failed and how to fix it.
   * @param options - `cause` for the underlying error.
   */
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}
