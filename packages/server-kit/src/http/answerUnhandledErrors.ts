import { httpStatusOf, JSON_RPC_CODES, toJsonRpcError } from '@agentcore-mcp/core';
import type { ErrorRequestHandler } from 'express';
import type { Logger } from 'pino';

import { sendJsonRpcError } from './sendJsonRpcError.js';

/**
 * The last error handler: logs the error and answers a JSON-RPC error instead of express's HTML
 * page, so no stack trace ever reaches a client. A client error from express itself (status 4xx)
 * is an invalid request; one of our errors gets its code and HTTP status from core's
 * `ERROR_WIRE_CODES`; anything else is a 500 that reveals nothing.
 *
 * @param logger - The server's logger.
 * @returns An express error handler.
 */
export function answerUnhandledErrors(logger: Logger): ErrorRequestHandler {
  // eslint-disable-next-line max-params -- express recognises error handlers by their four parameters
  return (error: unknown, req, res, _next) => {
    const status = (error as { status?: unknown }).status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      sendJsonRpcError(res, status, {
        code: JSON_RPC_CODES.invalidRequest,
        message: `Bad request: ${(error as Error).message}`,
      });
      return;
    }
    logger.error({ err: error, httpMethod: req.method, path: req.path }, 'unhandled error');
    const { code, message, data } = toJsonRpcError(error);
    sendJsonRpcError(res, httpStatusOf(error), {
      code,
      message,
      ...(data === undefined ? {} : { data }),
    });
  };
}
