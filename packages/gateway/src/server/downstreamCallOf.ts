import type { ServerContext } from '@modelcontextprotocol/server';

import type { DownstreamCall } from '../upstream/upstreamRequest.js';

/**
 * The {@link DownstreamCall} of one downstream request: what the upstream side may use of the
 * SDK (v2) handler context.
 *
 * @param ctx - The handler's context.
 * @example
 * ```ts
 * server.setRequestHandler('tools/call', (request, ctx) => forward(downstreamCallOf(ctx), request));
 * ```
 */
export function downstreamCallOf(ctx: ServerContext): DownstreamCall {
  return {
    requestId: ctx.mcpReq.id,
    signal: ctx.mcpReq.signal,
    _meta: ctx.mcpReq._meta,
    authInfo: ctx.http?.authInfo,
    header: (name) => ctx.http?.req?.headers.get(name) ?? undefined,
    sendNotification: (notification) => ctx.mcpReq.notify(notification as never),
    sendRequest: (request, schema, options) =>
      ctx.mcpReq.send(request as never, schema as never, options),
  };
}
