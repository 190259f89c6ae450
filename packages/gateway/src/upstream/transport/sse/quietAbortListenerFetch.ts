import { setMaxListeners } from 'node:events';

import type { FetchLike } from '@modelcontextprotocol/client';

/**
 * Wraps the `fetch` of an http target's transport so a busy target does not flood stderr with
 * `MaxListenersExceededWarning`. The SDK passes one long-lived signal (the transport's) to every
 * request; Node's fetch adds an abort listener to it per request and removes it only once that
 * request is garbage-collected, so at a few hundred calls a second thousands are attached between
 * collections and Node warns on every further request (20,000 warnings in 100,000 calls, each
 * with a captured stack). Nothing leaks: the listeners go at the next collection. Lifting the
 * limit on that signal keeps its abort (on `close()`) working.
 *
 * @param fetch - The fetch to call, e.g. the outbound-credential fetch, or the global one.
 * @returns A fetch that lifts the listener limit on the request's signal before calling `fetch`.
 * @example
 * ```ts
 * new StreamableHTTPClientTransport(url, { fetch: quietAbortListenerFetch(globalThis.fetch) });
 * ```
 */
export function quietAbortListenerFetch(fetch: FetchLike): FetchLike {
  const lifted = new WeakSet<AbortSignal>();
  return (url, init) => {
    const signal = init?.signal;
    if (signal && !lifted.has(signal)) {
      setMaxListeners(0, signal);
      lifted.add(signal);
    }
    return fetch(url, init);
  };
}
