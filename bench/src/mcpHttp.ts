import { MCP_ACCEPT_HEADER, modernRequest } from '@agentcore-mcp/client';

/** The protocol version the bench announces (and sends as `MCP-Protocol-Version`). */
export const PROTOCOL_VERSION = '2025-06-18';

/** Who the bench says it is, in `initialize` and in every 2026-07-28 request's `_meta`. */
const BENCH_CLIENT = { name: 'agentcore-mcp-bench', version: '0.0.0' };

/**
 * Which protocol era a request speaks. `legacy`: a 2025 request without a session (no `_meta`
 * envelope, no MCP headers), as every stateless 2025 server answers it. `modern`: MCP 2026-07-28,
 * the `_meta` envelope in `params` and the standard headers (built by the client package's
 * `modernRequest`).
 */
export type ProtocolEra = 'legacy' | 'modern';

/**
 * What a 2026-07-28 request carries in `params._meta` (version, capabilities, client), as
 * `modernRequest` builds it: the wrk script splices it into every request body.
 */
export const MODERN_META: unknown = (
  JSON.parse(modernRequest('tools/list', {}, { clientInfo: BENCH_CLIENT }).body) as {
    params: { _meta: unknown };
  }
).params._meta;

/**
 * The headers of one request in an era: `Content-Type` and `Accept`, plus for 2026-07-28 the
 * standard headers (SEP-2243) that must agree with the body, from `modernRequest`.
 *
 * @param era - The protocol era.
 * @param method - The JSON-RPC method (`Mcp-Method`).
 * @param name - The tool name of a `tools/call` (`Mcp-Name`); omitted for other methods.
 * @returns Lower-case header names and values.
 */
export function eraHeaders(
  era: ProtocolEra,
  method: string,
  name?: string,
): Record<string, string> {
  if (era === 'legacy') return { 'content-type': 'application/json', accept: MCP_ACCEPT_HEADER };
  return modernRequest(method, name === undefined ? {} : { name }, { clientInfo: BENCH_CLIENT })
    .headers;
}

interface JsonRpcReply {
  id?: number | string | null;
  result?: { content?: { type: string; text?: string }[] };
  error?: { code: number; message: string };
}

/** One JSON-RPC exchange over streamable HTTP: the HTTP response and the reply it carried. */
export interface Exchange {
  readonly status: number;
  readonly headers: Headers;
  readonly reply: JsonRpcReply | undefined;
}

/**
 * POSTs one JSON-RPC message to an MCP endpoint and reads the reply, whether the server answers
 * with JSON or with an SSE stream.
 *
 * @param url - The MCP endpoint.
 * @param message - The JSON-RPC message, or its JSON (e.g. a `modernRequest` body).
 * @param headers - Extra headers (session id, protocol version).
 * @returns Status, headers and the reply (undefined for 202 or an empty body).
 */
export async function postJsonRpc(
  url: string,
  message: object | string,
  headers: Readonly<Record<string, string>> = {},
): Promise<Exchange> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: MCP_ACCEPT_HEADER,
      ...headers,
    },
    body: typeof message === 'string' ? message : JSON.stringify(message),
  });
  const body = await response.text();
  const json = response.headers.get('content-type')?.startsWith('text/event-stream')
    ? body
        .split('\n')
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(5).trim())
        .at(-1)
    : body;
  return {
    status: response.status,
    headers: response.headers,
    reply: json ? (JSON.parse(json) as JsonRpcReply) : undefined,
  };
}

/** Options of {@link callAddTool}. */
export interface CallAddToolOptions {
  /** Extra headers (session id, protocol version). Default none. */
  readonly headers?: Readonly<Record<string, string>>;
  /** The protocol era of the request. Default `legacy`. */
  readonly era?: ProtocolEra;
}

/**
 * Sends `tools/call <tool> {a: id, b: 7}` and checks the answer is the text `id + 7`.
 *
 * @param url - The MCP endpoint.
 * @param tool - The tool name as this endpoint lists it (e.g. prefixed through the gateway).
 * @param options - Extra headers and the protocol era.
 * @throws Error naming what came back instead.
 */
export async function callAddTool(
  url: string,
  tool: string,
  options: CallAddToolOptions = {},
): Promise<void> {
  const id = 1 + Math.floor(Math.random() * 1e6);
  const params = { name: tool, arguments: { a: id, b: 7 } };
  const request =
    options.era === 'modern'
      ? modernRequest('tools/call', params, { id, clientInfo: BENCH_CLIENT })
      : { headers: {}, body: JSON.stringify({ jsonrpc: '2.0', id, method: 'tools/call', params }) };
  const { status, reply } = await postJsonRpc(url, request.body, {
    ...request.headers,
    ...options.headers,
  });
  const text = reply?.result?.content?.[0]?.text;
  if (status !== 200 || reply?.id !== id || text !== String(id + 7)) {
    throw new Error(`${tool} at ${url} answered ${status} ${JSON.stringify(reply)}`);
  }
}

/**
 * Opens a session on a stateful endpoint (initialize + notifications/initialized).
 *
 * @param url - The MCP endpoint.
 * @returns The headers every later request of the session must carry.
 * @throws Error when the endpoint gives no session id.
 */
export async function openSession(url: string): Promise<Record<string, string>> {
  const init = await postJsonRpc(url, {
    jsonrpc: '2.0',
    id: 0,
    method: 'initialize',
    params: {
      protocolVersion: PROTOCOL_VERSION,
      capabilities: {},
      clientInfo: BENCH_CLIENT,
    },
  });
  const sessionId = init.headers.get('mcp-session-id');
  if (init.status !== 200 || sessionId === null) {
    throw new Error(`initialize at ${url} gave ${init.status} and no session id`);
  }
  const headers = { 'Mcp-Session-Id': sessionId, 'MCP-Protocol-Version': PROTOCOL_VERSION };
  await postJsonRpc(url, { jsonrpc: '2.0', method: 'notifications/initialized' }, headers);
  return headers;
}
