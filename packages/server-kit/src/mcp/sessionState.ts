import type { LoggingLevel } from '@modelcontextprotocol/sdk/types.js';

/**
 * Per-connection state the server keeps for one MCP session (stateful mode) or one request
 * (stateless mode): the client's chosen log level and its resource subscriptions.
 */
export interface SessionState {
  /** Set by `logging/setLevel`; until then every level is sent. */
  logLevel: LoggingLevel | undefined;
  /** URIs the client subscribed to with `resources/subscribe`. */
  readonly subscriptions: Set<string>;
}

/** @returns Fresh state for a new session. */
export function createSessionState(): SessionState {
  return { logLevel: undefined, subscriptions: new Set() };
}
