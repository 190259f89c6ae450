import type { ServerResponse } from 'node:http';

import { JSON_RPC_CODES } from '@agentcore-mcp/core';
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';

import { sendJsonRpcError } from './sendJsonRpcError.js';

interface BodyParserError {
  type?: string;
  status?: number;
  limit?: number;
  message?: string;
}

/**
 * Parses `application/json` bodies up to `limitBytes`, and answers bodies it cannot take with a
 * JSON-RPC error: 413 for an oversized body, 400 / -32700 for invalid JSON. Other content types
 * are left for the MCP transport, which answers 415.
 *
 * @param limitBytes - The largest accepted body, in bytes.
 * @returns The parser and the error handler that must follow it.
 */
export function createJsonBodyParser(limitBytes: number): [RequestHandler, ErrorRequestHandler] {
  const parser = express.json({ limit: limitBytes, strict: false });
  const limitText = formatBytes(limitBytes);
  // eslint-disable-next-line max-params -- express recognises error handlers by their four parameters
  const onError: ErrorRequestHandler = (error: BodyParserError, _req, res, next) => {
    switch (error.type) {
      case 'entity.too.large':
        sendJsonRpcError(res, 413, {
          code: JSON_RPC_CODES.invalidRequest,
          message: `Request body is larger than the ${limitText} limit: send a smaller request or raise the server's bodyLimit`,
        });
        return;
      case 'entity.parse.failed':
        sendParseError(res, error.message);
        return;
      case 'encoding.unsupported':
      case 'charset.unsupported':
        sendJsonRpcError(res, 415, {
          code: JSON_RPC_CODES.invalidRequest,
          message: `Unsupported body encoding: send UTF-8 JSON (${error.message ?? ''})`,
        });
        return;
      default:
        next(error);
    }
  };
  return [parser, onError];
}

/**
 * Answers a body that is not JSON: HTTP 400 with JSON-RPC -32700.
 *
 * @param res - The response.
 * @param detail - What the JSON parser said.
 */
export function sendParseError(res: ServerResponse, detail: string | undefined): void {
  sendJsonRpcError(res, 400, {
    code: JSON_RPC_CODES.parseError,
    message: `Parse error: the request body is not valid JSON (${detail ?? 'syntax error'})`,
  });
}

function formatBytes(bytes: number): string {
  if (bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}
