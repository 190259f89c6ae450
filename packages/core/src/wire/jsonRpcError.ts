/**
 * The wire error: a JSON-RPC error object (`code`, `message`, optional `data`) that a server
 * answers, as an exception. It stands apart from the local `AgentCoreMcpError` family (the
 * MCP SDK keeps `ProtocolError` apart from `SdkError` the same way): a local error becomes one at
 * the edge through `toJsonRpcError`. The SDK's `McpError` would prefix the message with
 * "MCP error <code>:", so clients would show the code twice; this class sends the message as is.
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
