import { JSON_RPC_CODES } from '@agentcore-mcp/core';
import { JSONRPCMessageSchema } from '@modelcontextprotocol/core';
import type { RequestHandler } from 'express';

import { sendJsonRpcError } from './sendJsonRpcError.js';

const EXPECTED =
  'expected a JSON-RPC 2.0 message {"jsonrpc":"2.0","id":…,"method":"…","params":{…}} or a non-empty array of them';
const REQUEST_KEYS = new Set(['jsonrpc', 'id', 'method', 'params']);

/**
 * Answers a body that is valid JSON but not a JSON-RPC message (a number, `{"method":5}`, an
 * empty batch…) with 400 and JSON-RPC's Invalid Request code, -32600. The SDK's transport answers
 * those with -32700 Parse error, which JSON-RPC 2.0 reserves for invalid JSON. Common requests
 * pass on a cheap shape check; anything else is checked against the SDK's own message schema, so
 * whatever passes here the transport accepts too. Must run after the JSON body parser; a request
 * it did not parse (another Content-Type) is left to the transport.
 *
 * @returns Express middleware for `POST` on the MCP endpoint.
 */
export function rejectInvalidJsonRpc(): RequestHandler {
  return (req, res, next) => {
    const body: unknown = req.body;
    // No parsed body: not JSON at all, which the transport answers (415 for the wrong type).
    if (body === undefined || isJsonRpcBody(body)) {
      next();
      return;
    }
    // The JSON parser reads an empty body as `{}`; JSON-RPC calls no JSON at all a parse error.
    if (req.header('content-length') === '0') {
      sendJsonRpcError(res, 400, {
        code: JSON_RPC_CODES.parseError,
        message: `Parse error: the request body is empty; ${EXPECTED}`,
      });
      return;
    }
    const what = Array.isArray(body)
      ? body.length === 0
        ? 'the batch is empty'
        : 'a batch entry is not a JSON-RPC message'
      : 'the body is JSON but not a JSON-RPC message';
    sendJsonRpcError(res, 400, {
      code: JSON_RPC_CODES.invalidRequest,
      message: `Invalid Request: ${what}; ${EXPECTED}`,
    });
  };
}

function isJsonRpcBody(body: unknown): boolean {
  if (!Array.isArray(body)) return isJsonRpcMessage(body);
  return body.length > 0 && body.every(isJsonRpcMessage);
}

function isJsonRpcMessage(value: unknown): boolean {
  return isPlainRequest(value) || JSONRPCMessageSchema.safeParse(value).success;
}

/** The shape of almost every request and notification, checked without zod. */
function isPlainRequest(value: unknown): boolean {
  if (!isPlainObject(value)) return false;
  const { jsonrpc, id, method, params } = value;
  return (
    jsonrpc === '2.0' &&
    typeof method === 'string' &&
    (id === undefined || typeof id === 'string' || Number.isSafeInteger(id)) &&
    (params === undefined || (isPlainObject(params) && !Object.hasOwn(params, '_meta'))) &&
    Object.keys(value).every((key) => REQUEST_KEYS.has(key))
  );
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
