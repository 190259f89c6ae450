/**
 * Keeps the runtime session of a connection's 2026-era requests; see {@link createSessionAffinity}.
 * Only for those: in the 2025 era the SDK transport owns `Mcp-Session-Id`.
 */
export interface SessionAffinity {
  /** Adds the remembered `Mcp-Session-Id` to a 2026-era request that carries none. */
  apply(headers: Headers): void;
  /** Remembers the `Mcp-Session-Id` the answer to a 2026-era request carried, if any. */
  note(response: Response): void;
}

/**
 * Creates the microVM affinity of one connection. AgentCore Runtime answers every request with an
 * `Mcp-Session-Id` and, per its MCP contract, routes requests carrying the same id to the same
 * microVM; without one, each request may land on a new microVM (a cold start). An MCP 2026-07-28
 * client has no session and the SDK transport never sends the header, so the connection's fetch
 * echoes the last id the platform gave on the following 2026-era requests. Whether AgentCore still
 * routes 2026-07-28 traffic by this header has not been verified against AWS; servers of that era
 * ignore the header, so sending it is harmless.
 *
 * @returns The affinity state of one connection.
 */
export function createSessionAffinity(): SessionAffinity {
  let sessionId: string | undefined;
  return {
    apply: (headers) => {
      if (sessionId !== undefined && !headers.has('mcp-session-id')) {
        headers.set('mcp-session-id', sessionId);
      }
    },
    note: (response) => {
      const given = response.headers.get('mcp-session-id');
      if (given !== null && given !== '') sessionId = given;
    },
  };
}
