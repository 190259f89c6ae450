import type { IncomingMessage } from 'node:http';

import {
  type AuthInfo,
  type LoggingLevel,
  ProtocolError,
  ProtocolErrorCode,
  type ServerContext,
} from '@modelcontextprotocol/server';

import type { LaneReply } from './laneReply.js';
import type { LaneRequest } from './laneRequest.js';

const SEVERITY: Readonly<Record<LoggingLevel, number>> = {
  debug: 0,
  info: 1,
  notice: 2,
  warning: 3,
  error: 4,
  critical: 5,
  alert: 6,
  emergency: 7,
};

/**
 * The request context a handler would get from the SDK, for a request answered on the fast lane:
 * one request, no session and no back channel (like every 2026-07-28 request and every stateless
 * 2025 request). Notifications go to the request's own answer; log notifications follow the
 * SDK's rules (2026-07-28: only at or above the envelope's log level, none without one; 2025
 * stateless: all, as no `logging/setLevel` can reach a per-request server). Requests to the client
 * fail at once, as they do on the SDK's path; `http.req` is built only when read.
 *
 * @param parts - The HTTP request, the parsed MCP request, its answer, the verified token and
 *   the signal that aborts when the client goes away.
 */
export function createLaneContext(parts: {
  readonly req: IncomingMessage;
  readonly request: LaneRequest;
  readonly reply: LaneReply;
  readonly authInfo: AuthInfo | undefined;
  readonly signal: AbortSignal;
}): ServerContext {
  const { req, request, reply, authInfo, signal } = parts;
  const notify = (notification: { method: string; params?: Record<string, unknown> }) => {
    reply.notify({ jsonrpc: '2.0', ...notification });
    return Promise.resolve();
  };
  const noBackChannel = (method: string) =>
    Promise.reject(
      new ProtocolError(
        ProtocolErrorCode.InvalidRequest,
        `Cannot send ${method} to the client: this request has no back channel (MCP 2026-07-28 requests and stateless 2025 requests answer in one response)`,
      ),
    );
  let webRequest: Request | undefined;
  const context: ServerContext = {
    mcpReq: {
      id: request.id,
      method: request.method,
      ...(request.meta ? { _meta: request.meta } : {}),
      ...(request.envelope ? { envelope: request.envelope } : {}),
      requestState: () => undefined,
      signal,
      send: (sent: { method: string }) => noBackChannel(sent.method),
      notify,
      log: (level, data, logger) => {
        if (request.era === 'modern') {
          if (request.logLevel === undefined || SEVERITY[level] < SEVERITY[request.logLevel]) {
            return Promise.resolve();
          }
        }
        return notify({ method: 'notifications/message', params: { level, data, logger } });
      },
      elicitInput: () => noBackChannel('elicitation/create'),
      requestSampling: () => noBackChannel('sampling/createMessage'),
    },
    http: {
      ...(authInfo ? { authInfo } : {}),
      get req() {
        webRequest ??= toWebRequest(req);
        return webRequest;
      },
    },
  };
  return context;
}

function toWebRequest(req: IncomingMessage): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  return new Request(`http://${req.headers.host ?? 'localhost'}${req.url ?? '/'}`, {
    method: req.method ?? 'POST',
    headers,
  });
}
