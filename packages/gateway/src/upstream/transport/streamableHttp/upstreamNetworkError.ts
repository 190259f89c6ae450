import { AgentCoreMcpError } from '@agentcore-mcp/core';

/**
 * A request to an http target that failed below HTTP: the connection was refused, reset or closed
 * before the answer was complete. Its code is `ERR_TARGET_FAILED`; the network error (e.g.
 * `connect ECONNREFUSED 127.0.0.1:8001`) is the `cause`, which `describeUpstreamError` appends to
 * the message, and its code is `networkCode`.
 *
 * @example
 * ```ts
 * throw new UpstreamNetworkError('request failed', socketError);
 * ```
 */
export class UpstreamNetworkError extends AgentCoreMcpError {
  /** Always `ERR_TARGET_FAILED`. */
  declare readonly code: 'ERR_TARGET_FAILED';
  /** The network error's code, e.g. `ECONNREFUSED`; `undefined` when it has none. */
  readonly networkCode: string | undefined;

  /**
   * @param message - What failed, one line (the cause's message is not repeated here).
   * @param cause - The network error.
   */
  constructor(message: string, cause: unknown) {
    super('ERR_TARGET_FAILED', message, { cause });
    const code = (cause as { code?: unknown } | undefined)?.code;
    this.networkCode = typeof code === 'string' ? code : undefined;
  }
}
