import type { ClientRequest, IncomingMessage, OutgoingHttpHeaders } from 'node:http';

import { StreamableHTTPError } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type {
  Transport,
  TransportSendOptions,
} from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage, RequestId } from '@modelcontextprotocol/sdk/types.js';

import type { OutboundAuthorization } from '../outboundAuthorization.js';
import {
  assertJsonRpcMessage,
  mediaType,
  redirectNotFollowed,
  sameOriginRedirect,
} from './responseChecks.js';
import { readResponseBody, responseFailure, sendHttpRequest } from './sendHttpRequest.js';
import { SseParser } from './sseParser.js';

/** How the standalone GET stream (and a resumable POST stream) is reopened after it drops. */
export interface ReconnectOptions {
  /** Delay before the first attempt, in ms; default 1000 (a `retry:` field from the server wins). */
  initialDelayMs: number;
  /** Longest delay, in ms; default 30000. */
  maxDelayMs: number;
  /** Each failed attempt multiplies the delay by this; default 1.5. */
  growFactor: number;
  /** Failed attempts in a row before giving up (reported through `onerror`); default 2. */
  maxRetries: number;
}

/** Options of {@link StreamableHttpTransport}. */
export interface StreamableHttpTransportOptions {
  /** Headers sent on every request (the target's static headers); default none. */
  headers?: Record<string, string> | undefined;
  /** The target's outbound credential; default none. */
  authorization?: OutboundAuthorization | undefined;
  /** See {@link ReconnectOptions}; defaults as the SDK's transport. */
  reconnect?: Partial<ReconnectOptions> | undefined;
}

/** Where a stream resumes and which request id a replayed answer belongs to. */
interface StreamResumption {
  lastEventId?: string | undefined;
  replayMessageId?: RequestId | undefined;
  onresumptiontoken?: ((token: string) => void) | undefined;
}

const DEFAULT_RECONNECT: ReconnectOptions = {
  initialDelayMs: 1000,
  maxDelayMs: 30_000,
  growFactor: 1.5,
  maxRetries: 2,
};
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
      const response = await this.#request('POST', JSON.stringify(message));
      const status = response.statusCode ?? 0;
      if (status < 200 || status > 299) {
        const text = await readText(response);
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
        const body: unknown = JSON.parse((await readResponseBody(response)).toString('utf8'));
        for (const item of Array.isArray(body) ? (body as unknown[]) : [body]) {
          this.onmessage?.(assertJsonRpcMessage(item));
        }
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

  /** Sends one request with the session headers and credential, following same-origin redirects. */
  async #request(
    method: 'GET' | 'POST',
    body?: string,
    lastEventId?: string,
  ): Promise<IncomingMessage> {
    if (this.#closed) throw new Error('The transport is closed');
    let url = this.#url;
    let refreshed = false;
    for (let redirects = 0; ;) {
      const headers: OutgoingHttpHeaders = {};
      if (this.#sessionId !== undefined) headers['mcp-session-id'] = this.#sessionId;
      if (this.#protocolVersion !== undefined) {
        headers['mcp-protocol-version'] = this.#protocolVersion;
      }
      Object.assign(headers, this.#headers);
      if (method === 'POST') {
        headers['content-type'] = 'application/json';
        headers.accept = 'application/json, text/event-stream';
      } else {
        headers.accept = 'text/event-stream';
        if (lastEventId !== undefined) headers['last-event-id'] = lastEventId;
      }
      const authorization = await this.#authorization?.header(refreshed);
      if (authorization !== undefined) headers.authorization = authorization;
      const response = await sendHttpRequest(url, {
        method,
        headers,
        body,
        inFlight: this.#inFlight,
      });
      const sessionId = response.headers['mcp-session-id'];
      if (typeof sessionId === 'string' && sessionId !== '') this.#sessionId = sessionId;
      const status = response.statusCode ?? 0;
      if (status === 401 && !refreshed && this.#authorization?.retriesUnauthorized) {
        response.resume();
        refreshed = true;
        continue;
      }
      const next =
        redirects < MAX_REDIRECTS ? sameOriginRedirect(response, url, method) : undefined;
      if (next === undefined) return response;
      response.resume();
      url = next;
      redirects += 1;
    }
  }

  /** Opens the GET stream for server-initiated messages, or resumes a stream after `lastEventId`. */
  async #openStandaloneStream(resumption: StreamResumption): Promise<void> {
    const response = await this.#request('GET', undefined, resumption.lastEventId);
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
    let lastEventId = resumption.lastEventId;
    let primed = false;
    let answered = false;
    let over = false;
    // Each message is handed over in its own microtask, as reading a web stream would: the SDK
    // handles a notification one microtask after receiving it, so a progress notification followed
    // in the same chunk by the answer must reach its handler before the answer removes it.
    let delivered = Promise.resolve();
    const parser = new SseParser({
      onRetry: (milliseconds) => (this.#serverRetryMs = milliseconds),
      onEvent: (event) => {
        if (event.id !== undefined && event.id !== '') {
          lastEventId = event.id;
          primed = true;
          resumption.onresumptiontoken?.(event.id);
        }
        if (event.data === '' || (event.event !== undefined && event.event !== 'message')) return;
        try {
          const message = assertJsonRpcMessage(JSON.parse(event.data));
          if ('id' in message && !('method' in message)) {
            answered = true;
            if (resumption.replayMessageId !== undefined) message.id = resumption.replayMessageId;
          }
          delivered = delivered.then(() => this.#deliver(message));
        } catch (error) {
          this.#reportError(error);
        }
      },
    });
    const finish = (error: Error | undefined) => {
      if (over) return;
      over = true;
      parser.end();
      if (this.#closed) return;
      if (error !== undefined)
        this.onerror?.(new Error(`SSE stream disconnected: ${String(error)}`));
      if ((standalone || primed) && !answered) {
        this.#scheduleReconnect({ ...resumption, lastEventId }, 0);
      }
    };
    response.on('data', (chunk: Buffer) => parser.push(chunk));
    response.once('end', () => finish(undefined));
    response.on('error', (error) => finish(responseFailure(error)));
    response.once('close', () => {
      if (!response.complete) finish(responseFailure(undefined));
    });
  }

  #scheduleReconnect(resumption: StreamResumption, attempt: number): void {
    const { initialDelayMs, maxDelayMs, growFactor, maxRetries } = this.#reconnect;
    if (attempt >= maxRetries) {
      this.onerror?.(new Error(`Maximum reconnection attempts (${maxRetries}) exceeded.`));
      return;
    }
    const delay =
      this.#serverRetryMs ?? Math.min(initialDelayMs * growFactor ** attempt, maxDelayMs);
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

/** The body of an error answer as text, or `''` when it cannot be read. */
async function readText(response: IncomingMessage): Promise<string> {
  try {
    return (await readResponseBody(response)).toString('utf8');
  } catch {
    return '';
  }
}
