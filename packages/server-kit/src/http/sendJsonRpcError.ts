import type { ServerResponse } from 'node:http';

import { JSON_RPC_CODES } from '@agentcore-mcp/core';

/**
 * The MCP SDK's code for a request naming an unknown session (HTTP 404 in stateful mode). Core's
 * {@link JSON_RPC_CODES} has no name for it: the SDK uses -32001 for request timeouts too.
 */
export const SESSION_NOT_FOUND_CODE = -32_001;

/**
 * JSON-RPC error codes server-kit answers with at the HTTP edge, under their former names.
 *
 * @deprecated Use `JSON_RPC_CODES` from `@agentcore-mcp/core`; these values are taken from it.
 */
export const JsonRpcErrorCode = {
  ParseError: JSON_RPC_CODES.parseError,
  InvalidRequest: JSON_RPC_CODES.invalidRequest,
  MethodNotFound: JSON_RPC_CODES.methodNotFound,
  InvalidParams: JSON_RPC_CODES.invalidParams,
  InternalError: JSON_RPC_CODES.internalError,
  ServerError: JSON_RPC_CODES.serverError,
  SessionNotFound: SESSION_NOT_FOUND_CODE,
} as const;

/**
 * One of {@link JsonRpcErrorCode}'s values.
 *
 * @deprecated Use `number`; the codes come from `JSON_RPC_CODES` in `@agentcore-mcp/core`.
 */
export type JsonRpcErrorCodeValue = (typeof JsonRpcErrorCode)[keyof typeof JsonRpcErrorCode];

/**
 * Answers an HTTP request with a JSON-RPC error body: `{"jsonrpc":"2.0","id":null,"error":{…}}`.
 *
 * @param res - The response (an express response is one too).
 * @param status - The HTTP status.
 * @param error - The JSON-RPC `code` (from `JSON_RPC_CODES`), a one-line `message` saying what was
 *   wrong and how to fix it, and optional `data`.
 */
export function sendJsonRpcError(
  res: ServerResponse,
  status: number,
  error: { code: number; message: string; data?: unknown },
): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  const body = JSON.stringify({ jsonrpc: '2.0', id: null, error });
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('content-length', Buffer.byteLength(body));
  res.end(body);
}
