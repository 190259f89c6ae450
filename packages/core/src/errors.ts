/**
 * Every stable error code raised by agentcore-mcp packages. Callers `switch (err.code)`; the codes
 * never change meaning once published. Messages are one line: what was wrong and how to fix it.
 */
export type ErrorCode =
  | 'ERR_INVALID_ARN'
  | 'ERR_INVALID_REGION'
  | 'ERR_INVALID_QUALIFIER'
  | 'ERR_INVALID_ENDPOINT'
  | 'ERR_INVALID_INVOCATION_URL'
  | 'ERR_INVALID_RUNTIME_NAME'
  | 'ERR_INVALID_HEADER_ALLOWLIST'
  | 'ERR_CONFIG_INVALID'
  | 'ERR_TOKEN_MISSING'
  | 'ERR_TOKEN_MALFORMED'
  | 'ERR_TOKEN_INVALID'
  | 'ERR_TOKEN_EXPIRED'
  | 'ERR_TOKEN_NOT_YET_VALID'
  | 'ERR_TOKEN_WRONG_ISSUER'
  | 'ERR_TOKEN_WRONG_CLIENT'
  | 'ERR_TOKEN_INSUFFICIENT_SCOPE'
  | 'ERR_TOKEN_CLAIM_MISMATCH'
  | 'ERR_AUTHORIZER_UNAVAILABLE'
  | 'ERR_DUPLICATE_DEFINITION'
  | 'ERR_LISTEN_FAILED'
  | 'ERR_INTERNAL';

/** Options accepted by every {@link AgentCoreMcpError} constructor. */
export interface AgentCoreMcpErrorOptions {
  /** The underlying error, kept for diagnostics and never copied into the message. */
  cause?: unknown;
}

/**
 * The single error class of the agentcore-mcp family. Every error our packages throw is an
 * instance, with a stable {@link ErrorCode} in `code` and a one-line, actionable `message`.
 *
 * @example
 * ```ts
 * try {
 *   parseRuntimeArn(input);
 * } catch (error) {
 *   if (error instanceof AgentCoreMcpError && error.code === 'ERR_INVALID_ARN') {
 *     console.error(error.message);
 *   }
 * }
 * ```
 */
export class AgentCoreMcpError extends Error {
  /** The stable machine-readable code; see {@link ErrorCode}. */
  readonly code: ErrorCode;

  /**
   * @param code - The stable error code.
   * @param message - One line: what was wrong and how to fix it.
   * @param options - `cause` for the underlying error.
   */
  constructor(code: ErrorCode, message: string, options?: AgentCoreMcpErrorOptions) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/**
 * Wraps anything thrown into an {@link AgentCoreMcpError}: our own errors pass through unchanged,
 * everything else becomes `ERR_INTERNAL` with the original kept as `cause`.
 *
 * @param error - Any thrown value.
 * @returns An {@link AgentCoreMcpError}.
 * @example
 * ```ts
 * const failure = toAgentCoreMcpError(caught);
 * logger.error({ code: failure.code }, failure.message);
 * ```
 */
export function toAgentCoreMcpError(error: unknown): AgentCoreMcpError {
  if (error instanceof AgentCoreMcpError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new AgentCoreMcpError('ERR_INTERNAL', `Unexpected internal error: ${detail}`, {
    cause: error,
  });
}
