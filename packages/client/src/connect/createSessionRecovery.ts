import { AgentCoreClientError } from '../agentCoreClientError.js';
import type { OutgoingRequest, SendRequest } from './createRequestSender.js';

/** Re-initializes expired MCP sessions; see {@link createSessionRecovery}. */
export interface SessionRecovery {
  /** Remembers the `initialize` body the SDK sent, to replay it for a new session. */
  noteInitialize(body: string): void;
  /** The session that replaced `sessionId` (`null`: the server no longer uses sessions). */
  currentSession(sessionId: string): string | null;
  /**
   * Opens a new session in place of the stale one: `initialize` (the SDK's own parameters) then
   * `notifications/initialized`. Concurrent callers for the same stale session share one attempt.
   *
   * @returns The new session id, or `null` when the server answers without one (stateless).
   */
  renew(staleSessionId: string, request: OutgoingRequest): Promise<string | null>;
  /** Whether an `initialize` was seen, so a session can be renewed at all. */
  canRenew(): boolean;
}

/**
 * Creates the session recovery of one connection. AgentCore recycles a runtime's microVM after
 * its idle timeout (or 8 h), and a stateful server restarts; either way requests carrying the old
 * `Mcp-Session-Id` get `404`, and the MCP spec asks the client to initialize again. The SDK's
 * transport does not, so the connection's fetch does it here, once per stale session.
 *
 * @param send - The request sender (auth, timeout, retries).
 * @returns The recovery state.
 */
export function createSessionRecovery(send: SendRequest): SessionRecovery {
  let initializeBody: string | undefined;
  const replaced = new Map<string, string | null>();
  const pending = new Map<string, Promise<string | null>>();
  let renewals = 0;

  const reinitialize = async (stale: string, request: OutgoingRequest) => {
    if (initializeBody === undefined) throw new Error('No initialize request to replay');
    renewals += 1;
    const headers = new Headers(request.headers);
    headers.delete('mcp-session-id');
    headers.delete('mcp-protocol-version');
    headers.set('content-type', 'application/json');
    const message = JSON.parse(initializeBody) as Record<string, unknown>;
    const body = JSON.stringify({ ...message, id: `agentcore-mcp-reinitialize-${renewals}` });
    const init = { method: 'POST', signal: request.init.signal };
    const response = await send({
      url: request.url,
      init,
      headers,
      body,
      rpcMethods: ['initialize'],
    });
    const text = await response.text();
    if (!response.ok || !/"result"\s*:/.test(text)) {
      throw new AgentCoreClientError(
        'ERR_UPSTREAM_UNAVAILABLE',
        `${request.url.origin} expired the MCP session and refused a new one (HTTP ${response.status}); reconnect with connectAgentCore`,
        { status: response.status },
      );
    }
    const fresh = response.headers.get('mcp-session-id');
    const notifyHeaders = new Headers(request.headers);
    if (fresh === null) notifyHeaders.delete('mcp-session-id');
    else notifyHeaders.set('mcp-session-id', fresh);
    notifyHeaders.set('content-type', 'application/json');
    const initialized = await send({
      url: request.url,
      init,
      headers: notifyHeaders,
      body: JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }),
      rpcMethods: ['notifications/initialized'],
    });
    await initialized.body?.cancel();
    replaced.set(stale, fresh);
    return fresh;
  };

  return {
    noteInitialize: (body) => {
      initializeBody = body;
    },
    canRenew: () => initializeBody !== undefined,
    currentSession: (sessionId) => {
      let current: string | null = sessionId;
      // Follow the chain of replacements (a session can expire more than once).
      for (let hops = 0; current !== null && replaced.has(current) && hops < 100; hops += 1) {
        current = replaced.get(current) ?? null;
      }
      return current;
    },
    renew: (stale, request) => {
      let renewal = pending.get(stale);
      if (renewal === undefined) {
        renewal = reinitialize(stale, request).finally(() => pending.delete(stale));
        pending.set(stale, renewal);
      }
      return renewal;
    },
  };
}
