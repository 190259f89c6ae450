import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import {
  type ClientCapabilities,
  type ClientResult,
  type CreateMessageRequest,
  CreateMessageRequestSchema,
  type ElicitRequest,
  ElicitRequestSchema,
  type ListRootsRequest,
  ListRootsRequestSchema,
  type LoggingMessageNotification,
  LoggingMessageNotificationSchema,
  type PromptListChangedNotification,
  PromptListChangedNotificationSchema,
  type ResourceListChangedNotification,
  ResourceListChangedNotificationSchema,
  type ResourceUpdatedNotification,
  ResourceUpdatedNotificationSchema,
  type ToolListChangedNotification,
  ToolListChangedNotificationSchema,
} from '@modelcontextprotocol/sdk/types.js';

import type { DownstreamCall } from './upstreamRequest.js';

/** A notification a target sends on its own that the gateway acts on. */
export type UpstreamNotification =
  | LoggingMessageNotification
  | ResourceUpdatedNotification
  | ToolListChangedNotification
  | ResourceListChangedNotification
  | PromptListChangedNotification;

/** A request a target sends to its client: sampling, elicitation or roots. */
export type UpstreamServerRequest = CreateMessageRequest | ElicitRequest | ListRootsRequest;

/**
 * What an upstream session reports, from upstream to whoever opened it (plain functions, no
 * `this`). `caller` is the only downstream call in flight on that session, or `undefined` when
 * there are none or several.
 */
export interface UpstreamEvents {
  /** A notification from the target. */
  readonly notification?:
    | ((
        notification: UpstreamNotification,
        caller: DownstreamCall | undefined,
      ) => Promise<void> | void)
    | undefined;
  /** A request from the target (only those the session declared capabilities for arrive). */
  readonly request?:
    | ((
        request: UpstreamServerRequest,
        context: { caller: DownstreamCall | undefined; signal: AbortSignal },
      ) => Promise<ClientResult>)
    | undefined;
}

const LIST_CHANGED = new Set([
  'notifications/tools/list_changed',
  'notifications/resources/list_changed',
  'notifications/prompts/list_changed',
]);

/**
 * Adds the target's own reaction to `events`: a `list_changed` notification re-lists the target
 * (the catalog and clients follow); every other message goes on to `events`.
 *
 * @param events - Where the other messages go, or `undefined` for nowhere.
 * @param refresh - Re-lists the target.
 * @returns The combined events.
 * @example
 * ```ts
 * new UpstreamConnection({ ...options, events: refreshOnListChanged(events, () => discovery.refresh()) });
 * ```
 */
export function refreshOnListChanged(
  events: UpstreamEvents | undefined,
  refresh: () => Promise<void>,
): UpstreamEvents {
  return {
    request: events?.request,
    notification: async (notification, caller) => {
      if (LIST_CHANGED.has(notification.method)) return refresh();
      await events?.notification?.(notification, caller);
    },
  };
}

/**
 * Installs `events` on a new SDK client before it connects: every {@link UpstreamNotification}
 * and, for the capabilities the session declares, every {@link UpstreamServerRequest}.
 *
 * @param client - The SDK client of one upstream session.
 * @param events - Where the target's messages go.
 * @param session - The session's declared capabilities and its sole call in flight.
 * @example
 * ```ts
 * installUpstreamEvents(client, events, { capabilities: {}, soleCall: () => inFlight.sole() });
 * ```
 */
export function installUpstreamEvents(
  client: Client,
  events: UpstreamEvents,
  session: { capabilities: ClientCapabilities; soleCall: () => DownstreamCall | undefined },
): void {
  const { notification, request } = events;
  if (notification) {
    const notify = async (message: UpstreamNotification) =>
      notification(message, session.soleCall());
    client.setNotificationHandler(LoggingMessageNotificationSchema, notify);
    client.setNotificationHandler(ResourceUpdatedNotificationSchema, notify);
    client.setNotificationHandler(ToolListChangedNotificationSchema, notify);
    client.setNotificationHandler(ResourceListChangedNotificationSchema, notify);
    client.setNotificationHandler(PromptListChangedNotificationSchema, notify);
  }
  if (!request) return;
  const answer = async (message: UpstreamServerRequest, extra: { signal: AbortSignal }) =>
    request(message, { caller: session.soleCall(), signal: extra.signal });
  const { capabilities } = session;
  if (capabilities.sampling) client.setRequestHandler(CreateMessageRequestSchema, answer);
  if (capabilities.elicitation) client.setRequestHandler(ElicitRequestSchema, answer);
  if (capabilities.roots) client.setRequestHandler(ListRootsRequestSchema, answer);
}
