import type {
  CacheHint,
  CallToolResult,
  Implementation,
  InputRequiredResult,
  ServerContext,
  Tool,
} from '@modelcontextprotocol/server';

import type { ClientInfo } from '../../definitions/toolContext.js';
import type { RequestHeaders } from '../../mcp/createToolContext.js';

/** One `tools/call` on the fast lane: what a {@link FastLaneHandlers.toolsCall} answers. */
export interface FastLaneToolCall {
  /** The request's `name` and `arguments`. */
  readonly params: { readonly name: string; readonly arguments?: Record<string, unknown> };
  /**
   * The request context, shaped as the SDK's: the JSON-RPC id, `_meta`, the 2026-07-28 envelope,
   * the abort signal (the client went away), `notify`/`log` (progress and log notifications,
   * which turn the answer into an SSE stream), the verified token in `http.authInfo`. Requests to
   * the client fail at once: a request on the lane has no back channel.
   */
  readonly ctx: ServerContext;
  /** `modern` for an MCP 2026-07-28 request, `legacy` for a 2025 request without a session. */
  readonly era: 'legacy' | 'modern';
  /** The client as it described itself for this request. */
  readonly client: ClientInfo;
  /** The request's HTTP headers, names lower-cased. */
  readonly headers: RequestHeaders;
}

/**
 * The requests a server answers on server-kit's fast lane, without an SDK server per request:
 * `tools/call` and `tools/list` without a session (MCP 2026-07-28 requests, and 2025 requests in
 * stateless mode), once the lane has checked what the SDK would (headers against the body, the
 * envelope, the token, DNS rebinding). Anything a handler declines goes through the SDK server.
 */
export interface FastLaneHandlers {
  /**
   * Answers a `tools/call`, or returns `undefined` to leave it to the SDK server (before doing
   * anything: e.g. for an unknown tool, whose error the SDK path words).
   */
  readonly toolsCall?: (
    call: FastLaneToolCall,
  ) => Promise<CallToolResult | InputRequiredResult> | undefined;
  /**
   * The `tools/list` result (one page, no cursor), or `undefined` to leave it to the SDK server.
   * Return the same object while the tools are unchanged and do not mutate it: the lane serializes
   * each result object once and answers later requests with that JSON.
   */
  readonly toolsList?: () => { tools: Tool[] } | undefined;
  /**
   * `ttlMs`/`cacheScope` of 2026-07-28 `tools/list` results: what the SDK server is configured
   * with (its `cacheHints`), so both paths answer alike. Default: the SDK's, 0 ms and `private`.
   */
  readonly listCacheHint?: CacheHint;
  /** The identity in 2026-07-28 results' `_meta.serverInfo`. Default: the options' name and version. */
  readonly serverInfo?: Implementation;
  /**
   * Whether a tool maps arguments to `Mcp-Param-*` headers (`x-mcp-header`): 2026-07-28 calls then
   * stay on the SDK path, which checks those headers. Default: false.
   */
  readonly paramHeaders?: boolean;
}
