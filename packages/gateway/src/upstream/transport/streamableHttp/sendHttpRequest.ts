import http, {
  type ClientRequest,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type RequestOptions,
} from 'node:http';
import https from 'node:https';

import type { JSONRPCMessage } from '@modelcontextprotocol/client';

import { assertJsonRpcMessage } from './responseChecks.js';
import { UpstreamNetworkError } from './upstreamNetworkError.js';

/**
 * How long an idle pooled connection is kept. Node's http server closes idle keep-alive
 * connections after 5 s and says so (`Keep-Alive: timeout=5`); Node 20's agent only honours that
 * hint (minus 1 s) when the agent has a timeout of its own, so without one an idle connection stays
 * in the pool after the server closed it and the next request on it fails. 4 s sits under the
 * common 5 s; the hint shortens it further for servers that announce less. A request under way is
 * not cut by it: the agent only destroys idle sockets on timeout.
 */
export const IDLE_CONNECTION_TIMEOUT_MS = 4_000;

/** Keep-alive connection pools shared by every http target of the process. */
const AGENTS = {
  'http:': new http.Agent({
    keepAlive: true,
    scheduling: 'lifo',
    timeout: IDLE_CONNECTION_TIMEOUT_MS,
  }),
  'https:': new https.Agent({
    keepAlive: true,
    scheduling: 'lifo',
    timeout: IDLE_CONNECTION_TIMEOUT_MS,
  }),
} as const;

/** Errors of a reused keep-alive connection that the server closed while it was idle. */
const STALE_CONNECTION_CODES = new Set(['ECONNRESET', 'EPIPE']);

/** Options of {@link sendHttpRequest}. */
export interface SendHttpRequestOptions {
  method: 'GET' | 'POST';
  /** Sent as they are; `content-length` is added for a body. */
  headers: OutgoingHttpHeaders;
  /** The request body; default none. */
  body?: string | undefined;
  /**
   * The caller's requests under way: each is in the set from the moment it is sent until it and its
   * response are over, so the caller can destroy them all (on close).
   */
  inFlight: Set<ClientRequest>;
  /**
   * Aborts the request, and its response once it arrived (which closes the stream, MCP
   * 2026-07-28's cancellation); default none.
   */
  signal?: AbortSignal | undefined;
}

/**
 * Sends one HTTP request with node:http(s) over the process's keep-alive pools and resolves with
 * the response as soon as its head arrives; the caller reads (or drains) the body. A request that
 * fails on a reused connection before any answer (the server closed it while idle) is sent once
 * more on a new connection.
 *
 * @param url - An `http:` or `https:` URL.
 * @param options - See {@link SendHttpRequestOptions}.
 * @returns The response, its body not yet read.
 * @throws {@link UpstreamNetworkError} when no answer arrives (refused, reset, DNS failure), or the
 *   error a request in `inFlight` was destroyed with.
 * @example
 * ```ts
 * const response = await sendHttpRequest(new URL('http://127.0.0.1:8000/mcp'), {
 *   method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}', inFlight,
 * });
 * ```
 */
export function sendHttpRequest(
  url: URL,
  options: SendHttpRequestOptions,
): Promise<IncomingMessage> {
  const { body, inFlight } = options;
  const secure = url.protocol === 'https:';
  const headers =
    body === undefined
      ? options.headers
      : { ...options.headers, 'content-length': Buffer.byteLength(body) };
  const requestOptions: RequestOptions = {
    protocol: url.protocol,
    hostname: url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname,
    port: url.port,
    path: url.pathname + url.search,
    method: options.method,
    headers,
    agent: secure ? AGENTS['https:'] : AGENTS['http:'],
  };
  return new Promise<IncomingMessage>((resolve, reject) => {
    const attempt = (retried: boolean) => {
      // The retry goes out on a connection of its own (`agent: false`): the pool may hold more
      // connections the server closed, and LIFO would hand out the next of them.
      const request = (secure ? https : http).request(
        retried ? { ...requestOptions, agent: false } : requestOptions,
      );
      let answered = false;
      if (options.signal !== undefined) abortWith(options.signal, request);
      inFlight.add(request);
      request.once('close', () => inFlight.delete(request));
      request.on('error', (error: NodeJS.ErrnoException) => {
        if (answered) return;
        inFlight.delete(request);
        if (!retried && request.reusedSocket && STALE_CONNECTION_CODES.has(error.code ?? '')) {
          attempt(true);
          return;
        }
        reject(
          error.name === 'AbortError' ? error : new UpstreamNetworkError('request failed', error),
        );
      });
      request.once('response', (response) => {
        answered = true;
        resolve(response);
      });
      request.end(body);
    };
    attempt(false);
  });
}

