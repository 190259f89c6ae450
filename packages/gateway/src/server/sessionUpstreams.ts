import type { LoggingLevel, Server } from '@modelcontextprotocol/server';

import type { TargetRuntime } from '../upstream/targetRuntime.js';
import type { UpstreamConnection } from '../upstream/upstreamConnection.js';
import { sessionEvents } from './upstreamBridge.js';

/**
 * The upstream sessions of one downstream session (stateful mode): one per target, opened on first
 * use with the client's own capabilities, closed with the downstream session. Each forwards what
 * its target sends back to this client only: logs, resource updates, and sampling, elicitation and
 * roots requests (delivered on the stream of the call in flight, or the session's own stream). A
 * 2026-07-28 target has no session state: its input requests arrive in `input_required` answers
 * (relayed the same way) and the client's log level travels in each request's envelope.
 */
export class SessionUpstreams {
  readonly #connections = new Map<string, UpstreamConnection>();
  /** Per target: settles once the remembered log level reached a new upstream session. */
  readonly #levelForwarded = new Map<string, Promise<void>>();
  readonly #server: Server;
  #logLevel: LoggingLevel | undefined;

  /** @param server - The downstream session's SDK server. */
  constructor(server: Server) {
    this.#server = server;
  }

  /**
   * The session's connection to `target`, created on first use. A log level the client set before
   * is forwarded to a new session first, so the first call's logs already honour it.
   */
  async connectionTo(target: TargetRuntime): Promise<UpstreamConnection> {
    let connection = this.#connections.get(target.name);
    if (connection === undefined) {
      const capabilities = this.#server.getClientCapabilities() ?? {};
      connection = target.openSessionConnection({
        capabilities: {
          ...(capabilities.sampling ? { sampling: capabilities.sampling } : {}),
          ...(capabilities.elicitation ? { elicitation: capabilities.elicitation } : {}),
          ...(capabilities.roots ? { roots: capabilities.roots } : {}),
        },
        events: sessionEvents(this.#server),
        resourceUpdates: true,
      });
      this.#connections.set(target.name, connection);
      if (this.#logLevel !== undefined) {
        this.#levelForwarded.set(target.name, this.#forwardLogLevel(connection, this.#logLevel));
      }
    }
    await this.#levelForwarded.get(target.name);
    return connection;
  }

  /** The log level the client set (`logging/setLevel`), if any. */
  get logLevel(): LoggingLevel | undefined {
    return this.#logLevel;
  }

  /** Remembers the client's log level and passes it to every open 2025 upstream session. */
  async setLogLevel(level: LoggingLevel): Promise<void> {
    this.#logLevel = level;
    await Promise.all(
      [...this.#connections.values()].map((connection) => this.#forwardLogLevel(connection, level)),
    );
  }

  /** Ends every upstream session of this downstream session. */
  async closeAll(): Promise<void> {
    const connections = [...this.#connections.values()];
    this.#connections.clear();
    this.#levelForwarded.clear();
    await Promise.all(connections.map((connection) => connection.close()));
  }

  async #forwardLogLevel(connection: UpstreamConnection, level: LoggingLevel): Promise<void> {
    if (!connection.isConnected) await connection.connect().catch(() => undefined);
    // A 2026-07-28 target gets the level in each request's envelope instead.
    if (connection.era !== 'legacy' || !connection.serverCapabilities?.logging) return;
    await connection
      .request({ method: 'logging/setLevel', params: { level } }, undefined)
      .catch(() => undefined);
  }
}
