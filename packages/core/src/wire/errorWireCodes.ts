import { AgentCoreMcpError, type ErrorCode } from '../errors.js';
import { JsonRpcError } from './jsonRpcError.js';

/** How an error code is answered on the wire. */
export interface WireCodes {
  /** The JSON-RPC error code of the error object. */
  readonly rpc: number;
  /** The HTTP status when the error is answered outside a JSON-RPC exchange (before or around it). */
  readonly http: number;
}

/** The standard JSON-RPC 2.0 codes and the server-defined ones MCP and this toolkit use. */
export const JSON_RPC_CODES = {
  /** Invalid JSON. */
  parseError: -32_700,
  /** Valid JSON that is not a JSON-RPC request. */
  invalidRequest: -32_600,
  /** No such method. */
  methodNotFound: -32_601,
  /** Bad parameters, or an unknown tool or prompt name. */
  invalidParams: -32_602,
  /** An internal error of the server. */
  internalError: -32_603,
  /** A generic server error (authentication, a remote failure). */
  serverError: -32_000,
  /** A request that timed out (the MCP SDK's `RequestTimeout`). */
  requestTimeout: -32_001,
  /**
   * An unknown resource URI: Invalid params, as MCP 2026-07-28 requires on every revision (2025
   * used -32002, which clients still accept; the MCP SDK v2 maps it to -32602 as well).
   */
  resourceNotFound: -32_602,
  /** A gateway target that is unavailable: the call was not sent. */
  targetUnavailable: -32_003,
  /** A gateway target whose connection failed during the call. */
  targetFailed: -32_004,
  /**
   * An MCP 2026-07-28 request whose `MCP-Protocol-Version`, `Mcp-Method`, `Mcp-Name` or
   * `Mcp-Param-*` headers disagree with its body (SEP-2243's `HeaderMismatch`, sent with HTTP 400).
   */
  headerMismatch: -32_020,
} as const;

const { invalidParams, internalError, serverError } = JSON_RPC_CODES;
const invalidValue: WireCodes = { rpc: invalidParams, http: 400 };
const local: WireCodes = { rpc: internalError, http: 500 };
const unauthorized: WireCodes = { rpc: serverError, http: 401 };

/**
 * The one table from an {@link ErrorCode} to its JSON-RPC code and HTTP status, used at every edge
 * (server-kit, the gateway, the local AgentCore emulator). Codes that describe local failures
 * (a build, a deployment, a process) map to an internal error: they never reach a client as such.
 */
