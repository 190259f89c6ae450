import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { MessageExtraInfo, RequestId } from '@modelcontextprotocol/sdk/types.js';

import type { DownstreamCall } from '../upstream/inFlightCalls.js';

/** The headers that name a caller's session when it sends no bearer token. */
const SESSION_HEADERS = ['x-amzn-bedrock-agentcore-runtime-session-id', 'mcp-session-id'];

/**
 * Cancellation in stateless mode. A client cancels a call with `notifications/cancelled` in a
 * request of its own, which reaches a fresh server that never saw the call; this registry, shared
 * by every request of one gateway, joins the two. Calls are keyed by caller and JSON-RPC id: the
 * caller is its bearer token, else its session header, else anonymous. A cancellation matching
 * several calls (two anonymous clients using the same id) cancels none: the gateway never guesses.
 */
export class StatelessCancellation {
  readonly #calls = new Map<string, Set<AbortController>>();

  /** Watches what `server` receives for cancellations. Call it before the server is connected. */
  watch(server: McpServer): void {
    const connect = server.connect.bind(server);
    server.connect = async (transport: Transport) => {
      const next = transport.onmessage;
      transport.onmessage = (message, extra) => {
        if ('method' in message && message.method === 'notifications/cancelled') {
          const params = (message.params ?? {}) as { requestId?: RequestId; reason?: string };
          if (params.requestId !== undefined) this.#cancel(keyOf(extra, params.requestId), params);
        }
        next?.(message, extra);
      };
      await connect(transport);
    };
  }

  /**
   * Registers a forwarded call until `release`.
   *
   * @returns A signal that aborts with the call's own signal or on the client's cancellation.
   */
  track(call: DownstreamCall): { signal: AbortSignal; release: () => void } {
    const key = keyOf(call, call.requestId);
    const controller = new AbortController();
    // Not `AbortSignal.any`: Node keeps a composite signal that has an abort listener alive until it
    // aborts, and the SDK never removes the listener it adds per request, so every forwarded call
    // leaked its signal, listener and request (about 2 KB a call; found by the resilience soak).
    const follow = () => controller.abort(call.signal.reason);
    if (call.signal.aborted) follow();
    else call.signal.addEventListener('abort', follow, { once: true });
    let calls = this.#calls.get(key);
    if (calls === undefined) this.#calls.set(key, (calls = new Set()));
    calls.add(controller);
    const registered = calls;
    return {
      signal: controller.signal,
      release: () => {
        call.signal.removeEventListener('abort', follow);
        registered.delete(controller);
        if (registered.size === 0 && this.#calls.get(key) === registered) this.#calls.delete(key);
      },
    };
  }

  #cancel(key: string, { reason }: { reason?: string }): void {
    const calls = this.#calls.get(key);
    if (calls?.size !== 1) return;
    for (const controller of calls) controller.abort(reason ?? 'cancelled by the client');
  }
}

function keyOf(extra: MessageExtraInfo | undefined, requestId: RequestId): string {
  const token = extra?.authInfo?.token;
  const headers = extra?.requestInfo?.headers ?? {};
  const session = SESSION_HEADERS.map((name) => headers[name]).find(
    (value) => typeof value === 'string' && value !== '',
  );
  const caller =
    token !== undefined
      ? `token ${token}`
      : session !== undefined
        ? `session ${String(session)}`
        : '';
  return `${caller}\n${typeof requestId}:${String(requestId)}`;
}
