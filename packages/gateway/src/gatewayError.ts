import {
  AgentCoreMcpError,
  ERROR_WIRE_CODES,
  type JsonRpcError,
  toJsonRpcError,
} from '@agentcore-mcp/core';

/** Why a gateway request failed, as a stable code for programs (the message is for people). */
export type GatewayErrorCode =
  /** The target's circuit is open, or it is not connected: the call was not sent. */
  | 'ERR_TARGET_UNAVAILABLE'
  /** The target did not answer within its `timeoutMs`. */
  | 'ERR_TIMEOUT'
  /** The connection to the target failed while the request was under way. */
  | 'ERR_TARGET_FAILED'
  /** No target serves the tool or prompt that was asked for. */
  | 'ERR_NOT_FOUND'
  /** No target serves the resource URI that was asked for. */
  | 'ERR_RESOURCE_NOT_FOUND'
  /** A 2026-07-28 call whose `Mcp-Param-*` headers disagree with its arguments (HTTP 400). */
  | 'ERR_HEADER_MISMATCH';

/** Options of the {@link GatewayError} constructor. */
export interface GatewayErrorOptions {
  /** The target concerned, sent to the client as `data.target`; default none. */
  target?: string | undefined;
  /** The underlying error, kept for diagnostics and never copied into the message. */
  cause?: unknown;
  /** More fields for the client's `data`, e.g. the unknown resource's `uri`; default none. */
  data?: Readonly<Record<string, unknown>> | undefined;
}

/**
 * A request the gateway could not complete. Its message is one line naming the target and what to
 * do. The client receives it as a JSON-RPC error whose code comes from core's `ERROR_WIRE_CODES`:
 * -32003 target unavailable, -32001 timeout, -32004 target failed, -32602 unknown tool or prompt,
 * -32602 unknown resource (MCP 2026-07-28's code on every revision); `data` holds `code` and `target`.
 *
 * @example
 * ```ts
 * throw new GatewayError('ERR_TIMEOUT', 'Target "slow" did not answer tools/call within 2000 ms', { target: 'slow' });
 * ```
 */
export class GatewayError extends AgentCoreMcpError {
  /** The stable code; see {@link GatewayErrorCode}. */
  declare readonly code: GatewayErrorCode;
  /** The target concerned, when there is one. */
  readonly target: string | undefined;
  readonly #data: Readonly<Record<string, unknown>> | undefined;

  /**
   * @param code - See {@link GatewayErrorCode}.
   * @param message - One line: what failed and how to fix it.
   * @param options - The target concerned and the underlying error.
   */
  constructor(code: GatewayErrorCode, message: string, options: GatewayErrorOptions = {}) {
    super(code, message, options.cause === undefined ? undefined : { cause: options.cause });
    this.target = options.target;
    this.#data = options.data;
  }

  /** The JSON-RPC error code the client receives (from core's `ERROR_WIRE_CODES`). */
  get rpcCode(): number {
    return ERROR_WIRE_CODES[this.code].rpc;
  }

  /**
   * The error as the client receives it: core's `toJsonRpcError` with `data.target` added.
   *
   * @returns A JSON-RPC error with {@link rpcCode}, this message and `data: { code, target }`
   *   (plus the `data` option's fields).
   * @example
   * ```ts
   * throw new GatewayError('ERR_NOT_FOUND', 'Unknown tool "x"').toJsonRpc();
   * ```
   */
  toJsonRpc(): JsonRpcError {
    return toJsonRpcError(this, {
      data: { ...this.#data, ...(this.target === undefined ? {} : { target: this.target }) },
    });
  }
}
