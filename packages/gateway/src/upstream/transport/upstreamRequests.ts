import type { JSONRPCMessage, TransportSendOptions } from '@modelcontextprotocol/client';

import type { UpstreamRequest } from '../upstreamRequest.js';

/** A request registered with {@link UpstreamRequests}, until `close`. */
export interface OpenUpstreamRequest {
  /** Pass as the SDK's `relatedRequestId`; the transport finds the request by it. */
  readonly id: string;
  /** Forgets the request once its answer (or cancellation) has been sent and received. */
  close(): void;
}

/**
 * Hands each request's {@link UpstreamRequest} (the caller's token) from the upstream connection
 * to its transport, one registry per connection.
 *
 * Why a registry: the MCP SDK's `Client.request()` (v2 as v1) passes a transport's `send` only
 * `relatedRequestId`, the resumption options, `headers` and `requestSignal` of its
 * `RequestOptions`, so there is no clean way to hand a transport anything else per request. The connection registers the request under a fresh id
 * and passes that id as `relatedRequestId`; the SDK sends it along with the request and with the
 * `notifications/cancelled` that cancels it, and the transport looks it up. On the client side the
 * SDK sets `relatedRequestId` on nothing else we send but answers to the target's own requests,
 * which carry no method and are never looked up. This module and its two callers
 * (`UpstreamConnection.request`, the transports' `send`) are the only code to change when the SDK
 * gives transports a per-request context.
 *
 * @example
 * ```ts
 * const open = requests.open({ token });
 * try {
 *   return await client.request(message, schema, { relatedRequestId: open.id });
 * } finally {
 *   open.close();
 * }
 * ```
 */
export class UpstreamRequests {
  readonly #open = new Map<string, UpstreamRequest>();
  #next = 0;

  /**
   * Registers a request until `close`.
   *
   * @param request - What the transport should know about it.
   * @returns Its id, to pass as `relatedRequestId`, and `close`.
   */
  open(request: UpstreamRequest): OpenUpstreamRequest {
    this.#next += 1;
    const id = `gateway-request-${this.#next}`;
    this.#open.set(id, request);
    return { id, close: () => this.#open.delete(id) };
  }

  /**
   * The request a message belongs to.
   *
   * @param message - The message being sent.
   * @param options - What the SDK passed to `send`.
   * @returns The registered request, or `undefined` for the gateway's own messages (`initialize`,
   *   a ping, answers to the target's requests).
   */
  find(
    message: JSONRPCMessage,
    options: TransportSendOptions | undefined,
  ): UpstreamRequest | undefined {
    const id = options?.relatedRequestId;
    return typeof id === 'string' && 'method' in message ? this.#open.get(id) : undefined;
  }
}
