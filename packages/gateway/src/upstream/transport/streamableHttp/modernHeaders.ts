import { type JSONRPCMessage, PROTOCOL_VERSION_META_KEY } from '@modelcontextprotocol/client';

/** The first MCP revision without sessions; later revisions (dated strings) sort after it. */
export const MODERN_PROTOCOL_VERSION = '2026-07-28';

const BASE64_PREFIX = '=?base64?';
const BASE64_SUFFIX = '?=';

/**
 * The request field each method's `Mcp-Name` header mirrors (MCP 2026-07-28, SEP-2243; the
 * `tasks/*` rows are the tasks extension's). Methods not listed send no `Mcp-Name`.
 */
const MCP_NAME_SOURCE: Readonly<Record<string, string>> = {
  'tools/call': 'name',
  'prompts/get': 'name',
  'resources/read': 'uri',
  'tasks/get': 'taskId',
  'tasks/update': 'taskId',
  'tasks/cancel': 'taskId',
};

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
  return version !== undefined && version >= MODERN_PROTOCOL_VERSION;
}

/**
 * Encodes a value for an MCP request header the way MCP 2026-07-28 says (and the SDK's own
 * transport does, which does not export its helper): a plain visible-ASCII value is sent as it is;
 * an empty value, one with leading or trailing whitespace, a character outside `0x20–0x7E` (tab
 * aside) or one that already looks like the sentinel is sent as `=?base64?<UTF-8 in base64>?=`.
 *
 * @param value - The header value as the body carries it.
 * @returns The field value to send.
 * @example
 * ```ts
 * encodeMcpHeaderValue('us-west1'); // 'us-west1'
 * encodeMcpHeaderValue('Hello, 世界'); // '=?base64?SGVsbG8sIOS4lueVjA==?='
 * ```
 */
export function encodeMcpHeaderValue(value: string): string {
  return needsBase64(value)
    ? `${BASE64_PREFIX}${Buffer.from(value, 'utf8').toString('base64')}${BASE64_SUFFIX}`
    : value;
}

function needsBase64(value: string): boolean {
  if (value.length === 0 || value !== value.trim()) return true;
  if (value.startsWith(BASE64_PREFIX) && value.endsWith(BASE64_SUFFIX)) return true;
  for (let index = 0; index < value.length; index += 1) {
    const code = value.charCodeAt(index);
    if (code !== 9 && (code < 32 || code > 126)) return true;
  }
  return false;
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
 * and, for a request, `Mcp-Method` and `Mcp-Name` (encoded with {@link encodeMcpHeaderValue}),
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
    const field = Object.hasOwn(MCP_NAME_SOURCE, message.method)
      ? MCP_NAME_SOURCE[message.method]
      : undefined;
    const name = field === undefined ? undefined : message.params?.[field];
    if (typeof name === 'string') headers['mcp-name'] = encodeMcpHeaderValue(name);
  }
  if (extra !== undefined) {
    for (const [name, value] of Object.entries(extra)) {
      const lower = name.toLowerCase();
      if (!RESERVED_HEADERS.has(lower)) headers[lower] = value;
    }
  }
  return headers;
}
