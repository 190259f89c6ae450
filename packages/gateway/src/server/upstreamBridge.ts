import type { Progress } from '@modelcontextprotocol/client';
import type { Server, ServerNotifier } from '@modelcontextprotocol/server';

import type { UpstreamEvents } from '../upstream/upstreamEvents.js';
import type { DownstreamCall } from '../upstream/upstreamRequest.js';

// The one place where what targets send reaches downstream clients:
//
// - progress of a forwarded call goes to that call, under the client's own progress token
//   (`relayProgress`);
// - log lines go to the only call in flight on the upstream session, else (stateful mode) to the
//   session that owns it; on a shared session with several calls in flight they are dropped
//   (`SHARED_SESSION_EVENTS`, `sessionEvents`);
// - resource updates, sampling, elicitation and roots go to the downstream session (stateful mode
//   only: a shared session declares no client capabilities), whether a 2025 target sends them as
//   requests or a 2026-07-28 target embeds them in an `input_required` answer (the upstream side
//   plays the rounds; a 2026-07-28 client gets that answer as it is);
// - `list_changed` re-lists the target (`TargetRuntime`), and when the catalog's names change, every
//   downstream session is told (`announceListsChanged`).

/**
 * The progress handler of one forwarded call: the target's progress, sent to the caller under the
 * progress token it gave (the gateway sends the target its own token).
 *
 * @param call - The downstream call.
 * @returns The handler, or `undefined` when the caller asked for no progress.
 * @example
 * ```ts
 * const request: UpstreamRequest = { caller: call, onProgress: relayProgress(call) };
 * ```
 */
export function relayProgress(call: DownstreamCall): ((progress: Progress) => void) | undefined {
  const progressToken = call._meta?.progressToken;
  if (progressToken === undefined) return undefined;
  return (progress) =>
    void call
      .sendNotification({
        method: 'notifications/progress',
        params: { ...progress, progressToken },
      })
      .catch(() => undefined);
}

/**
 * What the targets' shared sessions (stateless mode, discovery and pings) deliver: a log line to
 * the only call in flight, nothing else.
 */
export const SHARED_SESSION_EVENTS: UpstreamEvents = {
  notification: async (notification, caller) => {
    if (notification.method === 'notifications/message') {
      await caller?.sendNotification(notification);
    }
  },
};

/**
 * What the upstream sessions of one downstream session (stateful mode) deliver to it: log lines
 * and server-to-client requests to the only call in flight, else to the session itself; resource
 * updates and roots to the session.
 *
 * @param server - The downstream session's SDK server.
 * @returns The events for `TargetRuntime.openSessionConnection`.
 * @example
 * ```ts
 * target.openSessionConnection({ capabilities, events: sessionEvents(server) });
 * ```
 */
export function sessionEvents(server: Server): UpstreamEvents {
  return {
    notification: async (notification, caller) => {
      if (notification.method === 'notifications/message') {
        await (caller
          ? caller.sendNotification(notification)
          : server.sendLoggingMessage(notification.params));
      } else if (notification.method === 'notifications/resources/updated') {
        await server.sendResourceUpdated(notification.params);
      }
    },
    request: async (request, { caller, signal }) => {
      if (caller && request.method !== 'roots/list') return caller.sendRequest(request, { signal });
      // The target's request, typed by the upstream client's SDK (the same JSON).
      switch (request.method) {
        case 'sampling/createMessage':
          return server.createMessage(request.params as never, { signal });
        case 'elicitation/create':
          return server.elicitInput(request.params, { signal });
        case 'roots/list':
          return server.listRoots(request.params, { signal });
      }
    },
  };
}

/**
 * Tells every open downstream 2025 session, and every MCP 2026-07-28 client listening with
 * `subscriptions/listen`, that the tool, resource and prompt lists changed. Failures (a session
 * closing meanwhile) are ignored.
 *
 * @param sessions - The open sessions (stateful mode).
 * @param listeners - Publishes to the 2026-07-28 listeners (the HTTP server's `notify`).
 * @example
 * ```ts
 * if (catalogNamesChanged) announceListsChanged(sessions, http.notify);
 * ```
 */
export function announceListsChanged(sessions: Iterable<Server>, listeners: ServerNotifier): void {
  listeners.toolsChanged();
  listeners.resourcesChanged();
  listeners.promptsChanged();
  for (const session of sessions) {
    void session.sendToolListChanged().catch(() => undefined);
    void session.sendResourceListChanged().catch(() => undefined);
    void session.sendPromptListChanged().catch(() => undefined);
  }
}
