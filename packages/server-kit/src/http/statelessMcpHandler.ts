import { JSON_RPC_CODES } from '@agentcore-mcp/core';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';

import type { McpServerInstance } from '../mcp/mcpServerInstance.js';
import { loadNodeTransport } from './loadNodeTransport.js';
import { reportInvalidParams } from './reportInvalidParams.js';
import { sendJsonRpcError } from './sendJsonRpcError.js';

/** Options of {@link createStatelessMcpHandler}. */
export interface StatelessMcpHandlerOptions {
  /** Builds the MCP server that answers one request. */
  buildServer: () => McpServerInstance;
  /** Answer with `application/json` instead of an SSE stream (no notifications during a call). */
  jsonResponse: boolean;
  logger: Logger;
}

/**
 * Handles `POST /mcp` statelessly, as AgentCore Runtime expects: every request gets its own
 * transport and server, so any replica can answer any request and the platform's `Mcp-Session-Id`
 * is accepted without being checked. `GET` and `DELETE` answer 405: there is no session to stream
 * from or to end.
 *
 * @returns Handlers for POST and for the other methods.
 */
export function createStatelessMcpHandler(options: StatelessMcpHandlerOptions): {
  post: RequestHandler;
  other: RequestHandler;
} {
  const post: RequestHandler = async (req, res) => {
    try {
      const { NodeStreamableHTTPServerTransport } = await loadNodeTransport();
      const server = options.buildServer();
      const transport = new NodeStreamableHTTPServerTransport({
        sessionIdGenerator: undefined,
        enableJsonResponse: options.jsonResponse,
      });
      reportInvalidParams(transport);
      res.on('close', () => {
        void transport.close();
        void server.close();
      });
      await server.connect(transport);
      await transport.handleRequest(req, res, req.body);
    } catch (error) {
      options.logger.error({ err: error }, 'stateless MCP request failed');
      sendJsonRpcError(res, 500, {
        code: JSON_RPC_CODES.internalError,
        message: 'Internal server error while handling the MCP request; see the server log',
      });
    }
  };
  const other: RequestHandler = (req, res) => {
    res.setHeader('Allow', 'POST');
    sendJsonRpcError(res, 405, {
      code: JSON_RPC_CODES.serverError,
      message: `Method ${req.method} is not allowed: this server is stateless, send JSON-RPC messages with POST`,
    });
  };
  return { post, other };
}
