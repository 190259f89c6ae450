/**
 * Reads the JSON-RPC method names from an MCP POST body (one message or a batch), so the retry
 * policy knows whether a request may be repeated.
 *
 * @param body - The request body as the MCP SDK sends it (a JSON string), or anything else.
 * @returns The `method` of every message that has one; empty for a non-JSON or missing body.
 */
export function readRpcMethods(body: unknown): string[] {
  if (typeof body !== 'string') return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return [];
  }
  const messages: unknown[] = Array.isArray(parsed) ? parsed : [parsed];
  return messages.flatMap((message) =>
    typeof message === 'object' &&
    message !== null &&
    'method' in message &&
    typeof message.method === 'string'
      ? [message.method]
      : [],
  );
}
