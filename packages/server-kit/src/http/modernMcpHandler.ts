import { createMcpHandler, type ServerNotifier } from '@modelcontextprotocol/server';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';

import type { McpServerInstance } from '../mcp/mcpServerInstance.js';
import { loadNodeTransport } from './loadNodeTransport.js';
import { reportInvalidParamsOf } from './reportInvalidParams.js';

/** Options of {@link createModernMcpHandler}. */
export interface ModernMcpHandlerOptions {
  /** Builds the MCP server that answers one 2026-07-28 request. */
  buildServer: () => McpServerInstance;
  /** Answer with `application/json` only; progress and log notifications are then dropped. */
  jsonResponse: boolean;
  logger: Logger;
}

/**
 * Handles `POST /mcp` for MCP 2026-07-28 requests, through the SDK's `createMcpHandler` with
 * 2025 traffic routed elsewhere (`legacy: 'reject'`). The SDK checks what the revision requires
 * before any server is built: the protocol version (-32022 with the supported list), the
 * `MCP-Protocol-Version`/`Mcp-Method`/`Mcp-Name` headers against the body (-32020), the client
 * capabilities a method needs (-32021); it answers `server/discover`, `subscriptions/listen`,
 * `resultType`, `_meta.serverInfo` and the cache hints. Every request gets a fresh server; the
 * platform's `Mcp-Session-Id` means nothing in this revision and is ignored.
 *
 * @returns `handle`, Express middleware (the JSON body must already be parsed into `req.body`, and
 * `req.auth`, set by the bearer-token check, reaches tools as their principal), and `notify`,
 * which publishes change notifications to the clients listening with `subscriptions/listen`.
 */
export function createModernMcpHandler(options: ModernMcpHandlerOptions): {
  handle: RequestHandler;
  notify: ServerNotifier;
} {
  const handler = createMcpHandler(
    () => {
      const server = options.buildServer();
      reportInvalidParamsOf(server);
      return server;
    },
    {
      legacy: 'reject',
      responseMode: options.jsonResponse ? 'json' : 'auto',
      // Rejections (bad headers, versions, capabilities) are answered on the wire; the log keeps
      // them at debug so a misbehaving client cannot flood it.
      onerror: (error) => {
        options.logger.debug({ err: error }, 'MCP 2026-07-28 request refused');
      },
    },
  );
  // The Node adapter is loaded with the first request that reaches this handler.
  let serve: ReturnType<typeof loadServe> | undefined;
  const loadServe = () =>
    loadNodeTransport().then(({ toNodeHandler }) =>
      toNodeHandler(handler, {
        onerror: (error) => {
          options.logger.error({ err: error }, 'MCP 2026-07-28 request failed');
        },
      }),
    );
  return {
    handle: (req, res, next) => {
      serve ??= loadServe();
      serve.then((nodeHandler) => nodeHandler(req, res, req.body)).catch(next);
    },
    notify: handler.notify,
  };
}
