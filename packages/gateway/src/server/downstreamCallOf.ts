import type { RequestHeaders } from '@agentcore-mcp/server-kit';
import type { ServerContext } from '@modelcontextprotocol/server';

import type { DownstreamCall } from '../upstream/upstreamRequest.js';

/**
 * The {@link DownstreamCall} of one downstream request: what the upstream side may use of the
 * SDK (v2) handler context.
 *
 * @param ctx - The handler's context.
 * @param headers - The request's headers when they are at hand (server-kit's fast lane), so that
 *   reading one does not build a web `Request`; else they are read from `ctx.http.req`.
 * @example
 * ```ts
 * server.setRequestHandler('tools/call', (request, ctx) => forward(downstreamCallOf(ctx), request));
 * ```
 */
export function downstreamCallOf(ctx: ServerContext, headers?: RequestHeaders): DownstreamCall {
  return {
    requestId: ctx.mcpReq.id,
    signal: ctx.mcpReq.signal,
    _meta: ctx.mcpReq._meta,
    envelope: ctx.mcpReq.envelope,
    authInfo: ctx.http?.authInfo,
    header: headers
      ? (name) => headers[name]
      : (name) => ctx.http?.req?.headers.get(name) ?? undefined,
    sendNotification: (notification) => ctx.mcpReq.notify(notification as never),
    // The target's request, typed by the client SDK (the same JSON the server SDK sends).
    sendRequest: (request, options) => ctx.mcpReq.send(request as never, options),
  };
}
