import type { LoggingLevel } from '@modelcontextprotocol/sdk/types.js';

/**
 * Per-connection state the server keeps for one MCP session (stateful mode) or one request
 * (stateless mode): the client's chosen log level and its resource subscriptions.
 */
export interface SessionState {
  /**
   * True when the connection is a single stateless request: the server cannot send requests to
   * the client (sampling, elicitation), because the client's answer arrives as another HTTP
   * request that no longer reaches this connection.
   */
  readonly stateless: boolean;
  /** Set by `logging/setLevel`; until then every level is sent. */
  logLevel: LoggingLevel | undefined;
  /** URIs the client subscribed to with `resources/subscribe`. */
  readonly subscriptions: Set<string>;
}

/**
 * @param options - `stateless` for a connection that lives for one request. Default: false.
 * @returns Fresh state for a new session.
 */
export function createSessionState(options: { stateless?: boolean } = {}): SessionState {
  return { stateless: options.stateless ?? false, logLevel: undefined, subscriptions: new Set() };
}
