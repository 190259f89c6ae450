import type {
  ClientResult,
  LoggingLevel,
  Progress,
  ProgressToken,
  RequestId,
} from '@modelcontextprotocol/client';
import type { AuthInfo } from '@modelcontextprotocol/server';

import type { UpstreamServerRequest } from './upstreamEvents.js';

/**
 * The downstream request a forwarded call serves, through which the target's notifications and
 * requests during the call reach the client that made it. Built from the SDK server handler's
 * context by `downstreamCallOf`.
 */
export interface DownstreamCall {
  /** The JSON-RPC id of the downstream request. */
  readonly requestId: RequestId;
  /** Aborted when the client cancels or disconnects. */
  readonly signal: AbortSignal;
  /** The request's `_meta` (its progress token). */
  readonly _meta: { readonly progressToken?: ProgressToken } | undefined;
  /**
   * The MCP 2026-07-28 per-request envelope (protocol version, client capabilities and info, log
   * level) when the client speaks that revision; `undefined` for a 2025 client.
   */
  readonly envelope: Readonly<Record<string, unknown>> | undefined;
  /** The verified caller, when inbound auth is on. */
  readonly authInfo: AuthInfo | undefined;
  /** A header of the HTTP request that carried the call, by name in any case. */
  readonly header: (name: string) => string | undefined;
  /** Sends a notification to the client, related to this call. */
  sendNotification(notification: { method: string; params?: object }): Promise<void>;
  /** Sends a request for input to the client, related to this call (2025 sessions only). */
  sendRequest(
    request: UpstreamServerRequest,
    options?: { signal?: AbortSignal },
  ): Promise<ClientResult>;
}

/**
 * Everything about one request to a target that is not the JSON-RPC message itself, passed
 * explicitly from the downstream handler through `TargetRuntime.forward` and the
 * `UpstreamConnection` down to the transport. The gateway's own requests (discovery, pings) send
 * an empty one.
 *
 * @example
 * ```ts
 * const request: UpstreamRequest = { token: 'eyJ…', signal: call.signal, caller: call };
 * await connection.request({ method: 'tools/call', params }, schema, request);
 * ```
 */
export interface UpstreamRequest {
  /**
   * The caller's bearer token, sent as `Authorization` only to a target with `forwardClientToken`;
   * default none.
   */
  readonly token?: string | undefined;
  /** Cancels the request: the SDK sends `notifications/cancelled` (2025) or closes its stream. */
  readonly signal?: AbortSignal | undefined;
  /**
   * The downstream call this request serves. While it is the only one in flight on its upstream
   * session, the target's log lines, sampling and elicitation requests are delivered to it.
   */
  readonly caller?: DownstreamCall | undefined;
  /** Receives the target's progress notifications; each one also resets the timeout. */
  readonly onProgress?: ((progress: Progress) => void) | undefined;
  /**
   * The log level a 2025 client set on its session (stateful mode), sent to a 2026-07-28 target
   * in the request's envelope; a 2025 client that set none gets every line, as on 2025.
   */
  readonly logLevel?: LoggingLevel | undefined;
}
