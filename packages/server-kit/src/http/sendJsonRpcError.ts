import type { Response } from 'express';

/**
 * JSON-RPC error codes server-kit answers with at the HTTP edge. The reserved range comes from
 * JSON-RPC 2.0; -32000/-32001 are the implementation-defined codes MCP SDKs use.
 */
export const JsonRpcErrorCode = {
  ParseError: -32700,
  InvalidRequest: -32600,
  MethodNotFound: -32601,
  InvalidParams: -32602,
  InternalError: -32603,
  ServerError: -32000,
  SessionNotFound: -32001,
} as const;

/** One of {@link JsonRpcErrorCode}'s values. */
export type JsonRpcErrorCodeValue = (typeof JsonRpcErrorCode)[keyof typeof JsonRpcErrorCode];

/**
 * Answers an HTTP request with a JSON-RPC error body: `{"jsonrpc":"2.0","id":null,"error":{…}}`.
 *
 * @param res - The express response.
 * @param status - The HTTP status.
 * @param error - The JSON-RPC `code` and a one-line `message` saying what was wrong and how to fix it.
 */
export function sendJsonRpcError(
  res: Response,
  status: number,
  error: { code: JsonRpcErrorCodeValue; message: string },
): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  res.status(status).json({ jsonrpc: '2.0', id: null, error });
}
