import {
  type Client,
  type ClientCapabilities,
  type ClientResult,
  type InputRequest,
  type JSONRPCRequest,
  type LoggingMessageNotification,
  type PromptListChangedNotification,
  ProtocolError,
  ProtocolErrorCode,
  type ResourceListChangedNotification,
  type ResourceUpdatedNotification,
  type ToolListChangedNotification,
} from '@modelcontextprotocol/client';

import type { DownstreamCall } from './upstreamRequest.js';

/** A notification a target sends on its own that the gateway acts on. */
export type UpstreamNotification =
  | LoggingMessageNotification
  | ResourceUpdatedNotification
  | ToolListChangedNotification
  | ResourceListChangedNotification
  | PromptListChangedNotification;

/**
 * A request for the client's input: sent by a 2025 target as a request of its own, or embedded
 * by a 2026-07-28 target in an `input_required` result (same shapes).
 */
export type UpstreamServerRequest = InputRequest;

/**
 * What an upstream session reports, from upstream to whoever opened it (plain functions, no
 * `this`). `caller` is the downstream call the message belongs to (for a 2025 target: the only one
 * in flight on that session), or `undefined` when that cannot be told.
 */
export interface UpstreamEvents {
  /** A notification from the target. */
  readonly notification?:
    | ((
        notification: UpstreamNotification,
        caller: DownstreamCall | undefined,
      ) => Promise<void> | void)
    | undefined;
  /**
   * A request for the client's input (only those the session declared capabilities for arrive):
   * answered by asking the downstream client (a 2025 session) with a request of its own.
   */
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

const NOTIFICATIONS = [
  'notifications/message',
  'notifications/resources/updated',
  'notifications/tools/list_changed',
  'notifications/resources/list_changed',
  'notifications/prompts/list_changed',
] as const;

/** The server-to-client requests of MCP 2025, with the capability each needs. */
const INPUT_METHODS = {
  'sampling/createMessage': 'sampling',
  'elicitation/create': 'elicitation',
  'roots/list': 'roots',
} as const satisfies Record<UpstreamServerRequest['method'], keyof ClientCapabilities>;

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
 * (from a 2025 session, or a 2026-07-28 `subscriptions/listen` stream) and, for the capabilities
 * the session declares, every request of a 2025 target for the client's input. A request that
 * cannot be relayed (the capability was not declared: a stateless or 2026-07-28 client, which has
 * no way to receive it) is answered with a one-line error saying so.
 *
 * @param client - The SDK client of one upstream session.
 * @param events - Where the target's messages go.
 * @param session - The session's declared capabilities and the call a message belongs to.
 * @example
 * ```ts
 * installUpstreamEvents(client, events, { target: 'hr', capabilities: {}, soleCall: () => inFlight.sole() });
 * ```
 */
export function installUpstreamEvents(
  client: Client,
  events: UpstreamEvents,
  session: {
    target: string;
    capabilities: ClientCapabilities;
    soleCall: () => DownstreamCall | undefined;
  },
): void {
  const { notification, request } = events;
  if (notification) {
    const notify = async (message: UpstreamNotification) =>
      notification(message, session.soleCall());
    for (const method of NOTIFICATIONS) client.setNotificationHandler(method, notify);
  }
  const { capabilities } = session;
  for (const [method, capability] of Object.entries(INPUT_METHODS)) {
    if (request === undefined || capabilities[capability] === undefined) continue;
    client.setRequestHandler(
      method as UpstreamServerRequest['method'],
      (message, ctx) =>
        request(message, {
          caller: session.soleCall(),
          signal: ctx.mcpReq.signal,
        }) as never,
    );
  }
  client.fallbackRequestHandler = (message: JSONRPCRequest) =>
    Promise.reject(unrelayable(message.method, session.target, session.soleCall()));
}

/**
 * The answer to a target's request that no client can receive: a one-line JSON-RPC error naming
 * why (a 2026-07-28 client has no server-to-client requests; a stateless 2025 request cannot
 * receive one; or the client did not declare the capability).
 */
function unrelayable(method: string, target: string, caller: DownstreamCall | undefined) {
  if (!Object.hasOwn(INPUT_METHODS, method)) {
    return new ProtocolError(ProtocolErrorCode.MethodNotFound, 'Method not found');
  }
  const why =
    caller?.envelope !== undefined
      ? 'the client speaks MCP 2026-07-28, which has no server-to-client requests (a 2026-07-28 target would answer input_required instead)'
      : `the client did not declare the ${INPUT_METHODS[method as keyof typeof INPUT_METHODS]} capability, or its session is stateless (run the gateway with "mode": "stateful")`;
  return new ProtocolError(
    ProtocolErrorCode.MethodNotFound,
    `The gateway cannot relay ${method} from target "${target}" to its client: ${why}`,
  );
}
