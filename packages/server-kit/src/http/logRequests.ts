import type { RequestHandler } from 'express';
import type { Logger } from 'pino';

/**
 * Writes one log line per HTTP request: JSON-RPC method, HTTP status, duration. Successful
 * `tools/call` requests are skipped here because the tool handler writes their line, with the
 * tool's name and outcome. Never logs headers or bodies (they may carry tokens or user data).
 *
 * @param logger - The server's logger.
 * @returns Express middleware.
 */
export function logRequests(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = performance.now();
    res.once('finish', () => {
      const rpcMethod = rpcMethodOf(req.body);
      if (rpcMethod === 'tools/call' && res.statusCode < 400) return;
      logRequestLine(logger, {
        httpMethod: req.method,
        rpcMethod,
        httpStatus: res.statusCode,
        started,
      });
    });
    next();
  };
}

function rpcMethodOf(body: unknown): string | undefined {
  if (Array.isArray(body)) return body.length > 0 ? 'batch' : undefined;
  if (typeof body !== 'object' || body === null) return undefined;
  const method = (body as { method?: unknown }).method;
  return typeof method === 'string' ? method : undefined;
}

/**
 * Writes the one log line of a request that no tool handler logged.
 *
 * @param logger - The server's logger.
 * @param request - HTTP method, JSON-RPC method, HTTP status and `performance.now()` at its start.
 */
export function logRequestLine(
  logger: Logger,
  request: {
    httpMethod: string;
    rpcMethod: string | undefined;
    httpStatus: number;
    started: number;
  },
): void {
  const { started, ...fields } = request;
  const durationMs = Math.round((performance.now() - started) * 100) / 100;
  logger.info({ ...fields, durationMs }, 'request');
}
