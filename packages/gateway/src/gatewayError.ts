import { JsonRpcError } from '@agentcore-mcp/server-kit';
import { ErrorCode } from '@modelcontextprotocol/sdk/types.js';

/** Why a gateway request failed, as a stable code for programs (the message is for people). */
export type GatewayErrorCode =
  /** The target's circuit is open, or it is not connected: the call was not sent. */
  | 'ERR_TARGET_UNAVAILABLE'
  /** The target did not answer within its `timeoutMs`. */
  | 'ERR_TARGET_TIMEOUT'
  /** The connection to the target failed while the request was under way. */
  | 'ERR_TARGET_FAILED'
  /** No target serves the tool or prompt that was asked for. */
  | 'ERR_NOT_FOUND'
  /** No target serves the resource URI that was asked for. */
  | 'ERR_RESOURCE_NOT_FOUND';

const RPC_CODES: Record<GatewayErrorCode, number> = {
  ERR_TARGET_UNAVAILABLE: -32_003,
  ERR_TARGET_TIMEOUT: ErrorCode.RequestTimeout,
  ERR_TARGET_FAILED: -32_004,
  ERR_NOT_FOUND: ErrorCode.InvalidParams,
  ERR_RESOURCE_NOT_FOUND: -32_002,
};

/**
 * A request the gateway could not complete. Its message is one line naming the target and what to
 * do; `rpcCode` is the JSON-RPC error code the client receives: -32003 target unavailable, -32001
 * timeout (the SDK's `RequestTimeout`), -32004 target failed, -32602 unknown tool or prompt,
 * -32002 unknown resource (the MCP spec's code).
 *
 * @example
 * ```ts
 * throw new GatewayError('ERR_TARGET_TIMEOUT', 'Target "slow" did not answer tools/call within 2000 ms', { target: 'slow' });
 * ```
 */
export class GatewayError extends Error {
  /** The stable code; see {@link GatewayErrorCode}. */
  readonly code: GatewayErrorCode;
  /** The JSON-RPC error code sent to the client. */
  readonly rpcCode: number;
  /** The target concerned, when there is one. */
  readonly target: string | undefined;

  /**
   * @param code - See {@link GatewayErrorCode}.
   * @param message - One line: what failed and how to fix it.
   * @param options - The target concerned and the underlying error.
   */
  constructor(
    code: GatewayErrorCode,
    message: string,
    options: { target?: string; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'GatewayError';
    this.code = code;
    this.rpcCode = RPC_CODES[code];
    this.target = options.target;
  }

  /** The error as the client receives it: a JSON-RPC error with {@link rpcCode} and this message. */
  toJsonRpc(): JsonRpcError {
    return new JsonRpcError(this.rpcCode, this.message, {
      code: this.code,
      ...(this.target === undefined ? {} : { target: this.target }),
    });
  }
}
