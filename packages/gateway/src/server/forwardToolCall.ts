import type {
  CallToolResult,
  InputRequiredResult,
  ListToolsResult,
} from '@modelcontextprotocol/server';
import { z } from 'zod';

import type { Catalog } from '../catalog/buildCatalog.js';
import { GatewayError } from '../gatewayError.js';
import type { DownstreamCall } from '../upstream/upstreamRequest.js';
import { type ForwardingContext, forwardToTarget } from './forwardToTarget.js';
import { GATEWAY_STATUS_TOOL } from './gatewayStatusTool.js';

/**
 * A forwarded tools/call result is taken as it comes: the downstream side (the SDK server, or
 * server-kit's fast lane) checks every tools/call result against `CallToolResultSchema` before it
 * answers, so parsing it here as well would only do that work twice on the gateway's busiest path.
 * (A 2026-07-28 target's `input_required` answer is handed back before any schema is applied.)
 */
const FORWARDED_CALL_TOOL_RESULT = z.custom<CallToolResult | InputRequiredResult>(
  (value) => typeof value === 'object' && value !== null,
);

/**
 * Routes a downstream `tools/call` to the target that owns the tool, with the target's own tool
 * name restored; the rest of the params (arguments, `_meta`, a 2026-07-28 retry's
 * `inputResponses`/`requestState`) go as they came. A 2026-07-28 call whose `Mcp-Param-*` headers
 * disagree with its arguments is refused with -32020 (`ERR_HEADER_MISMATCH`) and not sent.
 *
 * @param context - The running gateway.
 * @param params - The downstream params, `name` as the catalog lists it.
 * @param call - The downstream call.
 * @returns The target's result, or `undefined` for a name no target owns (the caller words that).
 */
export function forwardToolCall(
  context: ForwardingContext,
  params: { readonly name: string; readonly [key: string]: unknown },
  call: DownstreamCall,
): Promise<CallToolResult | InputRequiredResult> | undefined {
  const route = context.catalog().toolRoutes.get(params.name);
  if (route === undefined) return undefined;
  // A 2026-07-28 client mirrors `x-mcp-header` arguments in `Mcp-Param-*` headers, which whatever
  // routes on them trusts; the server it calls must refuse a call whose headers disagree.
  const mismatch =
    call.envelope === undefined
      ? undefined
      : context
          .target(route.target)
          ?.paramHeaderMismatch(route.name, params.arguments, call.header);
  if (mismatch !== undefined) {
    const error = new GatewayError(
      'ERR_HEADER_MISMATCH',
      `Bad Request: the request headers and body disagree: ${mismatch}`,
      { target: route.target },
    );
    return Promise.reject(error.toJsonRpc());
  }
  return forwardToTarget(context, route.target, {
    call,
    tool: route.name,
    message: { method: 'tools/call', params: { ...params, name: route.name } },
    schema: FORWARDED_CALL_TOOL_RESULT,
  });
}

/**
 * The one line a call to a name no target owns is answered with: how many tools there are, and,
 * while a target's first discovery is still under way, which targets have not listed theirs yet
 * (a client that calls a slow target's tool right after the gateway started is told to retry, not
 * that the tool does not exist).
 *
 * @param context - The running gateway.
 * @param name - The tool name the client asked for.
 */
export function unknownToolMessage(
  context: Pick<ForwardingContext, 'catalog' | 'status'>,
  name: string,
): string {
  const listed = `call tools/list to see the ${context.catalog().tools.length + 1} available tools`;
  const starting = context
    .status()
    .targets.filter((target) => target.starting)
    .map((target) => `"${target.name}"`);
  if (starting.length === 0) return `Unknown tool "${name}": ${listed}`;
  return `Unknown tool "${name}": ${listed}; still starting, their tools join when listed: ${starting.join(', ')}`;
}

/** One `tools/list` result per catalog: the fast lane serializes a result it has seen only once. */
const listings = new WeakMap<Catalog, ListToolsResult>();

/**
 * The gateway's `tools/list`: every target's tools as the catalog names them, and `gateway_status`.
 * The same object is returned while the catalog is unchanged, which lets server-kit's fast lane
 * reuse its serialized answer (bench §3, warm tools/list with 1,000 tools).
 *
 * @param context - The running gateway.
 */
export function listTools(context: Pick<ForwardingContext, 'catalog'>): ListToolsResult {
  const catalog = context.catalog();
  let result = listings.get(catalog);
  if (result === undefined) {
    result = { tools: [...catalog.tools, GATEWAY_STATUS_TOOL] };
    listings.set(catalog, result);
  }
  return result;
}
