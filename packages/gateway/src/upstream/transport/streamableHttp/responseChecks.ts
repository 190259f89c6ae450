import type { IncomingMessage } from 'node:http';

import { isJSONRPCErrorResponse, type JSONRPCMessage } from '@modelcontextprotocol/client';

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/**
 * The media type of a `content-type` header, without parameters, lower-cased.
 *
 * @param header - The header value, if any.
 * @returns E.g. `text/event-stream`; `''` when there is no header.
 * @example
 * ```ts
 * mediaType('application/json; charset=utf-8'); // 'application/json'
 * ```
 */
export function mediaType(header: string | undefined): string {
  if (header === undefined) return '';
  const semicolon = header.indexOf(';');
  return (semicolon === -1 ? header : header.slice(0, semicolon)).trim().toLowerCase();
}

/**
 * The URL a redirect answer points to, when it may be followed: same origin and credentials, and
 * a POST only on 307/308 (301/302/303 would turn it into a GET).
 *
 * @param response - The answer.
 * @param from - The URL that was requested.
 * @param method - The method that was sent.
 * @returns The URL to send the request to instead, or `undefined` to use the answer as it is.
 * @example
 * ```ts
 * const next = sameOriginRedirect(response, url, 'POST');
 * ```
 */
export function sameOriginRedirect(
  response: IncomingMessage,
  from: URL,
  method: string,
): URL | undefined {
  const status = response.statusCode ?? 0;
  const location = response.headers.location;
  if (!REDIRECT_STATUSES.has(status) || location === undefined) return undefined;
  // 301, 302 and 303 turn a request with a body into a GET, so only 307 and 308 keep a POST.
  if (method !== 'GET' && status !== 307 && status !== 308) return undefined;
  let to: URL;
  try {
    to = new URL(location, from);
  } catch {
    return undefined;
  }
  const sameOrigin = to.origin === from.origin && to.username === from.username;
  return sameOrigin && to.password === from.password ? to : undefined;
}

/**
 * Says where an unfollowed redirect pointed, without its query.
 *
 * @param response - The answer.
 * @returns `Redirect to … not followed`, or `undefined` when the answer is no redirect.
 * @example
 * ```ts
 * throw new Error(redirectNotFollowed(response) ?? text);
 * ```
 */
export function redirectNotFollowed(response: IncomingMessage): string | undefined {
  const status = response.statusCode ?? 0;
  const location = response.headers.location;
  if (!REDIRECT_STATUSES.has(status) || location === undefined) return undefined;
  return `Redirect to ${location.split(/[?#]/, 1)[0] ?? ''} not followed`;
}

/**
 * Checks the JSON-RPC 2.0 envelope of a parsed message (the SDK validates the rest).
 *
 * @param value - What `JSON.parse` returned for one message.
 * @returns The message.
 * @throws `TypeError` when it is no JSON-RPC 2.0 request, notification or response.
 * @example
 * ```ts
 * transport.onmessage?.(assertJsonRpcMessage(JSON.parse(data)));
 * ```
 */
export function assertJsonRpcMessage(value: unknown): JSONRPCMessage {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const candidate = value as Record<string, unknown>;
    const hasId = typeof candidate.id === 'string' || typeof candidate.id === 'number';
    const shaped =
      typeof candidate.method === 'string' ||
      (hasId && ('result' in candidate || 'error' in candidate));
    if (candidate.jsonrpc === '2.0' && shaped) return value as JSONRPCMessage;
  }
  throw new TypeError(`Not a JSON-RPC 2.0 message: ${JSON.stringify(value)?.slice(0, 200) ?? ''}`);
}

/**
 * The JSON-RPC error an HTTP error answer carries for request `id`, if its body is one: an MCP
 * 2026-07-28 server answers header mismatches (-32020), unsupported versions (-32022) and unknown
 * methods (-32601) that way, and that is the request's answer, not a transport failure.
 *
 * @param text - The answer's body.
 * @param id - The JSON-RPC id of the request.
 * @returns The error response, or `undefined` when the body is something else.
 * @example
 * ```ts
 * errorAnswerOf('{"jsonrpc":"2.0","id":7,"error":{"code":-32601,"message":"Method not found"}}', 7);
 * ```
 */
export function errorAnswerOf(text: string, id: unknown): JSONRPCMessage | undefined {
  try {
    const message = assertJsonRpcMessage(JSON.parse(text));
    return isJSONRPCErrorResponse(message) && message.id === id ? message : undefined;
  } catch {
    return undefined;
  }
}
