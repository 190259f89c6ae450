import { classifyInboundRequest } from '@modelcontextprotocol/server';
import type { RequestHandler } from 'express';

/**
 * Sends each `POST` to the handler of its protocol era, the way MCP 2026-07-28 says a server of
 * both eras decides: by the body. A request with the per-request `_meta` envelope (or claiming the
 * new revision in its headers) is `modern` and is answered, or refused with the revision's own
 * error codes, by that handler; `initialize` and every other 2025 message are `legacy`.
 *
 * @param handlers - The 2026-07-28 and the 2025 handler.
 * @returns Express middleware for `POST`, after the JSON body parser.
 */
export function routeByEra(handlers: {
  modern: RequestHandler;
  legacy: RequestHandler;
}): RequestHandler {
  return (req, res, next) => {
    const route = classifyInboundRequest({
      httpMethod: req.method,
      protocolVersionHeader: req.header('mcp-protocol-version'),
      mcpMethodHeader: req.header('mcp-method'),
      mcpNameHeader: req.header('mcp-name'),
      body: req.body as unknown,
    });
    const handler = route.kind === 'legacy' ? handlers.legacy : handlers.modern;
    return handler(req, res, next);
  };
}
