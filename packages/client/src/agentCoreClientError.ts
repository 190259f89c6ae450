/** The error codes of {@link AgentCoreClientError}. */
export type AgentCoreClientErrorCode =
  | 'ERR_UNAUTHORIZED'
  | 'ERR_FORBIDDEN'
  | 'ERR_AUTH_METHOD_MISMATCH'
  | 'ERR_NOT_ACCEPTABLE'
  | 'ERR_RUNTIME_INIT_TIMEOUT'
  | 'ERR_UPSTREAM_UNAVAILABLE'
  | 'ERR_TIMEOUT';

/** Options of the {@link AgentCoreClientError} constructor. */
export interface AgentCoreClientErrorOptions {
  /** The HTTP status that caused the error, when there was a response. */
  status?: number;
  /** The underlying error, kept for diagnostics and never copied into the message. */
  cause?: unknown;
}

/**
 * Thrown by `connectAgentCore` and by the calls of the client it returns when an AgentCore runtime
 * (or any MCP server) refuses a request or cannot be reached: the message is one line saying what
 * went wrong and how to fix it, and never holds a token. Switch on `code`.
 *
 * @example
 * ```ts
 * try {
 *   await client.listTools();
 * } catch (error) {
 *   if (error instanceof AgentCoreClientError && error.code === 'ERR_UNAUTHORIZED') {
 *     console.error(error.message); // … run `agentcore-mcp token` …
 *   }
 * }
 * ```
 */
export class AgentCoreClientError extends Error {
  /** The stable machine-readable code. */
  readonly code: AgentCoreClientErrorCode;
  /** The HTTP status of the response, or `undefined` when no response arrived. */
  readonly status: number | undefined;

  /**
   * @param code - The stable error code.
   * @param message - One line: what went wrong and how to fix it.
   * @param options - The HTTP `status` and the `cause`.
   */
  constructor(
    code: AgentCoreClientErrorCode,
    message: string,
    options: AgentCoreClientErrorOptions = {},
  ) {
    super(message, { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.status = options.status;
  }
}
