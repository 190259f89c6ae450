import type { Progress, ProgressToken, RequestId } from '@modelcontextprotocol/sdk/types.js';
import type { AuthInfo } from '@modelcontextprotocol/server';
import type { z } from 'zod';

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
  /** The verified caller, when inbound auth is on. */
  readonly authInfo: AuthInfo | undefined;
  /** A header of the HTTP request that carried the call, by name in any case. */
  readonly header: (name: string) => string | undefined;
  /** Sends a notification to the client, related to this call. */
  sendNotification(notification: { method: string; params?: object }): Promise<void>;
  /** Sends a request to the client, related to this call (2025 sessions only). */
  sendRequest<T extends z.ZodType>(
    request: { method: string; params?: object },
    schema: T,
    options?: { signal?: AbortSignal },
  ): Promise<z.output<T>>;
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
  /** Cancels the request: the SDK sends `notifications/cancelled` and stops waiting. */
  readonly signal?: AbortSignal | undefined;
  /**
   * The downstream call this request serves. While it is the only one in flight on its upstream
   * session, the target's log lines, sampling and elicitation requests are delivered to it.
   */
  readonly caller?: DownstreamCall | undefined;
  /** Receives the target's progress notifications; each one also resets the timeout. */
  readonly onProgress?: ((progress: Progress) => void) | undefined;
}