/**
 * Destroys the request (and its response, once it arrived) when `signal` aborts, with an
 * `AbortError` as node:http's own `signal` option does, but with one listener instead of that
 * option's stream-finished machinery (`addAbortSignal`, `eos`), a visible share of the gateway's
 * CPU per forwarded call in its profile (see `DirectRequests` for what the two saved together).
 */
function abortWith(signal: AbortSignal, request: ClientRequest): void {
  const abort = (): void => {
    const error = Object.assign(new Error('The operation was aborted', { cause: signal.reason }), {
      name: 'AbortError',
    });
    request.destroy(error);
  };
  if (signal.aborted) {
    process.nextTick(abort);
    return;
  }
  signal.addEventListener('abort', abort, { once: true });
  request.once('close', () => signal.removeEventListener('abort', abort));
}

/**
 * Reads a whole response body.
 *
 * @param response - A response whose body has not been read yet.
 * @returns Its bytes.
 * @throws {@link UpstreamNetworkError} when the connection ends before the body is complete.
 * @example
 * ```ts
 * const text = (await readResponseBody(response)).toString('utf8');
 * ```
 */
export function readResponseBody(response: IncomingMessage): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    response.on('data', (chunk: Buffer) => chunks.push(chunk));
    response.once('end', () => {
      const [only] = chunks;
      resolve(chunks.length === 1 && only !== undefined ? only : Buffer.concat(chunks));
    });
    response.on('error', (error) => reject(responseFailure(error)));
    response.once('close', () => {
      if (!response.complete) reject(responseFailure(undefined));
    });
  });
}

/**
 * Reads an `application/json` answer: one JSON-RPC message or a batch of them.
 *
 * @param response - A response whose body has not been read yet.
 * @returns The messages, in order.
 * @throws `SyntaxError` for a body that is not JSON, `TypeError` for one that is not JSON-RPC, and
 *   what {@link readResponseBody} throws.
 * @example
 * ```ts
 * for (const message of await readJsonMessages(response)) transport.onmessage?.(message);
 * ```
 */
export async function readJsonMessages(response: IncomingMessage): Promise<JSONRPCMessage[]> {
  const body: unknown = JSON.parse((await readResponseBody(response)).toString('utf8'));
  return (Array.isArray(body) ? (body as unknown[]) : [body]).map(assertJsonRpcMessage);
}

/**
 * Reads the body of an error answer as text, for its message.
 *
 * @param response - A response whose body has not been read yet.
 * @returns Its text, or `''` when it cannot be read.
 * @example
 * ```ts
 * throw new Error(await readResponseText(response));
 * ```
 */
export async function readResponseText(response: IncomingMessage): Promise<string> {
  try {
    return (await readResponseBody(response)).toString('utf8');
  } catch {
    return '';
  }
}

/**
 * The error for a response body that did not arrive whole.
 *
 * @param cause - What ended it, when known.
 * @returns An {@link UpstreamNetworkError}, or `cause` itself when it is an abort.
 * @example
 * ```ts
 * response.on('error', (error) => fail(responseFailure(error)));
 * ```
 */
export function responseFailure(cause: unknown): Error {
  if (cause instanceof Error && cause.name === 'AbortError') return cause;
  return new UpstreamNetworkError('connection closed before the response was complete', cause);
}
