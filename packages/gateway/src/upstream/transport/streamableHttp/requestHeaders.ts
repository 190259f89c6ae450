import type { OutgoingHttpHeaders } from 'node:http';

import type { UpstreamRequest } from '../../upstreamRequest.js';

/** What goes into the headers of one request of the transport. */
export interface RequestHeaderParts {
  /** The session id the server assigned, once it did. */
  readonly sessionId: string | undefined;
  /** The negotiated protocol version, once `initialize` is done. */
  readonly protocolVersion: string | undefined;
  /** The target's static headers, names lower-cased. */
  readonly staticHeaders: Readonly<Record<string, string>>;
  /** POST carries a message; GET opens or resumes the stream of server-initiated messages. */
  readonly method: 'GET' | 'POST';
  /** A resumed GET stream continues after this event id. */
  readonly lastEventId?: string | undefined;
  /** The `Authorization` value, if any. */
  readonly authorization: string | undefined;
  /**
   * The MCP 2026-07-28 headers of the message (`MCP-Protocol-Version`, `Mcp-Method`, `Mcp-Name`,
   * `Mcp-Param-*`), sent after the static headers so that none of those can replace them.
   */
  readonly messageHeaders?: Readonly<Record<string, string>> | undefined;
}

/**
 * The headers of one Streamable HTTP request: session id and protocol version once known, the
 * target's static headers, the message's own MCP 2026-07-28 headers, the content negotiation of
 * the method, and the credential last (so a static header cannot replace the credential).
 *
 * @param parts - See {@link RequestHeaderParts}.
 * @returns The headers for `sendHttpRequest`.
 * @example
 * ```ts
 * requestHeaders({ sessionId: 'abc', protocolVersion: undefined, staticHeaders: {}, method: 'GET', authorization: undefined });
 * // { 'mcp-session-id': 'abc', accept: 'text/event-stream' }
 * ```
 */
export function requestHeaders(parts: RequestHeaderParts): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = {};
  if (parts.sessionId !== undefined) headers['mcp-session-id'] = parts.sessionId;
  if (parts.protocolVersion !== undefined) headers['mcp-protocol-version'] = parts.protocolVersion;
  Object.assign(headers, parts.staticHeaders);
  if (parts.messageHeaders !== undefined) Object.assign(headers, parts.messageHeaders);
  if (parts.method === 'POST') {
    headers['content-type'] = 'application/json';
    headers.accept = 'application/json, text/event-stream';
  } else {
    headers.accept = 'text/event-stream';
    if (parts.lastEventId !== undefined) headers['last-event-id'] = parts.lastEventId;
  }
  if (parts.authorization !== undefined) headers.authorization = parts.authorization;
  return headers;
}

/** What one HTTP request carries beside the session headers. */
export type OutgoingMessage = Pick<RequestHeaderParts, 'lastEventId' | 'messageHeaders'> & {
  /** The POST body; none for a GET. */
  body?: string | undefined;
  /** The request the message belongs to, for its credential; none for the gateway's own. */
  request?: UpstreamRequest | undefined;
  /**
   * An MCP 2026-07-28 message: sent without the session id, and no session id is taken from its
   * answer (that revision has no sessions, whatever a server sends).
   */
  modern?: boolean | undefined;
  /** Aborts this request and its answer's stream (MCP 2026-07-28 cancellation); default none. */
  signal?: AbortSignal | undefined;
};
