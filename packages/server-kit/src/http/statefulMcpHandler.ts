import { randomUUID } from 'node:crypto';

import { JSON_RPC_CODES } from '@agentcore-mcp/core';
import type { NodeStreamableHTTPServerTransport } from '@modelcontextprotocol/node';
import { type EventStore, isInitializeRequest } from '@modelcontextprotocol/server';
import type { Request, RequestHandler } from 'express';
import type { Logger } from 'pino';

import type { McpServerInstance } from '../mcp/mcpServerInstance.js';
import { loadNodeTransport } from './loadNodeTransport.js';
import { reportInvalidParams } from './reportInvalidParams.js';
import { sendJsonRpcError, SESSION_NOT_FOUND_CODE } from './sendJsonRpcError.js';

/** Options of {@link createStatefulMcpHandler}. */
export interface StatefulMcpHandlerOptions {
  /** Builds the MCP server for one new session. */
  buildServer: () => McpServerInstance;
  jsonResponse: boolean;
  /** Sessions idle for longer than this are closed, in ms. */
  sessionIdleTimeoutMs: number;
  /** Stores SSE events so clients can resume with `Last-Event-ID`. Default: none. */
  eventStore: EventStore | undefined;
  /** The SSE `retry` hint sent to clients, in ms. Default: the SDK's. */
  retryInterval: number | undefined;
  logger: Logger;
}

interface Session {
  readonly transport: NodeStreamableHTTPServerTransport;
  readonly server: McpServerInstance;
  lastSeen: number;
}

/** The stateful MCP endpoint: its request handler and a way to end every session. */
export interface StatefulMcpHandler {
  handle: RequestHandler;
  /** How many sessions are open. */
  readonly size: number;
  /** Closes every session (ends their SSE streams). */
  closeAll(): Promise<void>;
}

/**
 * Handles `/mcp` with one transport and server per MCP session (needed for sampling, elicitation
 * and server-to-client notifications). `initialize` opens a session; when the platform already
 * supplied an `Mcp-Session-Id` on it, that id is adopted so AgentCore's routing and ours agree.
 * Unknown sessions get 404, so clients re-initialize; idle sessions are closed.
 */
export function createStatefulMcpHandler(options: StatefulMcpHandlerOptions): StatefulMcpHandler {
  const sessions = new Map<string, Session>();
  const sweep = setInterval(
    () => {
      const cutoff = Date.now() - options.sessionIdleTimeoutMs;
      for (const [id, session] of sessions) {
        if (session.lastSeen < cutoff) {
          options.logger.info({ sessionId: id }, 'closing idle MCP session');
          void session.transport.close();
        }
      }
    },
    Math.min(60_000, Math.max(1_000, options.sessionIdleTimeoutMs / 2)),
  );
  sweep.unref();

  const openSession = async (req: Request): Promise<Session> => {
    const { NodeStreamableHTTPServerTransport } = await loadNodeTransport();
    const offered = req.header('mcp-session-id');
    const server = options.buildServer();
    const transport = new NodeStreamableHTTPServerTransport({
      sessionIdGenerator: () => (offered && !sessions.has(offered) ? offered : randomUUID()),
      enableJsonResponse: options.jsonResponse,
      eventStore: options.eventStore,
      retryInterval: options.retryInterval,
      onsessioninitialized: (id) => {
        sessions.set(id, session);
        options.logger.debug({ sessionId: id }, 'MCP session opened');
      },
    });
    reportInvalidParams(transport);
    const session: Session = { transport, server, lastSeen: Date.now() };
    transport.onclose = () => {
      if (transport.sessionId) sessions.delete(transport.sessionId);
      void server.close();
    };
    await server.connect(transport);
    return session;
  };

  const handle: RequestHandler = async (req, res) => {
    const sessionId = req.header('mcp-session-id');
    try {
      let session = sessionId ? sessions.get(sessionId) : undefined;
      if (!session && req.method === 'POST' && isInitializeRequest(req.body)) {
        session = await openSession(req);
      }
      if (!session) {
        rejectWithoutSession(res, sessionId);
        return;
      }
      session.lastSeen = Date.now();
      await session.transport.handleRequest(req, res, req.body);
    } catch (error) {
      options.logger.error({ err: error, sessionId }, 'stateful MCP request failed');
      sendJsonRpcError(res, 500, {
        code: JSON_RPC_CODES.internalError,
        message: 'Internal server error while handling the MCP request; see the server log',
      });
    }
  };

  return {
    handle,
    get size() {
      return sessions.size;
    },
    closeAll: async () => {
      clearInterval(sweep);
      await Promise.all([...sessions.values()].map((session) => session.transport.close()));
    },
  };
}

function rejectWithoutSession(
  res: Parameters<RequestHandler>[1],
  sessionId: string | undefined,
): void {
  if (sessionId) {
    sendJsonRpcError(res, 404, {
      code: SESSION_NOT_FOUND_CODE,
      message: `Session "${sessionId}" not found (expired or the server restarted): send initialize again without Mcp-Session-Id`,
    });
    return;
  }
  sendJsonRpcError(res, 400, {
    code: JSON_RPC_CODES.invalidRequest,
    message: 'No Mcp-Session-Id header: start a session with an initialize request first',
  });
}
