/**
 * An error answered on the wire as a JSON-RPC error object with exactly this `code` and `message`.
 * The SDK's `McpError` would prefix the message with "MCP error <code>:"; clients then show the
 * code twice. This is a wire error (what the client sees), kept apart from the local
 * `AgentCoreMcpError` family.
 *
 * @example
 * ```ts
 * throw new JsonRpcError(-32602, 'Unknown tool "x": call tools/list to see the available tools');
 * ```
 */
export class JsonRpcError extends Error {
  /** The JSON-RPC error code, e.g. -32602 (invalid params). */
  readonly code: number;
  /** Optional structured detail sent as the error's `data`. */
  readonly data: unknown;

  /**
   * @param code - The JSON-RPC error code.
   * @param message - One line: what was wrong and how to fix it.
   * @param data - Optional structured detail.
   */
  constructor(code: number, message: string, data?: unknown) {
    super(message);
    this.name = 'JsonRpcError';
    this.code = code;
    this.data = data;
  }
}
