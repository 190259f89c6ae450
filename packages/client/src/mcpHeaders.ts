/**
 * The `Accept` header of every MCP streamable-HTTP POST: servers answer with either JSON or an SSE
 * stream, and spec-strict servers reply `406 Not Acceptable` unless both are accepted. AgentCore
 * passes the header through to the runtime, so raw `fetch` callers must send it too (the MCP SDK's
 * transport already does).
 *
 * @example
 * ```ts
 * await fetch(url, {
 *   method: 'POST',
 *   headers: { Accept: MCP_ACCEPT_HEADER, 'Content-Type': 'application/json' },
 *   body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'ping' }),
 * });
 * ```
 */
export const MCP_ACCEPT_HEADER = 'application/json, text/event-stream';
