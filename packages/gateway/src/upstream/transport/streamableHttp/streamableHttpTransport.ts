import type { ClientRequest, IncomingMessage } from 'node:http';

import { StreamableHTTPError } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type {
  Transport,
  TransportSendOptions,
} from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';

import { type OutboundAuthorization, sendAuthorized } from '../outboundAuthorization.js';
import type { UpstreamRequests } from '../upstreamRequests.js';
import { readMessageStream, type StreamResumption } from './readMessageStream.js';
import { type OutgoingMessage, requestHeaders } from './requestHeaders.js';
import { mediaType, redirectNotFollowed, sameOriginRedirect } from './responseChecks.js';
import { readJsonMessages, readResponseText, sendHttpRequest } from './sendHttpRequest.js';
import {
  DEFAULT_RECONNECT,
  reconnectDelayMs,
  type ReconnectOptions,
  type StreamableHttpTransportOptions,
} from './streamableHttpOptions.js';

const MAX_REDIRECTS = 5;

/**
 * The client side of MCP's Streamable HTTP transport, written directly on node:http(s) with
 * keep-alive connections: it does what the SDK's `StreamableHTTPClientTransport` does for the
 * gateway (session id and protocol version headers, JSON and SSE answers, the standalone GET stream
 * for server-initiated messages with reconnection, resumption of a primed POST stream, same-origin
 * redirects) without WHATWG `Response`s and web streams, which cost the gateway most of its CPU per
 * forwarded call. Messages are checked for JSON-RPC shape here; the SDK `Client` validates them.
 *
 * Errors: an HTTP error status rejects `send` with the SDK's `StreamableHTTPError` (404 on a request
 * that carried a session id means the server forgot the session), a network failure with an
 * `UpstreamNetworkError` whose cause is the socket error. `close()` destroys every request and
 * stream under way; nothing is reported after it.
 *
 * @example
 * ```ts
 * const client = new Client({ name: 'gateway', version: '1.0.0' });
 * await client.connect(new StreamableHttpTransport(new URL('http://127.0.0.1:8000/mcp')));
 * ```
 */
export class StreamableHttpTransport implements Transport {
  /** See the SDK's `Transport`. */
  onclose?: (() => void) | undefined;
  /** See the SDK's `Transport`. */
  onerror?: ((error: Error) => void) | undefined;
  /** See the SDK's `Transport`. */
  onmessage?: ((message: JSONRPCMessage) => void) | undefined;

  readonly #url: URL;
  readonly #headers: Record<string, string>;
  readonly #authorization: OutboundAuthorization | undefined;
  readonly #requests: UpstreamRequests | undefined;
  readonly #reconnect: ReconnectOptions;
  readonly #inFlight = new Set<ClientRequest>();
  readonly #timers = new Set<NodeJS.Timeout>();
  #sessionId: string | undefined;
  #protocolVersion: string | undefined;
  #serverRetryMs: number | undefined;
  #started = false;
  #closed = false;

  /**
   * @param url - The target's MCP endpoint (`http:` or `https:`).
   * @param options - See {@link StreamableHttpTransportOptions}.
   */
  constructor(url: URL, options: StreamableHttpTransportOptions = {}) {
    this.#url = url;
    this.#headers = {};
    for (const [name, value] of Object.entries(options.headers ?? {})) {
      this.#headers[name.toLowerCase()] = value;
    }
    this.#authorization = options.authorization;
    this.#requests = options.requests;
    this.#reconnect = { ...DEFAULT_RECONNECT, ...options.reconnect };
  }

  /** The session id the server assigned in its `initialize` answer, if any. */
  get sessionId(): string | undefined {
    return this.#sessionId;
  }

  /** The negotiated protocol version, sent as `mcp-protocol-version` once set. */
  get protocolVersion(): string | undefined {
    return this.#protocolVersion;
  }

  /** Called by the SDK client after `initialize`. @param version - The negotiated version. */
  setProtocolVersion(version: string): void {
    this.#protocolVersion = version;
  }

  /** Marks the transport started (nothing is sent until the first message). */
  start(): Promise<void> {
    if (this.#started) {
      return Promise.reject(new Error('StreamableHttpTransport already started'));
    }
    this.#started = true;
    return Promise.resolve();
  }

