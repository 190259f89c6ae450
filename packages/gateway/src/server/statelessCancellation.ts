import type { MessageExtraInfo, RequestId } from '@modelcontextprotocol/server';

import type { DownstreamCall } from '../upstream/upstreamRequest.js';

/** The headers that name a caller's session when it sends no bearer token. */
const SESSION_HEADERS = ['x-amzn-bedrock-agentcore-runtime-session-id', 'mcp-session-id'];

/** A `notifications/cancelled` as it arrived: its params and the request that carried it. */
export interface CancellationNotice {
  /** The id of the call to cancel. */
  readonly requestId: RequestId;
  /** Why, as the client said. */
  readonly reason?: string | undefined;
  /** The auth and headers of the HTTP request that carried the notification. */
  readonly extra: MessageExtraInfo | undefined;
}

/**
 * Cancellation in stateless mode. A client cancels a call with `notifications/cancelled` in a
 * request of its own, which reaches a fresh server that never saw the call; this registry, shared
 * by every request of one gateway, joins the two. Calls are keyed by caller and JSON-RPC id: the
 * caller is its bearer token, else its session header, else anonymous. A cancellation matching
 * several calls (two anonymous clients using the same id) cancels none: the gateway never guesses.
 *
 * @example
 * ```ts
 * const tracked = cancellation.track(call);
 * try {
 *   await target.forward({ ...forwarded, request: { signal: tracked.signal } });
 * } finally {
 *   tracked.release();
 * }
 * ```
 */
export class StatelessCancellation {
  readonly #calls = new Map<string, Set<AbortController>>();

  /**
   * Registers a forwarded call until `release`.
   *
   * @param call - The downstream call.
   * @returns A signal that aborts with the call's own signal or on the client's cancellation.
   */
  track(call: DownstreamCall): { signal: AbortSignal; release: () => void } {
    const key = keyOf(call.authInfo?.token, call.header, call.requestId);
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

  /**
   * Cancels the call a client's `notifications/cancelled` names, when exactly one matches.
   *
   * @param notice - The notification's request id and reason, and the request that carried it.
   */
  cancel(notice: CancellationNotice): void {
    const headers = notice.extra?.request?.headers;
    const calls = this.#calls.get(
      keyOf(
        notice.extra?.authInfo?.token,
        (name) => headers?.get(name) ?? undefined,
        notice.requestId,
      ),
    );
    if (calls?.size !== 1) return;
    for (const controller of calls) controller.abort(notice.reason ?? 'cancelled by the client');
  }
}

function keyOf(
  token: string | undefined,
  header: (name: string) => string | undefined,
  requestId: RequestId,
): string {
  const session = SESSION_HEADERS.map(header).find((value) => value !== undefined && value !== '');
  const caller =
    token !== undefined
      ? `token ${token}`
      : session !== undefined
        ? `session ${String(session)}`
        : '';
  return `${caller}\n${typeof requestId}:${String(requestId)}`;
}
