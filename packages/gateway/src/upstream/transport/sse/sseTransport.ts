import {
  type FetchLike,
  type JSONRPCMessage,
  SSEClientTransport,
  type TransportSendOptions,
} from '@modelcontextprotocol/client';

import type { UpstreamRequest } from '../../upstreamRequest.js';
import { type OutboundAuthorization, sendAuthorized } from '../outboundAuthorization.js';
import type { UpstreamRequests } from '../upstreamRequests.js';
import { quietAbortListenerFetch } from './quietAbortListenerFetch.js';

/** Options of {@link SseTransport}. */
export interface SseTransportOptions {
  /** Headers sent on every request (the target's static headers); default none. */
  headers?: Record<string, string> | undefined;
  /** The target's outbound credential; default none. */
  authorization?: OutboundAuthorization | undefined;
  /** Where `send` finds the `UpstreamRequest` of a message (the caller's token); default none. */
  requests?: UpstreamRequests | undefined;
  /** The fetch that sends the requests. Default: the global fetch (its EventSource needs it). */
  fetch?: FetchLike | undefined;
}

/**
 * The legacy HTTP+SSE transport: the SDK's `SSEClientTransport` over a fetch that adds the target's
 * credential to every request and, when the credential can be refreshed, sends a request answered
 * 401 once more with a fresh token (`sendAuthorized`, the gateway's one outbound-auth policy).
 *
 * The SDK's transport builds each POST itself and takes no per-request headers, so a caller's token
 * (`forwardClientToken`) reaches the fetch keyed by the exact body the SDK posts for the message
 * (`JSON.stringify` of it; request ids make the bodies of concurrent requests differ).
 *
 * @example
 * ```ts
 * await client.connect(new SseTransport(new URL('http://127.0.0.1:8001/sse'), { headers }));
 * ```
 */
export class SseTransport extends SSEClientTransport {
  readonly #requests: UpstreamRequests | undefined;
  readonly #callers: Map<string, UpstreamRequest>;

  /**
   * @param url - The target's SSE endpoint.
   * @param options - See {@link SseTransportOptions}.
   */
  constructor(url: URL, options: SseTransportOptions = {}) {
    const callers = new Map<string, UpstreamRequest>();
    const base: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    const { authorization } = options;
    const fetch: FetchLike =
      authorization === undefined
        ? base
        : (input, init) =>
            sendAuthorized(authorization, callerOf(init, callers), {
              send: (header) => base(input, header === undefined ? init : withHeader(init, header)),
              isUnauthorized: (response) => response.status === 401,
              discard: (response) => void response.body?.cancel(),
            });
    super(url, {
      requestInit: { headers: options.headers },
      fetch: quietAbortListenerFetch(fetch),
    });
    this.#requests = options.requests;
    this.#callers = callers;
  }

  /** POSTs one message, with the caller's token when it carries one. */
  override async send(message: JSONRPCMessage, options?: TransportSendOptions): Promise<void> {
    const request = this.#requests?.find(message, options);
    if (request?.token === undefined) return super.send(message);
    const body = JSON.stringify(message);
    this.#callers.set(body, request);
    try {
      await super.send(message);
    } finally {
      this.#callers.delete(body);
    }
  }
}

function callerOf(
  init: RequestInit | undefined,
  callers: ReadonlyMap<string, UpstreamRequest>,
): UpstreamRequest | undefined {
  return typeof init?.body === 'string' ? callers.get(init.body) : undefined;
}

function withHeader(init: RequestInit | undefined, header: string): RequestInit {
  const headers = new Headers(init?.headers);
  headers.set('Authorization', header);
  return { ...init, headers };
}
