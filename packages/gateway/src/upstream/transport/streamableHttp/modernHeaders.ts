import { MCP_MODERN_REVISION, mcpNameHeader } from '@agentcore-mcp/core';
import { type JSONRPCMessage, PROTOCOL_VERSION_META_KEY } from '@modelcontextprotocol/client';

/**
 * Header names the transport derives itself: a per-request `headers` option (the client's
 * `Mcp-Param-*` headers) never replaces them, as in the SDK's own transport.
 */
const RESERVED_HEADERS = new Set([
  'authorization',
  'content-type',
  'accept',
  'mcp-protocol-version',
  'mcp-method',
  'mcp-name',
  'mcp-session-id',
]);

/**
 * Whether a protocol version belongs to the sessionless era (MCP 2026-07-28 and later).
 *
 * @param version - A protocol version such as `2025-11-25`.
 * @returns `true` for `2026-07-28` and every later dated revision.
 * @example
 * ```ts
 * isModernProtocolVersion('2025-11-25'); // false
 * ```
 */
export function isModernProtocolVersion(version: string | undefined): boolean {
  return version !== undefined && version >= MCP_MODERN_REVISION;
}

/**
 * The protocol version an MCP 2026-07-28 message claims in its `_meta` envelope.
 *
 * @param message - An outgoing message.
 * @returns The claimed modern version, or `undefined` for a 2025 message (no envelope).
 * @example
 * ```ts
 * envelopeVersionOf({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: { _meta: { 'io.modelcontextprotocol/protocolVersion': '2026-07-28' } } }); // '2026-07-28'
 * ```
 */
export function envelopeVersionOf(message: JSONRPCMessage): string | undefined {
  if (!('method' in message)) return undefined;
  const meta = (message.params as { _meta?: Record<string, unknown> } | undefined)?._meta;
  const version = meta?.[PROTOCOL_VERSION_META_KEY];
  return typeof version === 'string' && isModernProtocolVersion(version) ? version : undefined;
}

/**
 * The MCP 2026-07-28 headers of one message (SEP-2243): `MCP-Protocol-Version` from its envelope
 * and, for a request, `Mcp-Method` and `Mcp-Name` (core's `mcpNameHeader`),
 * then the caller's own headers (`Mcp-Param-*`), which never replace those.
 *
 * @param message - A message whose envelope claims `version`.
 * @param version - The claimed version (see {@link envelopeVersionOf}).
 * @param extra - The `headers` send option: already-encoded `Mcp-Param-*` headers; default none.
 * @returns The headers, names lower-cased.
 * @example
 * ```ts
 * modernHeaders(message, '2026-07-28', { 'Mcp-Param-Region': 'us-west1' });
 * // { 'mcp-protocol-version': '2026-07-28', 'mcp-method': 'tools/call', 'mcp-name': 'lookup', 'mcp-param-region': 'us-west1' }
 * ```
 */
export function modernHeaders(
  message: JSONRPCMessage,
  version: string,
  extra: Readonly<Record<string, string>> | undefined,
): Record<string, string> {
  const headers: Record<string, string> = { 'mcp-protocol-version': version };
  if ('method' in message && 'id' in message) {
    headers['mcp-method'] = message.method;
    const name = mcpNameHeader(message.method, message.params);
    if (name !== undefined) headers['mcp-name'] = name;
  }
  if (extra !== undefined) {
    for (const [name, value] of Object.entries(extra)) {
      const lower = name.toLowerCase();
      if (!RESERVED_HEADERS.has(lower)) headers[lower] = value;
    }
  }
  return headers;
}
