import type { FastLaneHandlers } from '@agentcore-mcp/server-kit';

import type { GatewayServerParts } from './buildGatewayServer.js';
import { gatewayServerInfo } from './buildGatewayServer.js';
import { downstreamCallOf } from './downstreamCallOf.js';
import { forwardToolCall, listTools } from './forwardToolCall.js';

/**
 * The gateway on server-kit's fast lane: `tools/list` from the catalog and `tools/call` forwarded
 * to the owning target, with the same code as the SDK server's handlers, but without a downstream
 * SDK server per request. `gateway_status` and unknown tools are left to the SDK server. A 2025
 * call keeps the stateless cancellation watch (a `notifications/cancelled` in another request
 * still reaches it); a 2026-07-28 call is cancelled by closing its stream.
 *
 * @param parts - The running gateway.
 * @returns The handlers for `createMcpHttpServer`'s `fastLaneHandlers`.
 */
export function gatewayFastLane(parts: GatewayServerParts): FastLaneHandlers {
  const legacy = { ...parts, session: undefined, cancellation: parts.cancellation };
  const modern = { ...parts, session: undefined, cancellation: undefined };
  return {
    toolsList: () => listTools(parts),
    toolsCall: ({ params, ctx, era, headers }) =>
      forwardToolCall(
        era === 'modern' ? modern : legacy,
        // The SDK hands handlers `_meta` inside the params (the 2026-07-28 envelope lifted out).
        ctx.mcpReq._meta === undefined ? params : { ...params, _meta: ctx.mcpReq._meta },
        downstreamCallOf(ctx, headers),
      ),
    serverInfo: gatewayServerInfo(parts.version),
  };
}