  /** Destroys every request and stream under way, cancels reconnections, then calls `onclose`. */
  close(): Promise<void> {
    if (this.#closed) return Promise.resolve();
    this.#closed = true;
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
    const reason = Object.assign(new Error('The transport was closed'), { name: 'AbortError' });
    for (const request of this.#inFlight) request.destroy(reason);
    this.#inFlight.clear();
    this.onclose?.();
    return Promise.resolve();
  }

  /**
   * POSTs one message. Resolves once the server accepted it: for a request, the answer arrives
   * through `onmessage` (parsed from a JSON body before this resolves, or from an SSE stream read
   * after). A `resumptionToken` resumes an earlier stream over GET instead.
   *
   * @throws `StreamableHTTPError` for an HTTP error status or an unexpected content type;
   *   `UpstreamNetworkError` when the server cannot be reached.
   */
  async send(message: JSONRPCMessage, options?: TransportSendOptions): Promise<void> {
    const isRequest = 'method' in message && 'id' in message;
    if (options?.resumptionToken !== undefined) {
      this.#openStandaloneStream({
        lastEventId: options.resumptionToken,
        replayMessageId: isRequest ? message.id : undefined,
        onresumptiontoken: options.onresumptiontoken,
      }).catch((error: unknown) => this.#reportError(error));
      return;
    }
    try {
      const request = this.#requests?.find(message, options);
      const response = await this.#request('POST', { body: JSON.stringify(message), request });
      const status = response.statusCode ?? 0;
      if (status < 200 || status > 299) {
        const text = await readResponseText(response);
        throw new StreamableHTTPError(
          status,
          `Error POSTing to endpoint: ${redirectNotFollowed(response) ?? text}`,
        );
      }
      if (status === 202 || !isRequest) {
        response.resume();
        if (
          status === 202 &&
          'method' in message &&
          message.method === 'notifications/initialized'
        ) {
          this.#openStandaloneStream({}).catch((error: unknown) => this.#reportError(error));
        }
        return;
      }
      const contentType = mediaType(response.headers['content-type']);
      if (contentType === 'text/event-stream') {
        this.#readStream(response, false, { onresumptiontoken: options?.onresumptiontoken });
      } else if (contentType === 'application/json') {
        for (const answer of await readJsonMessages(response)) this.onmessage?.(answer);
      } else {
        response.resume();
        throw new StreamableHTTPError(
          -1,
          `Unexpected content type: ${response.headers['content-type'] ?? ''}`,
        );
      }
    } catch (error) {
      this.#reportError(error);
      throw error;
    }
  }

  /**
   * Sends one request with the session headers and the credential, following same-origin
   * redirects; an answer 401 is sent once more with a fresh token when the credential allows it.
   */
  #request(method: 'GET' | 'POST', message: OutgoingMessage): Promise<IncomingMessage> {
    if (this.#closed) return Promise.reject(new Error('The transport is closed'));
    return sendAuthorized(this.#authorization, message.request, {
      send: (authorization) => this.#follow(method, message, authorization),
      isUnauthorized: (response) => response.statusCode === 401,
      discard: (response) => response.resume(),
    });
  }

  async #follow(
    method: 'GET' | 'POST',
    message: OutgoingMessage,
    authorization: string | undefined,
  ): Promise<IncomingMessage> {
    let url = this.#url;
    for (let redirects = 0; ; redirects += 1) {
      const headers = requestHeaders({
        sessionId: this.#sessionId,
        protocolVersion: this.#protocolVersion,
        staticHeaders: this.#headers,
        method,
        lastEventId: message.lastEventId,
        authorization,
      });
      const response = await sendHttpRequest(url, {
        method,
        headers,
        body: message.body,
        inFlight: this.#inFlight,
      });
      const sessionId = response.headers['mcp-session-id'];
      if (typeof sessionId === 'string' && sessionId !== '') this.#sessionId = sessionId;
      const next =
        redirects < MAX_REDIRECTS ? sameOriginRedirect(response, url, method) : undefined;
      if (next === undefined) return response;
      response.resume();
      url = next;
    }
  }

  /** Opens the GET stream for server-initiated messages, or resumes a stream after `lastEventId`. */
  async #openStandaloneStream(resumption: StreamResumption): Promise<void> {
    const response = await this.#request('GET', { lastEventId: resumption.lastEventId });
    const status = response.statusCode ?? 0;
    if (status === 405) {
      // The server offers no standalone stream; that is allowed.
      response.resume();
      return;
    }
    if (status < 200 || status > 299) {
      response.resume();
      throw new StreamableHTTPError(
        status,
        `Failed to open SSE stream: ${redirectNotFollowed(response) ?? response.statusMessage ?? ''}`,
      );
    }
    this.#readStream(response, true, resumption);
  }

  /**
   * Delivers the messages of an SSE response. When it ends before answering (the GET stream, or a
   * POST stream the server primed with an event id), it is resumed over GET after a delay.
   */
  #readStream(response: IncomingMessage, standalone: boolean, resumption: StreamResumption): void {
    readMessageStream(response, {
      resumption,
      onRetry: (milliseconds) => (this.#serverRetryMs = milliseconds),
      onMessage: (message) => this.#deliver(message),
      onBadMessage: (error) => this.#reportError(error),
      onEnd: ({ lastEventId, primed, answered, error }) => {
        if (this.#closed) return;
        if (error !== undefined)
          this.onerror?.(new Error(`SSE stream disconnected: ${String(error)}`));
        if ((standalone || primed) && !answered) {
          this.#scheduleReconnect({ ...resumption, lastEventId }, 0);
        }
      },
    });
  }

  #scheduleReconnect(resumption: StreamResumption, attempt: number): void {
    const { maxRetries } = this.#reconnect;
    if (attempt >= maxRetries) {
      this.onerror?.(new Error(`Maximum reconnection attempts (${maxRetries}) exceeded.`));
      return;
    }
    const delay = reconnectDelayMs(this.#reconnect, attempt, this.#serverRetryMs);
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      this.#openStandaloneStream(resumption).catch((error: unknown) => {
        if (this.#closed) return;
        const reason = error instanceof Error ? error.message : String(error);
        this.onerror?.(new Error(`Failed to reconnect SSE stream: ${reason}`, { cause: error }));
        this.#scheduleReconnect(resumption, attempt + 1);
      });
    }, delay);
    timer.unref();
    this.#timers.add(timer);
  }

  #deliver(message: JSONRPCMessage): void {
    try {
      this.onmessage?.(message);
    } catch (error) {
      this.#reportError(error);
    }
  }

  #reportError(error: unknown): void {
    if (this.#closed) return;
    this.onerror?.(error instanceof Error ? error : new Error(String(error)));
  }
}
