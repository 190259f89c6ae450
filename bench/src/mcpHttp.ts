/** The protocol version the bench announces (and sends as `MCP-Protocol-Version`). */
export const PROTOCOL_VERSION = '2025-06-18';

/** The stateless revision: no `initialize`, every request carries its own `_meta` envelope. */
export const MODERN_PROTOCOL_VERSION = '2026-07-28';

/**
 * Which protocol era a request speaks. `legacy`: a 2025 request without a session (no `_meta`
 * envelope, no MCP headers), as every stateless 2025 server answers it. `modern`: MCP 2026-07-28,
 * the `_meta` envelope in `params` and the standard headers.
 */
export type ProtocolEra = 'legacy' | 'modern';

/** What a 2026-07-28 request carries in `params._meta`: version, capabilities, client. */
export const MODERN_META = {
  'io.modelcontextprotocol/protocolVersion': MODERN_PROTOCOL_VERSION,
  'io.modelcontextprotocol/clientCapabilities': {},
  'io.modelcontextprotocol/clientInfo': { name: 'agentcore-mcp-bench', version: '0.0.0' },
} as const;

/**
 * The standard headers of a 2026-07-28 request (SEP-2243), which must agree with its body.
 *
 * @param method - The JSON-RPC method (`Mcp-Method`).
 * @param name - The tool name of a `tools/call` (`Mcp-Name`); omitted for other methods.
 * @returns `MCP-Protocol-Version`, `Mcp-Method` and, with a name, `Mcp-Name`.
 */
export function modernHeaders(method: string, name?: string): Record<string, string> {
  return {
    'MCP-Protocol-Version': MODERN_PROTOCOL_VERSION,
    'Mcp-Method': method,
    ...(name === undefined ? {} : { 'Mcp-Name': name }),
  };
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
 * @param message - The JSON-RPC message.
 * @param headers - Extra headers (session id, protocol version).
 * @returns Status, headers and the reply (undefined for 202 or an empty body).
 */
export async function postJsonRpc(
  url: string,
  message: object,
  headers: Readonly<Record<string, string>> = {},
): Promise<Exchange> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      ...headers,
    },
    body: JSON.stringify(message),
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
  const modern = options.era === 'modern';
  const { status, reply } = await postJsonRpc(
    url,
    {
      jsonrpc: '2.0',
      id,
      method: 'tools/call',
      params: {
        name: tool,
        arguments: { a: id, b: 7 },
        ...(modern ? { _meta: MODERN_META } : {}),
      },
    },
    { ...(modern ? modernHeaders('tools/call', tool) : {}), ...options.headers },
  );
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
      clientInfo: { name: 'agentcore-mcp-bench', version: '0.0.0' },
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
