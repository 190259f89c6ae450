import type { ErrorRequestHandler } from 'express';
import type { Logger } from 'pino';

import { JsonRpcErrorCode, sendJsonRpcError } from './sendJsonRpcError.js';

/**
 * The last error handler: logs the error and answers a JSON-RPC 500 instead of express's HTML
 * page, so no stack trace ever reaches a client.
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
        code: JsonRpcErrorCode.InvalidRequest,
        message: `Bad request: ${(error as Error).message}`,
      });
      return;
    }
    logger.error({ err: error, httpMethod: req.method, path: req.path }, 'unhandled error');
    sendJsonRpcError(res, 500, {
      code: JsonRpcErrorCode.InternalError,
      message: 'Internal server error; see the server log',
    });
  };
}
