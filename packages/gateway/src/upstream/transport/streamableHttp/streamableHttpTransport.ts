import type { ClientRequest, IncomingMessage } from 'node:http';

import {
  type JSONRPCMessage,
  SdkError,
  SdkErrorCode,
  SdkHttpError,
  type Transport,
  type TransportSendOptions,
} from '@modelcontextprotocol/client';

import { type OutboundAuthorization, sendAuthorized } from '../outboundAuthorization.js';
import type { UpstreamRequests } from '../upstreamRequests.js';
import { envelopeVersionOf, isModernProtocolVersion, modernHeaders } from './modernHeaders.js';
import { type OutgoingMessage, requestHeaders } from './requestHeaders.js';
import {
  errorAnswerOf,
  mediaType,
  redirectNotFollowed,
  sameOriginRedirect,
} from './responseChecks.js';
import { readJsonMessages, readResponseText, sendHttpRequest } from './sendHttpRequest.js';
import { SseStreams } from './sseStreams.js';
import { DEFAULT_RECONNECT, type StreamableHttpTransportOptions } from './streamableHttpOptions.js';

const MAX_REDIRECTS = 5;

/**
 * The client side of MCP's Streamable HTTP transport, written directly on node:http(s) with
 * keep-alive connections: it does what the SDK's `StreamableHTTPClientTransport` does for the
 * gateway without WHATWG `Response`s and web streams, which cost the gateway most of its CPU per
 * forwarded call. Messages are checked for JSON-RPC shape here; the SDK `Client` validates them.
 *
 * Both protocol eras, decided per message by its `_meta` envelope as the SDK's transport does:
 * - MCP 2025: session id and protocol version headers, JSON and SSE answers, the standalone GET
 *   stream for server-initiated messages with reconnection, resumption of a primed POST stream,
 *   same-origin redirects.
 * - MCP 2026-07-28: `MCP-Protocol-Version`, `Mcp-Method`, `Mcp-Name` (base64 sentinel for values
 *   that are no plain ASCII) and the caller's `Mcp-Param-*` headers; no session id either way and
 *   no GET stream; cancellation by closing the request's own stream (`hasPerRequestStream`,
 *   `requestSignal`); a 4xx whose body is the JSON-RPC error of the request is that request's
 *   answer (e.g. -32020, -32022, -32601).
 *
 * Errors: an HTTP error status rejects `send` with the SDK's `SdkHttpError` (404 on a request
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
  /**
   * One HTTP request per message: on an MCP 2026-07-28 connection the SDK cancels a request by
   * aborting its `requestSignal`, which closes the request's own stream, instead of sending
   * `notifications/cancelled`.
   */
  readonly hasPerRequestStream = true;

  readonly #url: URL;
  readonly #headers: Record<string, string>;
  readonly #authorization: OutboundAuthorization | undefined;
  readonly #requests: UpstreamRequests | undefined;
  readonly #streams: SseStreams;
  readonly #inFlight = new Set<ClientRequest>();
  #sessionId: string | undefined;
  #protocolVersion: string | undefined;
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
    this.#streams = new SseStreams(
      {
        openGet: (lastEventId) => this.#request('GET', { lastEventId }),
        deliver: (message) => this.#deliver(message),
        reportError: (error) => this.#reportError(error),
        isClosed: () => this.#closed,
      },
      { ...DEFAULT_RECONNECT, ...options.reconnect },
    );
  }

  /** The session id the server assigned in its `initialize` answer, if any. */
  get sessionId(): string | undefined {
    return this.#sessionId;
  }

  /** The negotiated protocol version, sent as `mcp-protocol-version` once set. */
  get protocolVersion(): string | undefined {
    return this.#protocolVersion;
  }

  /**
   * Called by the SDK client once the era is known (after `initialize`, or adopting a 2026-07-28
   * verdict). A 2026-07-28 connection has no session: none is sent from then on.
   *
   * @param version - The negotiated version.
   */
  setProtocolVersion(version: string): void {
    this.#protocolVersion = version;
    if (isModernProtocolVersion(version)) this.#sessionId = undefined;
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
    this.#streams.close();
    const reason = Object.assign(new Error('The transport was closed'), { name: 'AbortError' });
    for (const request of this.#inFlight) request.destroy(reason);
    this.#inFlight.clear();
    this.onclose?.();
    return Promise.resolve();
  }

  /**
   * POSTs one message. Resolves once the server accepted it: for a request, the answer arrives
   * through `onmessage` (parsed from a JSON body before this resolves, or from an SSE stream read
   * after). A `resumptionToken` resumes an earlier stream over GET instead (MCP 2025 only).
   *
   * @throws `SdkHttpError` for an HTTP error status, `SdkError` for an unexpected content type;
   *   `UpstreamNetworkError` when the server cannot be reached.
   */
  async send(message: JSONRPCMessage, options?: TransportSendOptions): Promise<void> {
    const isRequest = 'method' in message && 'id' in message;
    const version = envelopeVersionOf(message);
    const modern = version !== undefined || isModernProtocolVersion(this.#protocolVersion);
    if (options?.resumptionToken !== undefined && !modern) {
      this.#streams
        .openStandalone({
          lastEventId: options.resumptionToken,
          replayMessageId: isRequest ? message.id : undefined,
          onresumptiontoken: options.onresumptiontoken,
        })
        .catch((error: unknown) => this.#reportError(error));
      return;
    }
    const signal = options?.requestSignal;
    try {
      const request = this.#requests?.find(message, options);
      const response = await this.#request('POST', {
        body: JSON.stringify(message),
        request,
        modern,
        signal,
        messageHeaders:
          version === undefined ? undefined : modernHeaders(message, version, options?.headers),
      });
      const status = response.statusCode ?? 0;
      if (status < 200 || status > 299) {
        const text = await readResponseText(response);
        if (version !== undefined && isRequest && status < 500) {
          const answer = errorAnswerOf(text, message.id);
          if (answer !== undefined) {
            this.#deliver(answer);
            return;
          }
        }
        throw new SdkHttpError(
          SdkErrorCode.ClientHttpNotImplemented,
          `Error POSTing to endpoint: ${redirectNotFollowed(response) ?? text}`,
          { status, statusText: response.statusMessage, text },
        );
      }
      if (status === 202 || !isRequest) {
        response.resume();
        if (
          status === 202 &&
          !modern &&
          'method' in message &&
          message.method === 'notifications/initialized'
        ) {
          this.#streams.openStandalone({}).catch((error: unknown) => this.#reportError(error));
        }
        return;
      }
      const contentType = mediaType(response.headers['content-type']);
      if (contentType === 'text/event-stream') {
        this.#streams.read(response, false, {
          onresumptiontoken: options?.onresumptiontoken,
          ...(modern ? { modern: { signal, onEnd: options?.onRequestStreamEnd } } : {}),
        });
      } else if (contentType === 'application/json') {
        for (const answer of await readJsonMessages(response)) this.onmessage?.(answer);
      } else {
        response.resume();
        throw new SdkError(
          SdkErrorCode.ClientHttpUnexpectedContent,
          `Unexpected content type: ${response.headers['content-type'] ?? ''}`,
        );
      }
    } catch (error) {
      if (signal?.aborted !== true) this.#reportError(error);
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
        sessionId: message.modern === true ? undefined : this.#sessionId,
        protocolVersion: this.#protocolVersion,
        staticHeaders: this.#headers,
        method,
        lastEventId: message.lastEventId,
        authorization,
        messageHeaders: message.messageHeaders,
      });
      const response = await sendHttpRequest(url, {
        method,
        headers,
        body: message.body,
        inFlight: this.#inFlight,
        signal: message.signal,
      });
      const sessionId = response.headers['mcp-session-id'];
      if (message.modern !== true && typeof sessionId === 'string' && sessionId !== '') {
        this.#sessionId = sessionId;
      }
      const next =
        redirects < MAX_REDIRECTS ? sameOriginRedirect(response, url, method) : undefined;
      if (next === undefined) return response;
      response.resume();
      url = next;
    }
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
