import {
  AgentCoreMcpError,
  type AgentCoreMcpErrorOptions,
  type ErrorCode,
} from '@agentcore-mcp/core';

/** The error codes of {@link AgentCoreClientError}: the part of core's `ErrorCode` it uses. */
export type AgentCoreClientErrorCode = Extract<
  ErrorCode,
  | 'ERR_AUTH_METHOD_MISMATCH'
  | 'ERR_FORBIDDEN'
  | 'ERR_NOT_ACCEPTABLE'
  | 'ERR_RUNTIME_INIT_TIMEOUT'
  | 'ERR_TIMEOUT'
  | 'ERR_UNAUTHORIZED'
  | 'ERR_UPSTREAM_UNAVAILABLE'
>;

/** Options of the {@link AgentCoreClientError} constructor: core's `cause`, and the HTTP status. */
export interface AgentCoreClientErrorOptions extends AgentCoreMcpErrorOptions {
  /** The HTTP status that caused the error, when there was a response. */
  status?: number;
}

/**
 * Thrown by `connectAgentCore` and by the calls of the client it returns when an AgentCore runtime
 * (or any MCP server) refuses a request or cannot be reached: the message is one line saying what
 * went wrong and how to fix it, and never holds a token. Switch on `code`. It is an
 * `AgentCoreMcpError` of `@agentcore-mcp/core`.
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
export class AgentCoreClientError extends AgentCoreMcpError {
  declare readonly code: AgentCoreClientErrorCode;
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
    super(code, message, { cause: options.cause });
    this.status = options.status;
  }
}