export const ERROR_WIRE_CODES: Readonly<Record<ErrorCode, WireCodes>> = {
  ERR_INVALID_ARN: invalidValue,
  ERR_INVALID_REGION: invalidValue,
  ERR_INVALID_QUALIFIER: invalidValue,
  ERR_INVALID_ENDPOINT: invalidValue,
  ERR_INVALID_INVOCATION_URL: invalidValue,
  ERR_INVALID_RUNTIME_NAME: invalidValue,
  ERR_INVALID_HEADER_ALLOWLIST: invalidValue,
  ERR_CONFIG_INVALID: invalidValue,
  ERR_INVALID_INPUT: invalidValue,
  ERR_DUPLICATE_DEFINITION: local,
  ERR_TOKEN_MISSING: unauthorized,
  ERR_TOKEN_MALFORMED: unauthorized,
  ERR_TOKEN_INVALID: unauthorized,
  ERR_TOKEN_EXPIRED: unauthorized,
  ERR_TOKEN_NOT_YET_VALID: unauthorized,
  ERR_TOKEN_WRONG_ISSUER: unauthorized,
  ERR_TOKEN_WRONG_CLIENT: unauthorized,
  ERR_TOKEN_INSUFFICIENT_SCOPE: { rpc: serverError, http: 403 },
  ERR_TOKEN_CLAIM_MISMATCH: unauthorized,
  ERR_AUTHORIZER_UNAVAILABLE: { rpc: serverError, http: 503 },
  ERR_TOKEN_REFRESH_FAILED: { rpc: serverError, http: 502 },
  ERR_UNAUTHORIZED: unauthorized,
  ERR_FORBIDDEN: { rpc: serverError, http: 403 },
  ERR_AUTH_METHOD_MISMATCH: unauthorized,
  ERR_NOT_ACCEPTABLE: { rpc: serverError, http: 406 },
  ERR_RUNTIME_INIT_TIMEOUT: { rpc: JSON_RPC_CODES.requestTimeout, http: 504 },
  ERR_UPSTREAM_UNAVAILABLE: { rpc: JSON_RPC_CODES.targetUnavailable, http: 502 },
  ERR_SERVER_ERROR: { rpc: serverError, http: 502 },
  ERR_TOOL_FAILED: { rpc: serverError, http: 500 },
  ERR_TIMEOUT: { rpc: JSON_RPC_CODES.requestTimeout, http: 504 },
  ERR_TARGET_UNAVAILABLE: { rpc: JSON_RPC_CODES.targetUnavailable, http: 503 },
  ERR_TARGET_FAILED: { rpc: JSON_RPC_CODES.targetFailed, http: 502 },
  ERR_NOT_FOUND: { rpc: invalidParams, http: 404 },
  ERR_RESOURCE_NOT_FOUND: { rpc: JSON_RPC_CODES.resourceNotFound, http: 404 },
  ERR_HEADER_MISMATCH: { rpc: JSON_RPC_CODES.headerMismatch, http: 400 },
  ERR_INPUT_PENDING: local,
  ERR_LISTEN_FAILED: local,
  ERR_PROCESS_EXITED: local,
  ERR_NOT_CONFIGURED: local,
  ERR_NOT_DEPLOYED: local,
  ERR_BUILD_FAILED: local,
  ERR_RUNTIME_FAILED: local,
  ERR_CONFIRMATION_REQUIRED: local,
  ERR_AWS_REQUEST_FAILED: local,
  ERR_INTERNAL: local,
};

/** Options of {@link toJsonRpcError}. */
export interface ToJsonRpcErrorOptions {
  /** Extra fields for the error's `data`, beside `code` (e.g. `{ target: 'weather' }`). */
  data?: Record<string, unknown>;
}

/**
 * Turns anything thrown into the wire error a client receives: a {@link JsonRpcError} passes
 * through; an {@link AgentCoreMcpError} keeps its message, gets the JSON-RPC code of
 * {@link ERROR_WIRE_CODES} and `data: { code }`; anything else becomes -32603 with a message that
 * reveals nothing (log the original where you call this).
 *
 * @param error - Any thrown value.
 * @param options - Extra `data` fields.
 * @returns The wire error.
 * @example
 * ```ts
 * toJsonRpcError(new AgentCoreMcpError('ERR_TIMEOUT', 'Target "slow" did not answer within 2000 ms'));
 * // JsonRpcError { code: -32001, message: 'Target "slow" …', data: { code: 'ERR_TIMEOUT' } }
 * ```
 */
export function toJsonRpcError(error: unknown, options: ToJsonRpcErrorOptions = {}): JsonRpcError {
  if (error instanceof JsonRpcError) return error;
  if (error instanceof AgentCoreMcpError) {
    return new JsonRpcError(ERROR_WIRE_CODES[error.code].rpc, error.message, {
      code: error.code,
      ...options.data,
    });
  }
  return new JsonRpcError(internalError, 'Internal error; see the server log');
}

/**
 * The HTTP status for an error answered outside a JSON-RPC exchange: from
 * {@link ERROR_WIRE_CODES} for our errors, 500 for anything else.
 *
 * @param error - Any thrown value.
 * @returns An HTTP status code.
 * @example
 * ```ts
 * httpStatusOf(new AgentCoreMcpError('ERR_TOKEN_EXPIRED', 'Token expired')); // 401
 * ```
 */
export function httpStatusOf(error: unknown): number {
  return error instanceof AgentCoreMcpError ? ERROR_WIRE_CODES[error.code].http : 500;
}
