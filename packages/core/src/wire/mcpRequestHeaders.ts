/**
 * The first MCP revision without sessions (every request carries its own `_meta` envelope and the
 * SEP-2243 headers); later revisions are dated strings that sort after it.
 */
export const MCP_MODERN_REVISION = '2026-07-28' as const;

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
 * Encodes a value for an MCP request header the way MCP 2026-07-28 says (the MCP SDK's transports
 * do the same but do not export it): a plain visible-ASCII value is sent as it is; an empty value,
 * one with leading or trailing whitespace, a character outside `0x20–0x7E` (tab aside) or one that
 * already looks like the sentinel is sent as `=?base64?<UTF-8 in base64>?=`.
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

/**
 * Decodes a field value sent by {@link encodeMcpHeaderValue}'s rules: the payload of a
 * `=?base64?…?=` sentinel as UTF-8, any other value as it is.
 *
 * @param field - The header's field value.
 * @returns The value, or `undefined` for a sentinel whose payload is not canonical base64 of
 *   UTF-8 text (SEP-2243 answers that with `HeaderMismatch`, like a value that disagrees).
 * @example
 * ```ts
 * decodeMcpHeaderValue('us-west1'); // 'us-west1'
 * decodeMcpHeaderValue('=?base64?SGVsbG8sIOS4lueVjA==?='); // 'Hello, 世界'
 * decodeMcpHeaderValue('=?base64?not base64?='); // undefined
 * ```
 */
export function decodeMcpHeaderValue(field: string): string | undefined {
  const sentinel =
    field.length >= BASE64_PREFIX.length + BASE64_SUFFIX.length &&
    field.startsWith(BASE64_PREFIX) &&
    field.endsWith(BASE64_SUFFIX);
  if (!sentinel) return field;
  const payload = field.slice(BASE64_PREFIX.length, field.length - BASE64_SUFFIX.length);
  if (!CANONICAL_BASE64.test(payload)) return undefined;
  try {
    return STRICT_UTF8.decode(Buffer.from(payload, 'base64'));
  } catch {
    return undefined;
  }
}

/** Padded base64 (RFC 4648 §4), the form `encodeMcpHeaderValue` sends. */
const CANONICAL_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The `Mcp-Name` header of an MCP 2026-07-28 request, encoded: the tool or prompt name, the
 * resource URI or the task id its method names (SEP-2243).
 *
 * @param method - The JSON-RPC method.
 * @param params - The request's params.
 * @returns The header value, or `undefined` for a method that sends none.
 * @example
 * ```ts
 * mcpNameHeader('tools/call', { name: 'add' }); // 'add'
 * mcpNameHeader('tools/list', {}); // undefined
 * ```
 */
export function mcpNameHeader(
  method: string,
  params: Readonly<Record<string, unknown>> | undefined,
): string | undefined {
  const field = Object.hasOwn(MCP_NAME_SOURCE, method) ? MCP_NAME_SOURCE[method] : undefined;
  const name = field === undefined ? undefined : params?.[field];
  return typeof name === 'string' ? encodeMcpHeaderValue(name) : undefined;
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
