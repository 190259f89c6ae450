import type { RequestHandlerExtra } from '@modelcontextprotocol/sdk/shared/protocol.js';
import type {
  Progress,
  ServerNotification,
  ServerRequest,
} from '@modelcontextprotocol/sdk/types.js';

/**
 * The downstream request a forwarded call serves: the SDK server handler's `extra`, through which
 * the target's notifications and requests during the call reach the client that made it.
 */
export type DownstreamCall = RequestHandlerExtra<ServerRequest, ServerNotification>;

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
