import {
  type Implementation,
  type jsonSchemaValidator,
  Server,
  type ServerCapabilities,
  type ServerOptions,
} from '@modelcontextprotocol/server';

import { CancellationAwareServer } from './cancellationAwareServer.js';
import type { ForwardingContext } from './forwardToTarget.js';
import { installForwardingHandlers } from './installForwardingHandlers.js';
import { SessionUpstreams } from './sessionUpstreams.js';
import type { StatelessCancellation } from './statelessCancellation.js';

/** What {@link buildGatewayServer} needs from the running gateway. */
export interface GatewayServerParts extends Omit<ForwardingContext, 'session' | 'cancellation'> {
  readonly version: string;
  readonly jsonSchemaValidator: jsonSchemaValidator;
  /** Joins cancellations to calls across stateless requests. */
  readonly cancellation: StatelessCancellation;
  /** The open sessions' servers (stateful mode): each is added when built, removed when closed. */
  readonly sessions: Set<Server>;
}

/**
 * The gateway's identity in `initialize` and in 2026-07-28 results' `_meta.serverInfo`.
 *
 * @param version - The gateway's version.
 */
export function gatewayServerInfo(version: string): Implementation {
  return { name: 'agentcore-mcp-gateway', title: 'AgentCore MCP gateway', version };
}

/**
 * Builds the downstream MCP server of one request (every MCP 2026-07-28 request; 2025 requests in
 * stateless mode) or one 2025 session (stateful): the gateway's capabilities and forwarding
 * handlers, plus in stateful mode the session's own upstream sessions (closed with it) and in
 * stateless 2025 mode the cancellation watch.
 *
 * @param parts - See {@link GatewayServerParts}.
 * @param mode - The protocol era and `stateless: true` for one request.
 * @returns The SDK server, not yet connected.
 * @example
 * ```ts
 * createMcpHttpServer({ ...options, buildServer: (mode) => buildGatewayServer(parts, mode) });
 * ```
 */
export function buildGatewayServer(
  parts: GatewayServerParts,
  mode: { era: 'legacy' | 'modern'; stateless: boolean },
): Server {
  const info = gatewayServerInfo(parts.version);
  const capabilities: ServerCapabilities = {
    tools: { listChanged: true },
    // 2026-07-28 has no resources/subscribe: clients use subscriptions/listen.
    resources:
      mode.era === 'legacy' ? { subscribe: true, listChanged: true } : { listChanged: true },
    prompts: { listChanged: true },
    completions: {},
    logging: {},
  };
  const options: ServerOptions = { capabilities, jsonSchemaValidator: parts.jsonSchemaValidator };
  if (mode.era === 'modern') {
    const server = new Server(info, options);
    installForwardingHandlers(server, { ...parts, session: undefined, cancellation: undefined });
    return server;
  }
  if (mode.stateless) {
    const server = new CancellationAwareServer(info, options, parts.cancellation);
    installForwardingHandlers(server, {
      ...parts,
      session: undefined,
      cancellation: parts.cancellation,
    });
    return server;
  }
  const server = new Server(info, options);
  const session = new SessionUpstreams(server);
  installForwardingHandlers(server, { ...parts, session, cancellation: undefined });
  parts.sessions.add(server);
  server.onclose = () => {
    parts.sessions.delete(server);
    void session.closeAll();
  };
  return server;
}
