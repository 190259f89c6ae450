import { AgentCoreMcpError, type AgentCoreMcpErrorOptions } from '@agentcore-mcp/core';

/** The error code of {@link ToolError}. */
export type ToolErrorCode = 'ERR_TOOL_FAILED';

/**
 * An expected tool failure, shown to the model as an `isError` result with this message
 * (e.g. "Cannot divide by zero"). Unexpected errors are reported the same way but logged as errors.
 * Its code is always `ERR_TOOL_FAILED`.
 *
 * @example
 * ```ts
 * if (b === 0) throw new ToolError('Cannot divide by zero: b must not be 0');
 * ```
 */
export class ToolError extends AgentCoreMcpError {
  declare readonly code: ToolErrorCode;

  /**
   * @param message - What went wrong, for the model and the user.
   * @param options - `cause` for the underlying error.
   */
  constructor(message: string, options?: AgentCoreMcpErrorOptions) {
    super('ERR_TOOL_FAILED', message, options);
  }
}
