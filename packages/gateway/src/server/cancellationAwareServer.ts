import {
  type Implementation,
  type RequestId,
  Server,
  type ServerOptions,
  type Transport,
} from '@modelcontextprotocol/server';

import type { StatelessCancellation } from './statelessCancellation.js';

/**
 * The MCP server of one stateless request, which also hands every `notifications/cancelled` it
 * receives to the gateway's {@link StatelessCancellation} registry.
 *
 * Why a subclass (the one workaround for the MCP SDK here): in stateless 2025 mode a cancellation
 * arrives in a request of its own, on a fresh server that never saw the call, and the registry
 * needs that request's caller (its bearer token or session header) to find the call. The SDK gives
 * a notification handler only the notification, not the request's auth and headers; the only
 * place that sees both is the transport's `onmessage`. (On MCP 2026-07-28 cancellation is the
 * request's own stream closing, which aborts the call's signal; nothing to join there.) `Protocol.connect` keeps an `onmessage` that was
 * set before it and calls it first with the message and its extra, so `connect` sets one there.
 * Nothing else is changed. When the SDK passes request info to notification handlers, register a
 * `notifications/cancelled` handler instead and delete this module.
 *
 * @example
 * ```ts
 * const server = new CancellationAwareServer(info, options, cancellation);
 * await server.connect(transport);
 * ```
 */
export class CancellationAwareServer extends Server {
  readonly #cancellation: StatelessCancellation;

  /**
   * @param serverInfo - The server's name and version.
   * @param options - The SDK server options.
   * @param cancellation - The gateway's registry of forwarded calls.
   */
  constructor(
    serverInfo: Implementation,
    options: ServerOptions,
    cancellation: StatelessCancellation,
  ) {
    super(serverInfo, options);
    this.#cancellation = cancellation;
  }

  /** Connects as `Server` does, watching the transport's messages for cancellations first. */
  override async connect(transport: Transport): Promise<void> {
    const next = transport.onmessage;
    transport.onmessage = (message, extra) => {
      if ('method' in message && message.method === 'notifications/cancelled') {
        const params = (message.params ?? {}) as { requestId?: RequestId; reason?: string };
        const { requestId, reason } = params;
        if (requestId !== undefined) this.#cancellation.cancel({ requestId, reason, extra });
      }
      next?.(message, extra);
    };
    await super.connect(transport);
  }
}
