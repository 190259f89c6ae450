/** What a JSON-RPC error looks like on the wire. */
export interface JsonRpcErrorBody {
  readonly code: number;
  readonly message: string;
  readonly data?: unknown;
}

/** One JSON-RPC message from a response, loosely typed. */
export interface JsonRpcMessage {
  readonly jsonrpc?: unknown;
  readonly id?: unknown;
  readonly result?: Record<string, unknown>;
  readonly error?: JsonRpcErrorBody;
}

/** The whole HTTP answer to a POST. */
export interface RpcAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** The JSON-RPC messages in the body: a JSON document, or the `data:` lines of an SSE stream. */
  readonly messages: readonly JsonRpcMessage[];
}

/** The headers a spec-compliant MCP client sends with a POST. */
export const MCP_POST_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'application/json',
  accept: 'application/json, text/event-stream',
};

/**
 * POSTs `body` as is (no JSON encoding, so it can be anything hostile) and reads every JSON-RPC
 * message in the answer.
 *
 * @param url - The MCP endpoint.
 * @param body - The raw request body.
 * @param headers - Replaces {@link MCP_POST_HEADERS} when given.
 * @returns Status, headers, text and messages.
 */
export async function postJsonRpc(
  url: string,
  body: string,
  headers: Readonly<Record<string, string>> = MCP_POST_HEADERS,
): Promise<RpcAnswer> {
  const response = await fetch(url, { method: 'POST', headers, body });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    text,
    messages: parseMessages(text),
  };
}

/**
 * Parses a response body into its JSON-RPC messages: a JSON object or array, or an SSE stream.
 *
 * @param text - The body.
 * @returns The messages; `[]` for an empty body or text that is neither.
 */
export function parseMessages(text: string): JsonRpcMessage[] {
  const trimmed = text.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    const parsed = JSON.parse(trimmed) as JsonRpcMessage | JsonRpcMessage[];
    return Array.isArray(parsed) ? parsed : [parsed];
  }
  return trimmed
    .split('\n')
    .filter((line) => line.startsWith('data: '))
    .map((line) => JSON.parse(line.slice(6)) as JsonRpcMessage);
}

/**
 * A `tools/call` request as JSON text.
 *
 * @param id - The JSON-RPC id.
 * @param name - The tool.
 * @param args - Its arguments.
 * @returns The request body.
 */
export function toolCallBody(id: number | string, name: string, args: unknown): string {
  return JSON.stringify({
    jsonrpc: '2.0',
    id,
    method: 'tools/call',
    params: { name, arguments: args },
  });
}
