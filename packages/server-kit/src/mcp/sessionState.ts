/**
 * Per-connection state the server keeps for one MCP session (stateful mode) or one request
 * (stateless 2025 requests and every 2026-07-28 request): its resource subscriptions.
 */
export interface SessionState {
  /**
   * True when the connection is a single stateless 2025 request: the server cannot send requests
   * to the client (sampling, elicitation), because the client's answer arrives as another HTTP
   * request that no longer reaches this connection.
   */
  readonly stateless: boolean;
  /** URIs the client subscribed to with `resources/subscribe` (2025 sessions). */
  readonly subscriptions: Set<string>;
}

/**
 * @param options - `stateless` for a 2025 connection that lives for one request. Default: false.
 * @returns Fresh state for a new session.
 */
export function createSessionState(options: { stateless?: boolean } = {}): SessionState {
  return { stateless: options.stateless ?? false, subscriptions: new Set() };
}
